package io.kengine.engine.ops;

import io.kengine.config.EngineConfig;
import io.kengine.config.EngineConfigLoader;
import io.kengine.engine.EngineOptions;
import io.kengine.engine.ScriptedFeedSettings;
import io.kengine.engine.StrategyParameters;
import io.kengine.engine.TradingEngine;
import io.kengine.engine.rehearsal.IdleRehearsal;
import io.kengine.engine.ring.StageMapping;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.kengine.engine.ops.WebhookAlertsTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A quiet engine rehearses on its business thread, and /metrics says how often and that it still runs. */
class RehearsalMetricsTest {
    private static final Pattern STEPS = Pattern.compile("(?m)^kengine_rehearsal_steps_total (\\d+)$");

    @Test
    @Timeout(60)
    void rehearsalStepsAreExported(@TempDir Path dir) throws Exception {
        EngineConfig cfg = EngineConfigLoader.loadFromString("engine:\n  runMode: paper\n  environment: sim\n"
            + "  control:\n    portFile: " + dir.resolve("engine.port") + "\n", "quiet.yaml", StrategyParameters.all());
        EngineOptions options = new EngineOptions(StageMapping.SINGLE, "phased-backoff", 4096, 1024, dir.resolve("journal"), 5,
            "paper", TimeUnit.MICROSECONDS.toNanos(500));
        // a slow scripted feed: mostly idle time between events
        TradingEngine engine = TradingEngine.start(options, new ScriptedFeedSettings(2, 7, 50, 100, 1_000_000),
            cfg.strategy().asMap().entrySet(), new SystemEpochNanoClock());
        OpsRuntime ops = OpsRuntime.start(engine, options, cfg, null, StrategyParameters.all(), Map.of(), null);
        try {
            IdleRehearsal rehearsal = engine.rehearsal();
            assertNotNull(rehearsal, "single mapping with phased-backoff rehearses");
            await(() -> rehearsal.steps() >= 100, "a hundred rehearsal steps");
            long before = rehearsal.steps();
            String metrics = new ControlClient(ops.controlPort()).get("/metrics", Map.of()).body();
            long after = rehearsal.steps();
            Matcher m = STEPS.matcher(metrics);
            assertTrue(m.find(), metrics);
            long exported = Long.parseLong(m.group(1));
            assertTrue(exported >= before && exported <= after, exported + " outside [" + before + ", " + after + "]");
            assertTrue(metrics.contains("# TYPE kengine_rehearsal_steps_total counter"), metrics);
            assertTrue(metrics.contains("\nkengine_rehearsal_running 1\n"), metrics);
            assertTrue(rehearsal.intents() >= before, "the private chain quotes once per step: " + rehearsal.intents());
        } finally {
            GracefulShutdown.run(engine, ops, 1_000, "test over", System.out);
        }
        assertEquals(0, engine.runtime().stageErrors().count());
    }
}

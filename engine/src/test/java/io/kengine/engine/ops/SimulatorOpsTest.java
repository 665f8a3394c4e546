package io.kengine.engine.ops;

import io.kengine.config.EngineConfig;
import io.kengine.config.EngineConfigLoader;
import io.kengine.engine.EngineOptions;
import io.kengine.engine.StrategyParameters;
import io.kengine.engine.TradingEngine;
import io.kengine.engine.ring.StageMapping;
import io.kengine.engine.simulator.SimulatorMarketSource;
import io.kengine.protocol.event.OperatorCommandEvent;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.kengine.engine.ops.WebhookAlertsTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default run's market source with the operator side: feed metrics, connection state, tickers for --market. */
class SimulatorOpsTest {
    @Test
    @Timeout(60)
    void feedMetricsConnectionAndTickersOnTheEmbeddedSimulator(@TempDir Path dir) throws Exception {
        EngineConfig cfg = EngineConfigLoader.loadFromString("engine:\n  runMode: paper\n  environment: sim\n"
            + "  control:\n    portFile: " + dir.resolve("engine.port") + "\n", "sim.yaml", StrategyParameters.all());
        EngineOptions options = new EngineOptions(StageMapping.FUSED, "blocking", 4096, 1024, dir.resolve("journal"), 5, "paper");
        TradingEngine engine = TradingEngine.start(options,
            runtime -> new SimulatorMarketSource(0, 2, 99, 50, runtime::newInboundPublisher),
            cfg.strategy().asMap().entrySet(), new SystemEpochNanoClock());
        OpsRuntime ops = OpsRuntime.start(engine, options, cfg, null, StrategyParameters.all(), Map.of(), null);
        try {
            await(() -> ops.status().snapshot().connection().equals("connected") && ops.status().snapshot().marketsTrusted() == 2,
                "a connected feed with two trusted books");
            ControlClient client = new ControlClient(ops.controlPort());
            String metrics = client.get("/metrics", Map.of()).body();
            assertTrue(metrics.contains("kengine_feed_connected 1"), metrics);
            assertTrue(metrics.matches("(?s).*kengine_feed_messages_total\\{type=\"orderbook_snapshot\"} [1-9].*"), metrics);
            assertTrue(metrics.contains("kengine_feed_decode_errors_total{reason="), metrics);

            String ticker = ((SimulatorMarketSource) engine.source()).simulator().tickers().get(1);
            ControlClient.Response r = client.post("/halt", Map.of("market", ticker, "reason", "one market"));
            assertEquals(200, r.status(), r.body());
            assertEquals(1, ops.commands().recent().get(0).marketId());
            assertEquals(1, ops.commands().published(OperatorCommandEvent.HALT));
        } finally {
            GracefulShutdown.run(engine, ops, 1_000, "test over", System.out);
        }
        assertEquals(0, engine.runtime().stageErrors().count());
    }
}

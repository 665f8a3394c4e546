package io.kengine.engine;

import io.kengine.engine.ops.LatencyPath;
import io.kengine.engine.ops.LatencyRecorder;
import io.kengine.engine.ring.StageMapping;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A running engine records every latency path the metrics endpoint exposes, except the feed's own. */
class EngineLatencyTest {

    @ParameterizedTest
    @EnumSource(StageMapping.class)
    void everyRingPathIsRecorded(StageMapping mapping, @TempDir Path journal) throws Exception {
        EngineOptions options = new EngineOptions(mapping, "blocking", 4096, 1024, journal, 0x1A7L, "paper");
        try (TradingEngine engine = TradingEngine.start(options, new ScriptedFeedSettings(3, 7, 20_000, 5, 20_000),
            StrategyDefaults.entries(Map.of("risk.tokens.tier", "prestige")), new SystemEpochNanoClock())) {
            assertTrue(engine.awaitFeed(60, TimeUnit.SECONDS));
            assertTrue(engine.runtime().drain(10_000));
            for (LatencyPath p : new LatencyPath[] {LatencyPath.BOOK, LatencyPath.PRICING, LatencyPath.RISK,
                LatencyPath.JOURNAL, LatencyPath.TICK_TO_INTENT, LatencyPath.INTENT_TO_WIRE}) {
                LatencyRecorder.Snapshot s = engine.runtime().latencies().get(p).snapshot();
                assertTrue(s.count() > 0, p + " recorded nothing");
                assertTrue(s.max() > 0 && s.p50() <= s.max(), p + ": " + s);
            }
        }
    }
}

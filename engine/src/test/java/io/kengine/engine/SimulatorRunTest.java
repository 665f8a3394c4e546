package io.kengine.engine;

import io.kengine.engine.ring.StageMapping;
import io.kengine.engine.simulator.SimulatorMarketSource;
import io.kengine.journal.ReplayResult;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default run's path end to end: the embedded simulator on loopback, the real WebSocket feed,
 * the rings and stages quoting, the journal; then replay of that journal is identical.
 */
class SimulatorRunTest {

    @Test
    void engineTradesTheEmbeddedSimulatorAndTheRunReplaysIdentically(@TempDir Path journal) throws Exception {
        EngineOptions options = new EngineOptions(StageMapping.FUSED, "blocking", 4096, 1024, journal, 0xC0FFEEL, "paper");
        try (TradingEngine engine = TradingEngine.start(options,
            runtime -> new SimulatorMarketSource(0, 2, 99, 50, runtime::newInboundPublisher),
            StrategyDefaults.entries(), new SystemEpochNanoClock())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (engine.runtime().counters().intentsSent.get() < 4 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
            }
            assertTrue(engine.runtime().counters().intentsSent.get() >= 4,
                "no quotes from simulator market data: " + engine.runtime().counters().inboundPublished.get() + " events in");
            assertEquals(0, engine.runtime().stageErrors().count());
            // every WebSocket frame's arrival → on-the-ring time is recorded for status and metrics
            assertTrue(engine.runtime().latencies().get(io.kengine.engine.ops.LatencyPath.FEED_DECODE).snapshot().count() > 0,
                "feed_decode latency not recorded");
        }
        ReplayResult result = EngineReplay.replay(journal, Map.of());
        assertTrue(result.identical(), result.summary());
        assertTrue(result.intents() >= 4);
    }
}

package io.kengine.bench;

import io.kengine.journal.ReplayResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayThroughputBenchmarkTest {
    @Test
    @Timeout(120)
    void replayAndReadFloorHandleEveryJournaledInboundEvent() {
        ReplayThroughputBenchmark bench = new ReplayThroughputBenchmark();
        bench.feedEvents = 20_000;
        bench.setUp();
        Path journal = bench.journal();
        try {
            assertTrue(bench.inboundEvents() > 20_000, "journal holds " + bench.inboundEvents() + " inbound events");

            ReplayThroughputBenchmark.Events replayed = new ReplayThroughputBenchmark.Events();
            ReplayResult result = bench.replay(replayed);
            assertEquals(bench.inboundEvents(), replayed.events);
            // more than one create per side per market: orders were replaced, not only placed once
            assertTrue(result.intents() > 2 * ScriptedEvents.MARKETS, "only " + result.intents() + " intents: the recorded run did not trade");

            ReplayThroughputBenchmark.Events read = new ReplayThroughputBenchmark.Events();
            bench.journalReadFloor(read);
            assertEquals(bench.inboundEvents(), read.events);
        } finally {
            bench.tearDown();
        }
        assertFalse(Files.exists(journal), "the benchmark left its journal behind");
    }
}

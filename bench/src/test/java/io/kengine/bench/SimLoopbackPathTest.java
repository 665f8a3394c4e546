package io.kengine.bench;

import io.kengine.engine.ring.StageMapping;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loopback harness end to end with the simulator in a child JVM: every step sent over the pipe becomes
 * one {@code orderbook_delta} that the engine's feed publishes, the engine quotes on them, and closing
 * ends the child.
 */
class SimLoopbackPathTest {
    private static final int STEPS = 64;

    @Test
    void everyStepReachesTheEngineAsOneDelta() throws Exception {
        PlannedClock clock = new PlannedClock();
        try (SimLoopbackPath path = new SimLoopbackPath(StageMapping.SINGLE, "auto", false, 2, clock, false,
            io.kengine.feed.connection.FeedTransport.DIRECT, MarkedEngine.DEFAULT_REHEARSAL_NANOS, false)) {
            long before = path.deltasPublished();
            long intentsBefore = path.intents();
            for (int i = 0; i < STEPS; i++) {
                path.submit(null, clock.now());
                path.pump();
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (path.deltasPublished() - before < STEPS && System.nanoTime() < deadline) {
                path.pump();
                Thread.onSpinWait();
            }
            assertTrue(path.drain(30_000), "the path did not drain");
            assertEquals(STEPS, path.deltasPublished() - before, "one delta per step, no more, no fewer");
            assertEquals(0, path.errors());
            assertTrue(path.intents() > intentsBefore, "the engine quoted on the moving books");
        }
    }

    /**
     * {@code +rest}: the engine's orders go through its real REST gateway to the simulator, which accepts them
     * (no unknown outcome, no risk block), and to-wire counts the requests the gateway wrote to the socket.
     */
    @Test
    void restOrdersReachTheSimulatorAndToWireIsTimedAtTheSocket() throws Exception {
        PlannedClock clock = new PlannedClock();
        try (SimLoopbackPath path = new SimLoopbackPath(StageMapping.SINGLE, "auto", false, 2, clock, false,
            io.kengine.feed.connection.FeedTransport.DIRECT, MarkedEngine.DEFAULT_REHEARSAL_NANOS, true)) {
            for (int i = 0; i < 16; i++) {
                path.submit(null, clock.now());
                path.pump();
            }
            RestHarnessVenue rest = (RestHarnessVenue) path.venue();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (rest.sender().requests() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(path.drain(30_000), "the path did not drain");
            long requests = rest.sender().requests();
            // everything since the path started: the engine may have quoted (and written) before the first step
            org.HdrHistogram.Histogram wire = path.wireInterval(null);
            assertTrue(requests > 0, "no order request reached the simulator");
            assertTrue(wire.getTotalCount() > 0 && wire.getTotalCount() <= requests,
                wire.getTotalCount() + " to-wire samples for " + requests + " requests");
            assertEquals(0, path.errors(), path.detail());
            // the exchange may refuse a post-only amend that would cross, but never an amend under an id it did
            // not give: that (the late-amend-answer bug) opened the risk breaker and stopped quoting within seconds
            assertEquals(0, path.riskBlocks(), path.detail());

            // the simulator tags the deltas our orders cause, and the book nets them out: the engine goes on
            // reacting to the market's moves rather than reading its own quotes as the top of the book
            // (without netting, after its first quotes it made no intent on later steps)
            assertTrue(path.ownDeltas() > 0, path.detail());
            // one step at a time, each after the last one's orders were answered (an order with a request in
            // flight waits for its answer before it moves again, so back-to-back steps would merge)
            long intentsBefore = path.intents();
            for (int i = 0; i < 16; i++) {
                path.submit(null, clock.now());
                path.pump();
                long stepDeadline = System.nanoTime() + 10_000_000_000L;
                while (!(rest.idle() && path.drain(50)) && System.nanoTime() < stepDeadline) {
                    path.pump();
                }
            }
            assertTrue(path.intents() - intentsBefore >= 12,
                (path.intents() - intentsBefore) + " intents on 16 later steps; " + path.detail());
        }
    }
}

package io.kengine.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A two-second run of each phase: the harness starts, the frames arrive complete and in order, and it cleans up. */
class SimWebSocketRateTest {
    private static final SimWebSocketRate.Options SHORT = new SimWebSocketRate.Options("both", 1, 1, 1, 2, 50, 10_000, "refuse");

    @Test
    void simPhaseDeliversEveryFrameInOrder() throws Exception {
        SimWebSocketRate.Result r = SimWebSocketRate.runSim(SHORT, false);
        assertTrue(r.received() > 1_000, "received " + r.received());
        assertTrue(r.deltas() > 0 && r.trades() > 0, r.report());
        assertEquals(0, r.lost(), r.report());
        assertEquals(0, r.seqGaps(), r.report());
        assertEquals(0, r.seqRepeats(), r.report());
        assertEquals(2, r.snapshots(), "one snapshot per market");
        assertNotNull(r.sampleFrame());
        assertTrue(r.notes().contains("negotiated extensions: none"), r.notes());
    }

    @Test
    void floorPhaseDeliversEveryFrameInOrderWithDeflateOffered() throws Exception {
        SimWebSocketRate.Result r = SimWebSocketRate.runFloor(SHORT, SimWebSocketRate.DEFAULT_FRAME, true);
        assertTrue(r.received() > 1_000, "received " + r.received());
        assertEquals(r.sent(), r.received(), r.report());
        assertEquals(0, r.seqGaps(), r.report());
        assertTrue(r.notes().contains("permessage-deflate"), r.notes());
    }
}

package io.kengine.feed.connection;

import org.junit.jupiter.api.Test;

import static io.kengine.feed.connection.SequenceTracker.FIRST;
import static io.kengine.feed.connection.SequenceTracker.GAP;
import static io.kengine.feed.connection.SequenceTracker.IN_ORDER;
import static io.kengine.feed.connection.SequenceTracker.REGRESSION;
import static io.kengine.feed.connection.SequenceTracker.REPEAT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SequenceTrackerTest {
    private final SequenceTracker t = new SequenceTracker();

    @Test
    void classifiesEachSidSeparately() {
        assertEquals(FIRST, t.onSeq(1, 1));
        assertEquals(IN_ORDER, t.onSeq(1, 2));
        assertEquals(FIRST, t.onSeq(2, 40));
        assertEquals(IN_ORDER, t.onSeq(2, 41));
        assertEquals(IN_ORDER, t.onSeq(1, 3));
        assertEquals(GAP, t.onSeq(1, 5));
        assertEquals(IN_ORDER, t.onSeq(1, 6), "after a gap the newest seq is the baseline");
        assertEquals(REPEAT, t.onSeq(1, 6));
        assertEquals(REGRESSION, t.onSeq(1, 4));
        assertEquals(6, t.lastSeq(1), "a repeat or regression never moves the baseline back");
        assertEquals(IN_ORDER, t.onSeq(1, 7));
        assertEquals(41, t.lastSeq(2));
    }

    @Test
    void forgetAndResetStartOver() {
        t.onSeq(1, 10);
        t.onSeq(2, 10);
        t.forget(1);
        assertEquals(FIRST, t.onSeq(1, 1));
        assertEquals(IN_ORDER, t.onSeq(2, 11));
        t.reset();
        assertEquals(Long.MIN_VALUE, t.lastSeq(2));
        assertEquals(FIRST, t.onSeq(2, 1));
    }

    @Test
    void allocatesNothingOnceTheSidIsKnown() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!(mx instanceof com.sun.management.ThreadMXBean)) {
            return;
        }
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) mx;
        t.onSeq(3, 0);
        for (int i = 1; i < 20_000; i++) {
            t.onSeq(3, i); // warm-up
        }
        long before = bean.getCurrentThreadAllocatedBytes();
        for (int i = 20_000; i < 120_000; i++) {
            t.onSeq(3, i);
        }
        long allocated = bean.getCurrentThreadAllocatedBytes() - before;
        // a few hundred bytes can come from the JIT recompiling during the window; a per-op allocation would be megabytes
        assertTrue(allocated < 4_096, allocated + " bytes allocated over 100k in-order seqs");
    }
}

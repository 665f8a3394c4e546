package io.kengine.journal;

import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.stage.EventSlot;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal sits on the hot path (append) and replay must scale to long sessions: both must
 * allocate nothing per event once warm. Measured with the JVM's per-thread allocation counter.
 */
class AllocationTest {
    private static final int WARM_UP = 50_000;
    private static final int MEASURED = 100_000;
    /** Slack for one-off JIT/runtime bookkeeping on this thread; far below one byte per event. */
    private static final long BOUND_BYTES = 16 * 1024;

    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    @BeforeAll
    static void counterAvailable() {
        assertTrue(THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled());
    }

    @Test
    void appendAllocatesNothingOnceWarm() {
        UnsafeBuffer b = TestEvents.buffer();
        int length = TestEvents.delta(b, TestEvents.MARKET, 5600, 100, 1);
        try (JournalWriter w = JournalWriter.open(dir, JournalFormat.IN)) {
            appendMany(w, b, length, WARM_UP);
            long bytes = Long.MAX_VALUE; // best of three rounds: a JIT recompile or file remap may allocate once
            for (int round = 0; round < 3; round++) {
                long before = allocated();
                appendMany(w, b, length, MEASURED);
                bytes = Math.min(bytes, allocated() - before);
            }
            System.out.println("journal append: " + bytes + " bytes allocated over " + MEASURED + " appends");
            assertTrue(bytes < BOUND_BYTES, bytes + " bytes allocated over " + MEASURED + " appends");
        }
    }

    @Test
    void readAllocatesNothingOnceWarm() {
        UnsafeBuffer b = TestEvents.buffer();
        int length = TestEvents.delta(b, TestEvents.MARKET, 5600, 100, 1);
        try (JournalWriter w = JournalWriter.open(dir, JournalFormat.IN)) {
            appendMany(w, b, length, WARM_UP + 3 * MEASURED);
        }
        try (JournalReader r = JournalReader.open(dir, JournalFormat.IN)) {
            readMany(r, b, WARM_UP);
            long bytes = Long.MAX_VALUE; // best of three rounds, as above
            for (int round = 0; round < 3; round++) {
                long before = allocated();
                readMany(r, b, MEASURED);
                bytes = Math.min(bytes, allocated() - before);
            }
            System.out.println("journal read: " + bytes + " bytes allocated over " + MEASURED + " reads");
            assertTrue(bytes < BOUND_BYTES, bytes + " bytes allocated over " + MEASURED + " reads");
        }
    }

    @Test
    void replayLoopAllocatesNothingPerEvent() {
        int deltas = 120_000;
        try (SimulatedEngine engine = new SimulatedEngine(dir, QuotingPipeline.factory())) {
            engine.startSession(1);
            engine.config(QuotingPipeline.SIZE_KEY, "2.00");
            engine.marketData(deltas, 0);
        }
        // measured from inside the pipeline: everything the driver does between two events counts
        long[] at = new long[2];
        long[] seen = new long[1];
        long start = System.nanoTime();
        ReplayResult r = ReplayDriver.replay(dir, sink -> {
            QuotingPipeline quoting = new QuotingPipeline(sink, QuotingPipeline.Variant.SAME, -1);
            return (EventSlot slot) -> {
                long n = seen[0]++;
                if (n == WARM_UP) {
                    at[0] = allocated();
                } else if (n == WARM_UP + MEASURED) {
                    at[1] = allocated();
                }
                quoting.onEvent(slot);
            };
        }, Map.of());
        long nanos = System.nanoTime() - start;
        assertTrue(r.ok(), r.summary());
        long bytes = at[1] - at[0];
        System.out.printf("replay: %d events, %d intents in %.1f ms (%.2f M events/s incl. open), %d bytes allocated over %d events%n",
            r.events(), r.intents(), nanos / 1e6, r.events() * 1e3 / nanos, bytes, MEASURED);
        assertTrue(bytes < BOUND_BYTES, bytes + " bytes allocated over " + MEASURED + " replayed events");
    }

    @Test
    void trivialPipelineReplayRate() {
        UnsafeBuffer b = TestEvents.buffer();
        int events = 1_000_000;
        JournalWriter.open(dir, JournalFormat.OUT).close(); // a run without intents
        try (JournalWriter in = JournalWriter.open(dir, JournalFormat.IN)) {
            int length = TestEvents.sessionStart(b, 1);
            in.append(b, 0, length);
            length = TestEvents.delta(b, TestEvents.MARKET, 5600, 100, 1);
            for (int i = 1; i < events; i++) {
                TestEvents.stamp(b, i, TestEvents.T0 + i);
                in.append(b, 0, length);
            }
        }
        long[] sum = new long[1];
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            ReplayResult r = ReplayDriver.replay(dir, sink -> slot -> sum[0] += slot.type() == EventType.BOOK_DELTA ? 1 : 0, Map.of());
            best = Math.min(best, System.nanoTime() - start);
            assertEquals(events, r.events());
        }
        // printed, not asserted: timing on a shared 2-core machine is not a pass/fail criterion
        System.out.printf("replay, trivial pipeline: %d events in %.1f ms = %.2f M events/s%n",
            events, best / 1e6, events * 1e3 / best);
        assertEquals(3L * (events - 1), sum[0]);
    }

    private static void appendMany(JournalWriter w, UnsafeBuffer b, int length, int n) {
        for (int i = 0; i < n; i++) {
            EventHeader.sequence(b, 0, i);
            w.append(b, 0, length);
        }
    }

    private static void readMany(JournalReader r, UnsafeBuffer dst, int n) {
        for (int i = 0; i < n; i++) {
            assertTrue(r.next(dst));
        }
    }

    private static long allocated() {
        return THREADS.getCurrentThreadAllocatedBytes();
    }
}

package io.kengine.engine.ops;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A recorder made for several writers loses no sample when they record at once; snapshots keep count and sum. */
class LatencyRecorderTest {
    @Test
    void severalWritersLoseNothing() throws Exception {
        LatencyRecorder r = new LatencyRecorder("receive_to_wire", true);
        int threads = 4;
        int each = 50_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long value = 1_000L * (t + 1);
            Thread w = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < each; i++) {
                    r.record(value);
                }
            });
            w.start();
            writers.add(w);
        }
        go.countDown();
        long snapshots = 0;
        for (Thread w : writers) {
            while (w.isAlive()) {
                r.snapshot(); // a reader swapping intervals while they write
                snapshots++;
                w.join(1);
            }
        }
        LatencyRecorder.Snapshot s = r.snapshot();
        assertEquals((long) threads * each, s.count());
        // sum = each × (1 000 + 2 000 + 3 000 + 4 000) ns, within the histogram's 2-digit precision
        double expected = each * 10_000.0;
        assertTrue(Math.abs(s.sumNanos() - expected) / expected < 0.01, s.sumNanos() + " vs " + expected);
        assertTrue(snapshots > 0);
    }

    @Test
    void aSingleWriterRecorderKeepsItsCountsToo() {
        LatencyRecorder r = new LatencyRecorder("book");
        for (int i = 1; i <= 1_000; i++) {
            r.record(i * 100L);
        }
        r.record(-5); // clamped to 1 ns, never an exception
        LatencyRecorder.Snapshot s = r.snapshot();
        assertEquals(1_001, s.count());
        assertTrue(s.p50() >= 49_000 && s.p50() <= 51_000, "p50 " + s.p50());
    }
}

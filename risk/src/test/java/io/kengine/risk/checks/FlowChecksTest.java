package io.kengine.risk.checks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class FlowChecksTest {
    private static final long MS = 1_000_000L;

    @Test
    void tokenBucketStartsFullRefillsFromEventTimeAndKeepsAReserve() {
        TokenBucket t = new TokenBucket();
        t.configure(100, 100);
        t.refill(0);
        assertEquals(100, t.tokens());
        for (int i = 0; i < 8; i++) {
            assertTrue(t.canSpend(10, 20));
            t.spend(10);
        }
        assertFalse(t.canSpend(10, 20), "20 left: the cancel reserve");
        assertTrue(t.canSpend(2, 0));
        t.refill(100 * MS);                  // 0.1 s × 100/s = 10 tokens
        assertEquals(30, t.tokens());
        t.refill(100 * MS + 5_000);          // 5 µs: 0.0005 tokens, kept in micro-tokens
        t.refill(200 * MS);
        assertEquals(40, t.tokens());
        t.refill(10_000 * MS);
        assertEquals(100, t.tokens(), "never above capacity");
        t.spend(1000);
        assertEquals(0, t.tokens(), "never below zero");
    }

    @Test
    void rateWindowCountsTheLastMinuteOfEventTime() {
        OrderRateWindow w = new OrderRateWindow();
        w.configure(3);
        assertTrue(w.allows(0, 3));
        w.record(0);
        w.record(10_000 * MS);
        w.record(20_000 * MS);
        assertFalse(w.allows(30_000 * MS, 1));
        assertFalse(w.allows(60_001 * MS, 1), "counted until the last nanosecond of its ≈ 1.05 ms bucket is 60 s old");
        assertTrue(w.allows(60_002 * MS, 1), "the first left the window");
        assertFalse(w.allows(60_002 * MS, 2));
        assertEquals(2, w.inWindow(60_002 * MS));
    }

    /**
     * The ring holds a minute of ≈ 1.05 ms buckets at most, allocated at configuration: no rate makes it grow.
     * On a random stream (≈ 1.2 M orders a minute, then ≈ 30 000, several per millisecond at times, and event
     * times a little out of order as two producers' clocks give them) it counts at least what an exact 60 s
     * window holds, and at most what a window one bucket (2^20 ns) longer holds.
     */
    @Test
    void rateWindowIsAMinuteOfBucketsAndNeverCountsLessThanTheExactWindow() {
        OrderRateWindow w = new OrderRateWindow();
        w.configure(60_000_000);
        assertEquals(57_222, w.capacity(), "a 60 M cap allocates a minute of buckets, not 480 MB");
        w.configure(600);
        assertEquals(600, w.capacity(), "a realistic cap needs no more buckets than orders");
        w.configure(60_000_000);

        java.util.ArrayDeque<Long> exact = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Long> longer = new java.util.ArrayDeque<>();
        java.util.Random rnd = new java.util.Random(7);
        long now = 5 * MS;
        for (int i = 0; i < 3_000_000; i++) {
            now += i < 2_500_000 ? rnd.nextInt(100_000) : rnd.nextInt(4_000_000); // ≈ 20 000/s, then ≈ 500/s
            long stamped = now - rnd.nextInt(3_000); // a few µs out of order
            while (!exact.isEmpty() && now - exact.peekFirst() >= OrderRateWindow.WINDOW_NANOS) {
                exact.pollFirst();
            }
            while (!longer.isEmpty() && now - longer.peekFirst() >= OrderRateWindow.WINDOW_NANOS + (1L << 20)) {
                longer.pollFirst();
            }
            int counted = w.inWindow(now);
            if (counted < exact.size() || counted > longer.size()) {
                fail("at order " + i + ": counted " + counted + ", exact window " + exact.size() + ", one bucket longer " + longer.size());
            }
            w.record(stamped);
            exact.addLast(Math.max(stamped, exact.isEmpty() ? stamped : exact.peekLast()));
            longer.addLast(Math.max(stamped, longer.isEmpty() ? stamped : longer.peekLast()));
        }
        assertEquals(57_222, w.capacity(), "never grew");

        OrderRateWindow small = new OrderRateWindow();
        small.configure(5);
        for (int i = 0; i < 8; i++) {
            small.record(i * MS); // past the cap without asking: the oldest make room
        }
        assertEquals(5, small.inWindow(8 * MS));
        assertEquals(5, small.capacity());
        assertEquals(1, small.inWindow(60_007 * MS), "only the order of ms 7 is left");
        assertEquals(0, small.inWindow(60_008 * MS));
    }

    @Test
    void orderFlowMirrorsCreatesAmendsCancelsAndOpenOrders() {
        OrderFlow f = new OrderFlow(8);
        assertEquals(OrderFlow.CREATE, f.bidAction(1, 4000, 100));
        f.commit(1, 4000, 100, 6000, 100);
        assertEquals(2, f.openOrders(1));
        assertEquals(OrderFlow.NONE, f.bidAction(1, 4000, 100));
        assertEquals(OrderFlow.AMEND, f.bidAction(1, 4100, 100));
        assertEquals(OrderFlow.CANCEL, f.askAction(1, 6000, 0));
        assertEquals(4000L * 100 + 4000L * 100, f.reservedRaw(1));
        f.takerSent(2);
        assertEquals(3, f.openOrders());
        f.finalReply(2);
        f.finalReply(2);
        assertEquals(2, f.openOrders(), "extra replies do not go negative");
        f.filled(1, true, 100);
        assertEquals(1, f.openOrders(1));
        f.pull(1);
        assertEquals(0, f.openOrders());
        assertEquals(0, f.reservedTotalRaw());
    }

    @Test
    void notionalCutsToTheCostCap() {
        assertEquals(250, PreTradeChecks.notional(true, 4000, 10_000, 10_000), "$1 at 0.40 buys 2.50 contracts");
        assertEquals(166, PreTradeChecks.notional(false, 4000, 10_000, 10_000), "an ask costs the NO price");
        assertEquals(100, PreTradeChecks.notional(true, 4000, 100, 10_000));
    }
}

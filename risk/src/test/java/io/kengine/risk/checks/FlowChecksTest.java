package io.kengine.risk.checks;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertTrue(w.allows(60_000 * MS, 1), "the first left the window");
        assertFalse(w.allows(60_000 * MS, 2));
        assertEquals(2, w.inWindow(60_000 * MS));
    }

    /**
     * A huge cap costs no memory until orders fill the window; the ring grows (keeping order and wrap-around
     * intact) and counts exactly as a fixed array would. Cross-checked against a naive list on a random stream.
     */
    @Test
    void rateWindowGrowsWithTheOrdersNotWithTheCap() {
        OrderRateWindow engine = new OrderRateWindow();
        engine.configure(60_000_000);
        assertEquals(1 << 20, engine.capacity(), "a 60 M cap must not allocate 480 MB up front");
        engine.configure(600);
        assertEquals(600, engine.capacity(), "a realistic cap is allocated whole at configuration");

        OrderRateWindow w = new OrderRateWindow(1_024); // small start, to see it grow
        w.configure(60_000_000);
        assertEquals(1_024, w.capacity());
        java.util.ArrayDeque<Long> naive = new java.util.ArrayDeque<>();
        java.util.Random rnd = new java.util.Random(7);
        long now = 0;
        for (int i = 0; i < 200_000; i++) {
            now += rnd.nextInt(i < 100_000 ? 400_000 : 4_000_000); // ≈ 300 000 a minute, then ≈ 30 000
            while (!naive.isEmpty() && now - naive.peekFirst() >= OrderRateWindow.WINDOW_NANOS) {
                naive.pollFirst();
            }
            assertEquals(naive.size(), w.inWindow(now), "at order " + i);
            w.record(now);
            naive.addLast(now);
        }
        assertTrue(w.capacity() >= 1 << 17 && w.capacity() <= 1 << 19, "grew to the busiest minute: " + w.capacity());

        OrderRateWindow small = new OrderRateWindow(1_024);
        small.configure(5);
        for (int i = 0; i < 8; i++) {
            small.record(i * MS); // past the cap without asking: the oldest make room
        }
        assertEquals(5, small.inWindow(8 * MS));
        assertEquals(5, small.capacity());
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

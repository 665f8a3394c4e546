package io.kengine.bench;

import io.kengine.protocol.units.FixedPoint;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchingBenchmarkTest {
    private static final int STEPS = 200_000;

    /** Same flow, same seed: both books must trade, rest and queue identically, or the ratio compares different work. */
    @Test
    void exchangeAndNaiveBookRunTheSameFlowIdentically() {
        OrderFlow a = new OrderFlow();
        OrderFlow b = new OrderFlow();
        ExchangeBook exchange = new ExchangeBook(a);
        NaiveBook naive = new NaiveBook(b);
        a.reset(exchange, MatchingBenchmark.SEED);
        b.reset(naive, MatchingBenchmark.SEED);
        for (int i = 0; i < STEPS; i++) {
            a.step();
            b.step();
        }
        assertEquals(b.passives, a.passives);
        assertEquals(b.cancels, a.cancels);
        assertEquals(b.aggressives, a.aggressives);
        assertEquals(b.levelsCrossed, a.levelsCrossed);
        assertEquals(b.makerUpdates, a.makerUpdates);
        assertEquals(b.restingOrders(), a.restingOrders());
        for (int c = 1; c < 100; c++) {
            for (boolean bid : new boolean[] {true, false}) {
                long price = c * FixedPoint.CENT;
                assertEquals(b.restingVolume(bid, c), a.restingVolume(bid, c));
                assertEquals(naive.volume(bid, price), b.restingVolume(bid, c), "naive book vs flow at " + c + "c");
                assertArrayEquals(naive.queue(bid, price), exchange.queue(bid, price), "queue at " + c + "c bid=" + bid);
            }
        }
    }

    /** After the warm-up the book keeps its size and shape: a run measures the same busy book from start to end. */
    @Test
    void theBookStaysBusyAndTheMixIsAsAdvertised() {
        OrderFlow f = new OrderFlow();
        f.reset(new NaiveBook(f), MatchingBenchmark.SEED);
        int min = Integer.MAX_VALUE;
        int max = 0;
        long near = 0;
        int minBid = 100;
        int maxAsk = 0;
        for (int i = 0; i < 1_000_000; i++) {
            f.step();
            min = Math.min(min, f.restingOrders());
            max = Math.max(max, f.restingOrders());
            int bid = f.bestCents(true);
            int ask = f.bestCents(false);
            minBid = Math.min(minBid, bid);
            maxAsk = Math.max(maxAsk, ask);
            if (bid >= 45 && ask <= 55) {
                near++;
            }
        }
        long ops = f.passives + f.cancels + f.aggressives;
        System.out.printf("flow over %d ops: passive %.1f%%, cancel %.1f%%, aggressive %.1f%% (%.2f levels, %.1f maker updates each); "
                + "resting orders %d..%d; inside within %d/%d c, within 45/55 c %.1f%% of the time%n", ops, 100.0 * f.passives / ops, 100.0 * f.cancels / ops,
            100.0 * f.aggressives / ops, (double) f.levelsCrossed / f.aggressives, (double) f.makerUpdates / f.aggressives,
            min, max, minBid, maxAsk, 100.0 * near / 1_000_000);
        assertTrue(min >= OrderFlow.TARGET_ORDERS - 500 && max <= OrderFlow.TARGET_ORDERS, min + ".." + max);
        assertTrue(minBid >= 10 && maxAsk <= 90, "the inside wandered to " + minBid + "/" + maxAsk);
        double levels = (double) f.levelsCrossed / f.aggressives;
        assertTrue(levels > 1.5 && levels < 2.5, "levels crossed per aggressive order: " + levels);
        assertTrue(f.aggressives > ops / 6, "aggressive share");
        assertTrue(near > 700_000, "inside within 45/55 c only " + near + " of 1M steps");
    }
}

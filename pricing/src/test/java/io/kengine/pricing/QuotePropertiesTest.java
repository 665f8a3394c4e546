package io.kengine.pricing;

import io.kengine.protocol.stage.BookTrust;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.TopOfBookNote;
import io.kengine.protocol.units.TickGrid;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded random books, grids, engines, fair values and positions through the whole stage. Whatever the
 * inputs, a quoted side is on the market's grid, strictly inside (0, 1), never at or through the
 * opposite best, bid below ask; and moving the position one way never moves either side the other way.
 */
class QuotePropertiesTest {
    private static final long[][] CENT = {{0, 10_000, 100}};
    private static final long[][] TAPERED = {{0, 1_000, 10}, {1_000, 9_000, 100}, {9_000, 10_000, 10}};
    private static final long[][] SUB_PENNY = {{0, 10_000, 1}};
    private static final long[][] MILLS = {{0, 10_000, 10}};
    private static final long[][][] GRIDS = {CENT, TAPERED, SUB_PENNY, MILLS};
    private static final String[] ENGINES = {"*=m0", "*=m1", "*=m2", "*=m3"};

    private final PricingStage stage = new PricingStage(64);
    private final Slots s = new Slots(stage);
    private final TickGrid[] grids = new TickGrid[GRIDS.length];

    private void setUp() {
        s.config("pricing.fees.makerSeries", "KXM1*;KXM3*");
        s.config("pricing.fairValue.minConfidence", "0.0000");
        for (int g = 0; g < GRIDS.length; g++) {
            s.define(g, "KXM" + g + "-T1", "", "", 0, GRIDS[g]);
            long[] st = new long[GRIDS[g].length];
            long[] en = new long[GRIDS[g].length];
            long[] sp = new long[GRIDS[g].length];
            for (int i = 0; i < st.length; i++) {
                st[i] = GRIDS[g][i][0];
                en[i] = GRIDS[g][i][1];
                sp[i] = GRIDS[g][i][2];
            }
            grids[g] = new TickGrid(st, en, sp);
        }
    }

    @Test
    void quotesAreOnTheGridInsideTheIntervalAndNeverCross() {
        setUp();
        SplittableRandom r = new SplittableRandom(20_261_121);
        int quotedSides = 0;
        for (int i = 0; i < 20_000; i++) {
            int m = r.nextInt(GRIDS.length);
            TickGrid grid = grids[m];
            if (i % 500 == 0) {
                s.config("pricing.engines", ENGINES[r.nextInt(ENGINES.length)]);
                s.config("pricing.m1.as.enabled", r.nextBoolean() ? "true" : "false");
                s.config("pricing.m0.edge", "0.0" + r.nextInt(10) + "00");
            }
            long[] book = randomBook(r, grid);
            if (r.nextInt(4) == 0) {
                s.fairValue(m, r.nextLong(0, 10_001), r.nextInt(10_001), 60_000);
            }
            s.position(m, randomPosition(r));
            s.advanceMs(r.nextInt(2_000));
            s.book(m, Slots.LIVE, book[0], 1000 + r.nextInt(100_000), book[1], 1000 + r.nextInt(100_000), 1,
                BookTrust.TRUSTED, book[0] >= 0 && book[1] >= 0 ? (book[0] + book[1]) / 2 : TopOfBookNote.NO_PRICE,
                r.nextInt(20_001) - 10_000, r.nextInt(20_000), r.nextInt(1_000));
            quotedSides += check(s.quote, grid, book[0], book[1], "case " + i);
        }
        assertTrue(quotedSides > 10_000, "the property must be exercised: " + quotedSides + " sides quoted");
    }

    @Test
    void skewAlwaysLeansAgainstThePosition() {
        setUp();
        SplittableRandom r = new SplittableRandom(7);
        int compared = 0;
        for (int i = 0; i < 10_000; i++) {
            int m = r.nextInt(GRIDS.length);
            if (i % 500 == 0) {
                s.config("pricing.engines", ENGINES[r.nextInt(ENGINES.length)]);
                s.config("pricing.m1.as.enabled", r.nextBoolean() ? "true" : "false");
            }
            long[] book = randomBook(r, grids[m]);
            if (book[0] < 0 || book[1] < 0) {
                continue;
            }
            long micro = (book[0] + book[1]) / 2;
            long vol = r.nextInt(20_000);
            long p1 = randomPosition(r);
            long p2 = p1 + 1 + r.nextLong(100_000);
            long[] q1 = quoteAt(m, book, micro, vol, p1);
            long[] q2 = quoteAt(m, book, micro, vol, p2);
            if (q1[1] > 0 && q2[1] > 0) {
                assertTrue(q2[0] <= q1[0], "longer position, bid must not rise: " + q1[0] + " -> " + q2[0]);
                compared++;
            }
            if (q1[3] > 0 && q2[3] > 0) {
                assertTrue(q2[2] <= q1[2], "longer position, ask must not rise: " + q1[2] + " -> " + q2[2]);
                compared++;
            }
        }
        assertTrue(compared > 5_000, "compared " + compared);
    }

    private long[] quoteAt(int m, long[] book, long micro, long vol, long position) {
        s.position(m, position);
        s.book(m, Slots.LIVE, book[0], 50_000, book[1], 50_000, 1, BookTrust.TRUSTED, micro, 0, vol, 0);
        QuoteNote q = s.quote;
        assertEquals(m, q.marketId());
        return new long[] {q.bidPrice(), q.bidQty(), q.askPrice(), q.askQty()};
    }

    private static long randomPosition(SplittableRandom r) {
        switch (r.nextInt(5)) {
            case 0: return 0;
            case 1: return r.nextLong(-1_000_000_000_000L, 1_000_000_000_000L); // huge inventory
            default: return r.nextLong(-20_000, 20_000);
        }
    }

    /** [bid, ask] on the grid, bid < ask, each side sometimes empty; often at the grid's edges. */
    private static long[] randomBook(SplittableRandom r, TickGrid grid) {
        long bid;
        switch (r.nextInt(4)) {
            case 0: bid = grid.ceil(1); break;                                   // bottom edge
            case 1: bid = grid.nextDown(grid.floor(9_999)); break;               // top edge
            default: bid = grid.floor(r.nextLong(1, 9_999)); break;
        }
        if (bid <= 0) {
            bid = grid.ceil(1);
        }
        long ask = grid.nextUp(bid);
        for (int k = r.nextInt(6); k > 0 && grid.nextUp(ask) != TickGrid.NO_PRICE && grid.nextUp(ask) < 10_000; k--) {
            ask = grid.nextUp(ask);
        }
        int shape = r.nextInt(10);
        if (shape == 0) {
            bid = TopOfBookNote.NO_PRICE;
        } else if (shape == 1) {
            ask = TopOfBookNote.NO_PRICE;
        } else if (shape == 2) {
            bid = TopOfBookNote.NO_PRICE;
            ask = TopOfBookNote.NO_PRICE;
        }
        return new long[] {bid, ask};
    }

    /** Returns the number of live sides checked. */
    private static int check(QuoteNote q, TickGrid grid, long bestBid, long bestAsk, String what) {
        if (!q.isPresent()) {
            fail(what + ": a changed book must produce a quote decision");
        }
        int n = 0;
        if (q.bidQty() > 0) {
            long b = q.bidPrice();
            assertTrue(grid.isOnGrid(b), what + ": bid " + b + " off the grid " + grid);
            assertTrue(b > 0 && b < 10_000, what + ": bid " + b + " outside (0, 1)");
            assertTrue(bestAsk < 0 || b < bestAsk, what + ": bid " + b + " crosses ask " + bestAsk);
            n++;
        }
        if (q.askQty() > 0) {
            long a = q.askPrice();
            assertTrue(grid.isOnGrid(a), what + ": ask " + a + " off the grid " + grid);
            assertTrue(a > 0 && a < 10_000, what + ": ask " + a + " outside (0, 1)");
            assertTrue(bestBid < 0 || a > bestBid, what + ": ask " + a + " crosses bid " + bestBid);
            n++;
        }
        if (q.bidQty() > 0 && q.askQty() > 0) {
            assertTrue(q.bidPrice() < q.askPrice(), what + ": own bid " + q.bidPrice() + " >= own ask " + q.askPrice());
        }
        return n;
    }
}

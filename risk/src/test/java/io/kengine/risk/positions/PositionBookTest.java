package io.kengine.risk.positions;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PositionBookTest {
    private final PositionBook book = new PositionBook(16);

    @Test
    void buyingThenSellingRealizesTheDifference() {
        book.applyFill(1, 4000, 1000, 10);       // buy 10 @ 0.40
        assertEquals(1000, book.position(1));
        assertEquals(4000L * 1000, book.costRaw(1));
        assertEquals(4000L * 1000, book.atRiskRaw(1), "a long risks its cost");
        long r = book.applyFill(1, 5000, -400, 5); // sell 4 @ 0.50: +$0.40
        assertEquals(1000L * 400, r);
        assertEquals(4000, book.realized(1));
        assertEquals(600, book.position(1));
        assertEquals(4000L * 600, book.costRaw(1));
        assertEquals(15, book.fees(1));
        assertEquals(15, book.totalFees());
        assertEquals(600, book.totalAbsPosition());
    }

    @Test
    void shortPositionsRiskTheNoCostAndRealizeOnBuyBack() {
        book.applyFill(2, 7000, -1000, 0);         // sell 10 YES @ 0.70 (= buy NO @ 0.30)
        assertEquals(-1000, book.position(2));
        assertEquals(3000L * 1000, book.atRiskRaw(2), "a short risks $1 − price per contract");
        long r = book.applyFill(2, 6000, 1000, 0);  // buy back @ 0.60: +$1.00
        assertEquals(1000L * 1000, r);
        assertEquals(0, book.position(2));
        assertEquals(0, book.costRaw(2));
        assertEquals(0, book.atRiskRaw(2));
        assertEquals(0, book.totalAtRiskRaw());
    }

    @Test
    void aFillThroughZeroClosesAndOpensTheOtherWay() {
        book.applyFill(3, 4000, 500, 0);           // long 5 @ 0.40
        long r = book.applyFill(3, 4500, -800, 0); // sell 8 @ 0.45: close 5 (+0.25), open short 3
        assertEquals(500L * 500, r);
        assertEquals(-300, book.position(3));
        assertEquals(-4500L * 300, book.costRaw(3));
        assertEquals((10_000 - 4500) * 300L, book.atRiskRaw(3));
    }

    @Test
    void unrealizedMarksAgainstCost() {
        book.applyFill(1, 4000, 1000, 0);
        assertEquals(1000L * 1000, book.unrealizedRaw(1, 5000));
        book.applyFill(2, 7000, -1000, 0);
        assertEquals(-1000L * 1000, book.unrealizedRaw(2, 8000), "a short loses when YES rises");
        assertEquals(0, book.unrealizedRaw(1, -1), "no mark: no unrealized");
    }

    @Test
    void settlementPaysOneDollarOrNothing() {
        book.applyFill(1, 4000, 1000, 0);
        assertEquals(6000L * 1000, book.settle(1, 10_000));
        book.applyFill(2, 7000, -1000, 0);
        assertEquals(7000L * 1000, book.settle(2, 0), "a short keeps the YES proceeds when NO wins");
        assertEquals(0, book.position(1));
        assertEquals(0, book.totalAbsPosition());
        assertEquals(0, book.totalAtRiskRaw());
        assertEquals(13_000L * 1000, book.totalRealizedRaw());
    }

    @Test
    void totalsStayEqualToTheSumOfMarketsOnRandomFills() {
        SplittableRandom r = new SplittableRandom(11);
        long cash = 0;
        for (int i = 0; i < 50_000; i++) {
            int m = r.nextInt(16);
            long p = r.nextLong(100, 9_901);
            long q = r.nextLong(1, 2_000) * (r.nextBoolean() ? 1 : -1);
            book.applyFill(m, p, q, 0);
            cash -= p * q;
            if (i % 997 == 0) {
                book.settle(m, r.nextBoolean() ? 10_000 : 0);
            }
            long abs = 0;
            long risk = 0;
            long realized = 0;
            for (int k = 0; k < 16; k++) {
                abs += Math.abs(book.position(k));
                risk += book.atRiskRaw(k);
                realized += book.realizedRaw(k);
            }
            assertEquals(abs, book.totalAbsPosition());
            assertEquals(risk, book.totalAtRiskRaw());
            assertEquals(realized, book.totalRealizedRaw());
        }
        // closing everything at 0.50: cash flows and realized P&L agree
        long closing = 0;
        for (int k = 0; k < 16; k++) {
            closing += book.position(k) * 5000;
            book.applyFill(k, 5000, -book.position(k) == 0 ? 0 : -book.position(k), 0);
        }
        assertEquals(0, book.totalAbsPosition());
    }

    /** One division when c × close fits a long: the same truncated quotient as the split, overflow-safe form. */
    @org.junit.jupiter.api.Test
    void removedCostIsTheTruncatedProRataShare() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(9);
        for (int i = 0; i < 200_000; i++) {
            long absPos = r.nextInt(3) == 0 ? r.nextLong(1, 1_000) : r.nextLong(1, 1_000_000_000_000L);
            long close = r.nextLong(1, absPos + 1);
            long c = r.nextInt(3) == 0 ? r.nextLong(-absPos * 10_000, absPos * 10_000 + 1) : r.nextLong(-5_000_000, 5_000_001);
            long expected = java.math.BigInteger.valueOf(c).multiply(java.math.BigInteger.valueOf(close))
                .divide(java.math.BigInteger.valueOf(absPos)).longValueExact();
            org.junit.jupiter.api.Assertions.assertEquals(expected, PositionBook.removedCost(c, close, absPos),
                c + " * " + close + " / " + absPos);
        }
    }
}

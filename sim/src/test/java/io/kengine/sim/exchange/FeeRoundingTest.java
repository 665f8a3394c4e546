package io.kengine.sim.exchange;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The worked examples of Kalshi's "Fee Rounding" page, in micro-dollars. */
class FeeRoundingTest {
    private static final long CENT = AccountPrecision.CENT.micros();

    /** Runs fills of one order and checks trade fee, rounding, accumulator (before rebate), rebate, net fee. */
    private static void check(long revenue, long tradeFee, long[][] rows) {
        long acc = 0;
        long total = 0;
        for (long[] r : rows) {
            FeeRounding.Charge c = FeeRounding.charge(revenue, tradeFee, CENT, acc);
            assertEquals(r[0], c.roundingFee(), "rounding");
            assertEquals(r[1], c.accumulatorBeforeRebate(), "accumulator");
            assertEquals(r[2], c.rebate(), "rebate");
            assertEquals(r[3], c.netFee(), "net fee");
            assertEquals(revenue - c.netFee(), c.balanceChange(), "balance change conserves money");
            assertEquals(0, c.balanceChange() % CENT, "balance stays on whole cents");
            acc = c.accumulatorAfter();
            total += c.balanceChange();
        }
        assertEquals(0, total % CENT);
    }

    @Test
    void subpennyPriceThreeOneLotFills() {
        // buy 3 at $0.055 as three 1-lot fills, trade fee $0.0085 each
        check(-55_000, 8_500, new long[][] {
            {6_500, 6_500, 0, 15_000},
            {6_500, 13_000, 10_000, 5_000},
            {6_500, 9_500, 0, 15_000}});
        FeeRounding.Charge first = FeeRounding.charge(-55_000, 8_500, CENT, 0);
        assertEquals(-70_000, first.balanceChange());
    }

    @Test
    void fractionalContractsThreeLots() {
        // buy 0.90 at $0.50 as three 0.30 fills, trade fee $0.0041 each
        check(-150_000, 4_100, new long[][] {
            {5_900, 5_900, 0, 10_000},
            {5_900, 11_800, 10_000, 0},
            {5_900, 7_700, 0, 10_000}});
        assertEquals(-160_000, FeeRounding.charge(-150_000, 4_100, CENT, 0).balanceChange());
    }

    @Test
    void fractionalAndSubpennyReachSixDecimals() {
        // buy 0.09 at $0.3301 as three 0.03 fills: revenue -$0.009903, trade fee $0.0005
        assertEquals(-9_903, Money.notional(3301, 3) * -1);
        check(-9_903, 500, new long[][] {
            {9_597, 9_597, 0, 10_097},
            {9_597, 19_194, 10_000, 97},
            {9_597, 18_791, 10_000, 97}});
        assertEquals(-20_000, FeeRounding.charge(-9_903, 500, CENT, 0).balanceChange());
    }

    @Test
    void sellersAreFlooredToo() {
        // a seller receiving $0.1234 with no fee gets $0.12 and pays $0.0034 rounding
        FeeRounding.Charge c = FeeRounding.charge(123_400, 0, CENT, 0);
        assertEquals(120_000, c.balanceChange());
        assertEquals(3_400, c.roundingFee());
    }

    @Test
    void accumulatorRebatesOnlyAboveOneCent() {
        FeeRounding.Charge c = FeeRounding.charge(-5_000, 0, CENT, 5_000); // acc reaches exactly $0.01: no rebate
        assertEquals(10_000, c.accumulatorAfter());
        assertEquals(0, c.rebate());
    }

    @Test
    void directMembersKeepCenticents() {
        long precision = AccountPrecision.CENTICENT.micros();
        FeeRounding.Charge c = FeeRounding.charge(-9_903, 500, precision, 0);
        assertEquals(-10_500, c.balanceChange()); // -0.010403 floored to -0.0105
        assertEquals(97, c.roundingFee());
        FeeRounding.Charge exact = FeeRounding.charge(-550_000, 8_500, precision, 0);
        assertEquals(0, exact.roundingFee());
    }

    @Test
    void settlementPayoutIsFlooredToTheCent() {
        // 10.60 YES at a $0.5970 settlement: $6.3282 raw, $6.32 posted, $0.0082 settlement fee
        long raw = Money.notional(5970, 1060);
        assertEquals(6_328_200, raw);
        assertEquals(6_320_000, FeeRounding.settlementPayout(raw, CENT));
    }
}

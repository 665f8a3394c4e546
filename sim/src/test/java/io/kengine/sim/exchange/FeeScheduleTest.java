package io.kengine.sim.exchange;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static io.kengine.protocol.units.FixedPoint.parseCount;
import static io.kengine.protocol.units.FixedPoint.parseMoney;
import static io.kengine.protocol.units.FixedPoint.parsePrice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeeScheduleTest {

    private static long taker(FeeSchedule f, String price, String count) {
        return f.takerFee(parsePrice(price), parseCount(count));
    }

    private static long maker(FeeSchedule f, String price, String count) {
        return f.makerFee(parsePrice(price), parseCount(count));
    }

    @Test
    void takerFeeIsSevenPercentOfPTimesOneMinusP() {
        // 0.07 x 1 x 0.5 x 0.5 = 0.0175 exactly: the trade fee before balance rounding (the reference's "$0.02 at 50c" is after it)
        assertEquals(parseMoney("0.0175"), taker(FeeSchedule.QUADRATIC, "0.50", "1"));
        assertEquals(parseMoney("1.75"), taker(FeeSchedule.QUADRATIC, "0.50", "100"));
        // 0.07 x 10 x 0.3 x 0.7 = 0.147
        assertEquals(parseMoney("0.147"), taker(FeeSchedule.QUADRATIC, "0.30", "10"));
    }

    @Test
    void tradeFeeRoundsUpToACenticent() {
        // 0.07 x 0.01 x 0.99 = 0.000693 -> 0.0007
        assertEquals(parseMoney("0.0007"), taker(FeeSchedule.QUADRATIC, "0.01", "1"));
        // fractional: 0.07 x 0.30 x 0.25 = 0.00525 -> 0.0053
        assertEquals(parseMoney("0.0053"), taker(FeeSchedule.QUADRATIC, "0.50", "0.30"));
        // fee-rounding page, combined example: 0.03 contracts at $0.3301 -> trade fee $0.0005 (0.000464… up)
        assertEquals(parseMoney("0.0005"), taker(FeeSchedule.QUADRATIC, "0.3301", "0.03"));
        // an exact value is not bumped
        assertEquals(parseMoney("0.0175"), taker(FeeSchedule.QUADRATIC, "0.50", "1.00"));
    }

    @Test
    void feeIsSymmetricInPriceSoBothLegsPayTheSame() {
        for (long p = 1; p < 10_000; p += 37) {
            assertEquals(FeeSchedule.QUADRATIC.takerFee(p, 1234), FeeSchedule.QUADRATIC.takerFee(10_000 - p, 1234), "price " + p);
        }
    }

    @Test
    void makerFeesByType() {
        assertEquals(0, maker(FeeSchedule.QUADRATIC, "0.50", "1"));
        assertFalse(FeeSchedule.QUADRATIC.chargesMakers());
        // 0.25 of taker: 0.004375 -> 0.0044
        assertEquals(parseMoney("0.0044"), maker(FeeSchedule.QUADRATIC_WITH_MAKER_FEES, "0.50", "1"));
        assertEquals(parseMoney("0.4375"), maker(FeeSchedule.QUADRATIC_WITH_MAKER_FEES, "0.50", "100"));
        assertTrue(FeeSchedule.QUADRATIC_WITH_MAKER_FEES.chargesMakers());
        // combo: 0.5 of taker: 0.00875 -> 0.0088
        FeeSchedule combo = FeeSchedule.quadratic(FeeType.QUADRATIC_WITH_COMBO_MAKER_FEES, FeeSchedule.PPM_ONE);
        assertEquals(parseMoney("0.0088"), maker(combo, "0.50", "1"));
        // taker side is the same formula for every quadratic type
        assertEquals(parseMoney("0.0175"), taker(combo, "0.50", "1"));
        assertEquals(parseMoney("0.0175"), FeeSchedule.QUADRATIC_WITH_MAKER_FEES.tradeFee(true, 5000, 100));
    }

    @Test
    void multiplierScalesTheWholeFee() {
        FeeSchedule half = FeeSchedule.quadratic(FeeType.QUADRATIC, 500_000);
        assertEquals(parseMoney("0.875"), taker(half, "0.50", "100"));
        assertEquals(0, taker(FeeSchedule.FREE, "0.50", "100"));
        FeeSchedule oneAndQuarter = FeeSchedule.quadratic(FeeType.QUADRATIC_WITH_MAKER_FEES, 1_250_000);
        assertEquals(parseMoney("0.5469"), maker(oneAndQuarter, "0.50", "100")); // 1.25 x 0.4375 = 0.546875, rounded up
    }

    @Test
    void flatFeeIsPerContract() {
        FeeSchedule flat = FeeSchedule.flat(parseMoney("0.01"), FeeSchedule.PPM_ONE);
        assertEquals(parseMoney("0.10"), taker(flat, "0.20", "10"));
        assertEquals(parseMoney("0.0001"), taker(flat, "0.20", "0.01"));
        assertEquals(0, maker(flat, "0.20", "10"));
        assertThrows(IllegalArgumentException.class, () -> FeeSchedule.quadratic(FeeType.FLAT, 1));
    }

    @Test
    void hugeCountsFallBackToExactBigIntegerArithmetic() {
        long count = 99_999_999_999_999L; // MAX_COUNT
        long price = 4999;
        BigInteger num = BigInteger.valueOf(7).multiply(BigInteger.valueOf(FeeSchedule.PPM_ONE)).multiply(BigInteger.valueOf(count))
            .multiply(BigInteger.valueOf(price)).multiply(BigInteger.valueOf(10_000 - price));
        BigInteger[] qr = num.divideAndRemainder(BigInteger.valueOf(100_000_000_000_000L));
        long expected = qr[0].longValueExact() + (qr[1].signum() == 0 ? 0 : 1);
        assertEquals(expected, FeeSchedule.QUADRATIC.takerFee(price, count));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> FeeSchedule.QUADRATIC.takerFee(-1, 1));
        assertThrows(IllegalArgumentException.class, () -> FeeSchedule.QUADRATIC.takerFee(10_001, 1));
        assertThrows(IllegalArgumentException.class, () -> FeeSchedule.quadratic(FeeType.QUADRATIC, -1));
    }
}

package io.kengine.risk.fees;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class KalshiFeesTest {
    @Test
    void takerFeeAtFiftyCentsIsOnePointSevenFiveCentsRoundedUp() {
        // 0.07 × 1 × 0.5 × 0.5 = $0.0175
        assertEquals(175, KalshiFees.fee(5000, 100, KalshiFees.TAKER_RATE, KalshiFees.ROUND_TO_MONEY_UNIT));
        assertEquals(200, KalshiFees.fee(5000, 100, KalshiFees.TAKER_RATE, KalshiFees.ROUND_TO_CENT));
    }

    @Test
    void makerFeeIsAQuarterOfTheTakerFee() {
        // 0.0175 × 100 × 0.5 × 0.5 = $0.4375
        assertEquals(4375, KalshiFees.fee(5000, 10_000, KalshiFees.MAKER_RATE, KalshiFees.ROUND_TO_MONEY_UNIT));
        assertEquals(4400, KalshiFees.fee(5000, 10_000, KalshiFees.MAKER_RATE, KalshiFees.ROUND_TO_CENT));
        assertEquals(4375, KalshiFees.fee(5000, 10_000, false, KalshiFees.TAKER_RATE, KalshiFees.MAKER_RATE, 1));
        assertEquals(17_500, KalshiFees.fee(5000, 10_000, true, KalshiFees.TAKER_RATE, KalshiFees.MAKER_RATE, 1));
    }

    @Test
    void roundsUpAnyFraction() {
        // 0.07 × 0.01 × 0.03 × 0.97 = $0.000020370 → $0.0001 (unit), $0.01 (cent)
        assertEquals(1, KalshiFees.fee(300, 1, KalshiFees.TAKER_RATE, 1));
        assertEquals(100, KalshiFees.fee(300, 1, KalshiFees.TAKER_RATE, 100));
        // exact multiples are not rounded: 0.07 × 10 × 0.5 × 0.5 = $0.175 exactly
        assertEquals(1750, KalshiFees.fee(5000, 1000, KalshiFees.TAKER_RATE, 1));
    }

    @Test
    void zeroAtTheEdgesAndForNothing() {
        assertEquals(0, KalshiFees.fee(0, 100, 700, 1));
        assertEquals(0, KalshiFees.fee(10_000, 100, 700, 1));
        assertEquals(0, KalshiFees.fee(5000, 0, 700, 1));
        assertEquals(0, KalshiFees.fee(5000, 100, 0, 1));
    }

    @Test
    void matchesAnExactDecimalReferenceIncludingHugeFills() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            long p = r.nextLong(1, 10_000);
            long q = i % 100 == 0 ? r.nextLong(1, 9_000_000_000_000L) : r.nextLong(1, 10_000_000);
            long rate = r.nextLong(0, 10_001);
            long rounding = r.nextBoolean() ? 1 : 100;
            BigDecimal fee = BigDecimal.valueOf(rate).movePointLeft(4).multiply(BigDecimal.valueOf(q).movePointLeft(2))
                .multiply(BigDecimal.valueOf(p).movePointLeft(4)).multiply(BigDecimal.valueOf(10_000 - p).movePointLeft(4));
            long expected = fee.movePointRight(4).divide(BigDecimal.valueOf(rounding), 0, RoundingMode.CEILING).longValueExact() * rounding;
            assertEquals(expected, KalshiFees.fee(p, q, rate, rounding), "p=" + p + " q=" + q + " rate=" + rate);
        }
    }

    /** The constant-divisor paths agree with exact BigInteger ceiling division for both rounding units. */
    @org.junit.jupiter.api.Test
    void matchesExactCeilingDivision() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < 200_000; i++) {
            long price = r.nextLong(1, 10_000);
            long qty = r.nextInt(4) == 0 ? r.nextLong(1, 100) : r.nextLong(1, 50_000_000);
            long rate = r.nextInt(3) == 0 ? r.nextLong(1, 2_000) : r.nextBoolean() ? KalshiFees.TAKER_RATE : KalshiFees.MAKER_RATE;
            long rounding = r.nextBoolean() ? KalshiFees.ROUND_TO_MONEY_UNIT : KalshiFees.ROUND_TO_CENT;
            java.math.BigInteger num = java.math.BigInteger.valueOf(price * (10_000 - price) * rate).multiply(java.math.BigInteger.valueOf(qty));
            java.math.BigInteger div = java.math.BigInteger.valueOf(10_000_000_000L * rounding);
            java.math.BigInteger[] qr = num.divideAndRemainder(div);
            long expected = (qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0)) * rounding;
            org.junit.jupiter.api.Assertions.assertEquals(expected, KalshiFees.fee(price, qty, rate, rounding),
                price + " x " + qty + " @ " + rate + " / " + rounding);
        }
    }
}

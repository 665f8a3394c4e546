package io.kengine.risk.fees;

import java.math.BigInteger;

/**
 * Kalshi's quadratic trading fee: {@code fee = roundUp(rate × C × P × (1 − P))} with P the YES price in
 * dollars and C the contracts of one fill. Taker rate 0.07 on every quadratic series; maker rate 0.0175
 * ({@code quadratic_with_maker_fees}) or 0 where the series charges makers nothing. Since 2026 Kalshi
 * rounds each fill's fee up to $0.0001 ({@link #ROUND_TO_MONEY_UNIT}); the older rule rounded up to the
 * cent ({@link #ROUND_TO_CENT}). All in fixed point: price $0.0001, quantity 0.01 contracts, rate in
 * 1/10000 (700 = 0.07), fee $0.0001.
 *
 * <p>Exact integer arithmetic: the product rate × q × p × (1 − p) fits a long for fills up to ~368k
 * contracts; larger fills take an exact (allocating) BigInteger path that no realistic fill reaches.
 */
public final class KalshiFees {
    public static final long TAKER_RATE = 700;   // 0.07
    public static final long MAKER_RATE = 175;   // 0.0175
    public static final long ROUND_TO_MONEY_UNIT = 1;
    public static final long ROUND_TO_CENT = 100;
    /** Denominator turning rate(1e-4) × qty(1e-2) × p(1e-4) × (1−p)(1e-4) into $0.0001. */
    private static final long SCALE = 10_000_000_000L;

    private KalshiFees() {
    }

    /**
     * @param price     YES price of the fill, $0.0001, in [0, 10000]
     * @param quantity  0.01 contracts, ≥ 0
     * @param rate      fee rate in 1/10000
     * @param rounding  rounding unit in $0.0001 (1 or 100)
     * @return the fee in $0.0001, rounded up to the rounding unit
     */
    public static long fee(long price, long quantity, long rate, long rounding) {
        if (quantity <= 0 || rate <= 0 || price <= 0 || price >= 10_000) {
            return 0;
        }
        long b = price * (10_000 - price) * rate;           // ≤ 2.5e7 × 1e4: fits
        long divisor = SCALE * rounding;
        long hi = Math.multiplyHigh(b, quantity);
        long lo = b * quantity;
        if (hi == 0 && lo >= 0) {
            // the two real rounding units divide by a constant, which the JIT turns into a multiply
            if (rounding == ROUND_TO_MONEY_UNIT) {
                long q = lo / SCALE;
                return q * SCALE == lo ? q : q + 1;
            }
            if (rounding == ROUND_TO_CENT) {
                long q = lo / (SCALE * ROUND_TO_CENT);
                return (q * (SCALE * ROUND_TO_CENT) == lo ? q : q + 1) * ROUND_TO_CENT;
            }
            return ceilDiv(lo, divisor) * rounding;
        }
        BigInteger[] qr = BigInteger.valueOf(b).multiply(BigInteger.valueOf(quantity)).divideAndRemainder(BigInteger.valueOf(divisor));
        long units = qr[0].longValueExact() + (qr[1].signum() > 0 ? 1 : 0);
        return Math.multiplyExact(units, rounding);
    }

    /** Taker or maker fee of one fill at the given rates. */
    public static long fee(long price, long quantity, boolean taker, long takerRate, long makerRate, long rounding) {
        return fee(price, quantity, taker ? takerRate : makerRate, rounding);
    }

    private static long ceilDiv(long x, long y) {
        long q = x / y;
        return q * y == x ? q : q + 1;
    }
}

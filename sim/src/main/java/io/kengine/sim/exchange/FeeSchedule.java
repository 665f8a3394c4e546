package io.kengine.sim.exchange;

import io.kengine.protocol.units.FixedPoint;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A series' trade-fee model: {@code fee_type} and {@code fee_multiplier}.
 *
 * <p>Quadratic taker fee = 0.07 × multiplier × C × P × (1 − P), maker fee = the taker formula times 0.25
 * ({@code quadratic_with_maker_fees}) or 0.5 ({@code quadratic_with_combo_maker_fees}), none for
 * {@code quadratic}; P is the trade's YES price in dollars (the formula is symmetric, so the NO side pays the
 * same), C the fill's contracts. Per Kalshi's 2026 fee-rounding page the trade fee is computed per fill and
 * rounded <em>up</em> to $0.0001; the rounding to the account's balance precision is {@link FeeRounding}'s job.
 * The 0.07 / 0.0175 coefficients are from third parties; how {@code fee_multiplier} enters (here: it scales
 * the whole fee) and the {@code flat} table are UNCONFIRMED.
 *
 * <p>Multipliers are parts per million ({@code 1_000_000} = 1.0) so no double is involved. Exact integer
 * arithmetic; products that could overflow a long fall back to BigInteger (only for absurd sizes).
 */
public final class FeeSchedule {
    /** {@code fee_multiplier} 1.0 in parts per million. */
    public static final long PPM_ONE = 1_000_000L;

    /** Plain {@code quadratic}, multiplier 1: taker fees only. */
    public static final FeeSchedule QUADRATIC = quadratic(FeeType.QUADRATIC, PPM_ONE);
    /** {@code quadratic_with_maker_fees}, multiplier 1. */
    public static final FeeSchedule QUADRATIC_WITH_MAKER_FEES = quadratic(FeeType.QUADRATIC_WITH_MAKER_FEES, PPM_ONE);
    /** No fees at all (tests, fee-waived markets). */
    public static final FeeSchedule FREE = quadratic(FeeType.QUADRATIC, 0);

    // fee ($0.0001) = ceil(7 * m * c * p * (10^4 - p) / DEN): 0.07 * (m/1e6) * (c/100) * (p/1e4) * (1 - p/1e4) * 1e4
    private static final long TAKER_NUM = 7L;
    private static final long TAKER_DEN = 100_000_000_000_000L; // 1e14
    // flat: fee ($0.0001) = ceil(flat * c * m / 1e8)
    private static final long FLAT_DEN = 100_000_000L;

    private final FeeType type;
    private final long multiplierPpm;
    private final long flatFeePerContract;

    private FeeSchedule(FeeType type, long multiplierPpm, long flatFeePerContract) {
        this.type = Objects.requireNonNull(type, "type");
        if (multiplierPpm < 0 || multiplierPpm > 1_000L * PPM_ONE) {
            throw new IllegalArgumentException("fee multiplier " + multiplierPpm + " ppm is outside [0, 1000]");
        }
        if (flatFeePerContract < 0 || flatFeePerContract > FixedPoint.PRICE_ONE) {
            throw new IllegalArgumentException("flat fee " + flatFeePerContract + " is outside [0, $1]");
        }
        this.multiplierPpm = multiplierPpm;
        this.flatFeePerContract = flatFeePerContract;
    }

    /** One of the quadratic types with the given {@code fee_multiplier} (ppm). */
    public static FeeSchedule quadratic(FeeType type, long multiplierPpm) {
        if (type == FeeType.FLAT) {
            throw new IllegalArgumentException("use FeeSchedule.flat for fee_type flat");
        }
        return new FeeSchedule(type, multiplierPpm, 0);
    }

    /** {@code flat}: a per-contract taker fee in $0.0001 times the multiplier, no maker fee (UNCONFIRMED). */
    public static FeeSchedule flat(long feePerContract, long multiplierPpm) {
        return new FeeSchedule(FeeType.FLAT, multiplierPpm, feePerContract);
    }

    public FeeType type() {
        return type;
    }

    public long multiplierPpm() {
        return multiplierPpm;
    }

    public long flatFeePerContract() {
        return flatFeePerContract;
    }

    /** True when resting (maker) fills pay a trade fee. */
    public boolean chargesMakers() {
        return multiplierPpm > 0 && (type == FeeType.QUADRATIC_WITH_MAKER_FEES || type == FeeType.QUADRATIC_WITH_COMBO_MAKER_FEES);
    }

    /** Trade fee of one fill, in $0.0001, rounded up. */
    public long tradeFee(boolean taker, long price, long count) {
        return taker ? takerFee(price, count) : makerFee(price, count);
    }

    /** Taker trade fee of {@code count} (0.01 contracts) at YES price {@code price}, in $0.0001, rounded up. */
    public long takerFee(long price, long count) {
        checkArgs(price, count);
        if (type == FeeType.FLAT) {
            return ceilDiv(flatFeePerContract, count, multiplierPpm, 1, FLAT_DEN);
        }
        return ceilDiv(TAKER_NUM * multiplierPpm, count, price, FixedPoint.PRICE_ONE - price, TAKER_DEN);
    }

    /** Maker trade fee, in $0.0001, rounded up; zero unless the fee type charges makers. */
    public long makerFee(long price, long count) {
        checkArgs(price, count);
        switch (type) {
            case QUADRATIC_WITH_MAKER_FEES:
                return ceilDiv(TAKER_NUM * multiplierPpm, count, price, FixedPoint.PRICE_ONE - price, 4 * TAKER_DEN);
            case QUADRATIC_WITH_COMBO_MAKER_FEES:
                return ceilDiv(TAKER_NUM * multiplierPpm, count, price, FixedPoint.PRICE_ONE - price, 2 * TAKER_DEN);
            default:
                return 0;
        }
    }

    private static void checkArgs(long price, long count) {
        if (price < 0 || price > FixedPoint.PRICE_ONE || count < 0) {
            throw new IllegalArgumentException("price " + price + " / count " + count + " out of range");
        }
    }

    /** ceil(a * b * c * d / den) for non-negative operands. */
    private static long ceilDiv(long a, long b, long c, long d, long den) {
        try {
            long num = Math.multiplyExact(Math.multiplyExact(Math.multiplyExact(a, b), c), d);
            return num / den + (num % den == 0 ? 0 : 1);
        } catch (ArithmeticException overflow) {
            BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).multiply(BigInteger.valueOf(c))
                .multiply(BigInteger.valueOf(d)).divideAndRemainder(BigInteger.valueOf(den));
            return qr[0].longValueExact() + (qr[1].signum() == 0 ? 0 : 1);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeeSchedule && ((FeeSchedule) o).type == type && ((FeeSchedule) o).multiplierPpm == multiplierPpm
            && ((FeeSchedule) o).flatFeePerContract == flatFeePerContract;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, multiplierPpm, flatFeePerContract);
    }

    @Override
    public String toString() {
        return "FeeSchedule[" + type.wireName() + " x" + multiplierPpm + "ppm"
            + (type == FeeType.FLAT ? " flat " + flatFeePerContract : "") + "]";
    }
}

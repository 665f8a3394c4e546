package io.kengine.sim.exchange;

/**
 * Kalshi's per-fill balance rounding (docs "Fee Rounding", 2026), in micro-dollars:
 * <ol>
 *   <li>the trade fee comes in already rounded up to $0.0001 ({@link FeeSchedule});</li>
 *   <li>{@code balance_change = revenue − trade_fee} (revenue signed, negative for a buyer);</li>
 *   <li>floor it toward −∞ to the account's precision; the difference is the <em>rounding fee</em>;</li>
 *   <li>the order's accumulator adds the rounding fee; once it <em>exceeds</em> $0.01 a $0.01 rebate is paid
 *       and the accumulator drops by $0.01 (the accumulator spans all fills of the order, taker and maker).</li>
 * </ol>
 * Net fee = trade fee + rounding fee − rebate, and the balance moves by {@code floor(balance_change) + rebate}
 * = revenue − net fee, which keeps the balance on the account's grid. (The doc's worked tables show the
 * accumulator before the rebate, and list {@code floor(balance_change)} as "Balance Change" even on the fill
 * that earns the rebate; we credit the rebate to the balance so that money is conserved.)
 */
public final class FeeRounding {
    /** The rebate unit and threshold: $0.01. */
    public static final long REBATE_MICROS = Money.MICROS_PER_CENT;

    private FeeRounding() {
    }

    /**
     * @param balanceChange what the balance moves by (on the precision grid)
     * @param accumulatorBeforeRebate the order's accumulator after adding this fill's rounding fee
     * @param accumulatorAfter what the order carries to its next fill
     */
    public record Charge(long revenue, long tradeFee, long roundingFee, long rebate, long netFee, long balanceChange,
                         long accumulatorBeforeRebate, long accumulatorAfter) {
    }

    /** All arguments and results in micro-dollars; {@code precision} from {@link AccountPrecision#micros()}. */
    public static Charge charge(long revenue, long tradeFee, long precision, long accumulator) {
        if (tradeFee < 0 || precision <= 0 || accumulator < 0) {
            throw new IllegalArgumentException("trade fee " + tradeFee + ", precision " + precision + ", accumulator " + accumulator);
        }
        long change = revenue - tradeFee;
        long floored = Math.floorDiv(change, precision) * precision;
        long rounding = change - floored;
        long acc = accumulator + rounding;
        long rebate = acc > REBATE_MICROS ? REBATE_MICROS : 0;
        return new Charge(revenue, tradeFee, rounding, rebate, tradeFee + rounding - rebate, floored + rebate, acc, acc - rebate);
    }

    /** Settlement payout: floored to the account's precision; the remainder is a settlement fee (same page). */
    public static long settlementPayout(long rawPayout, long precision) {
        return Math.floorDiv(rawPayout, precision) * precision;
    }
}

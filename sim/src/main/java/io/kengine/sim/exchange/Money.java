package io.kengine.sim.exchange;

import io.kengine.protocol.units.FixedPoint;

/**
 * Micro-dollars ($0.000001), the unit of every amount the exchange core accounts in.
 *
 * <p>Why not the project's $0.0001: a price ($0.0001) times a fractional count (0.01 contract) is exact only
 * in $0.000001, and Kalshi's own fee arithmetic runs at that precision (fee-rounding page: "$0.3301 × 0.03 =
 * $0.009903"; FixedPointDollars carry "up to 6 decimal places"). Balances always land on the account's
 * {@link AccountPrecision} ($0.01 or $0.0001), so they convert to $0.0001 exactly; fees, costs and P&amp;L may
 * carry six decimals. A price × count product is at most 10^4 × 10^14 = 10^18, inside a long.
 */
public final class Money {
    private Money() {
    }

    /** Micros in one $0.0001 (the project's money unit). */
    public static final long MICROS_PER_MONEY_UNIT = 100L;
    public static final long MICROS_PER_CENT = 10_000L;
    public static final long MICROS_PER_DOLLAR = 1_000_000L;

    /** Value of {@code count} (0.01 contracts) at {@code price} ($0.0001): exact, in micros. */
    public static long notional(long price, long count) {
        return price * count;
    }

    /** $1 per contract for {@code count} (0.01 contracts), in micros: what a contract pair is worth. */
    public static long contractValue(long count) {
        return FixedPoint.PRICE_ONE * count;
    }

    /** $0.0001 units to micros. */
    public static long fromMoney(long money) {
        return Math.multiplyExact(money, MICROS_PER_MONEY_UNIT);
    }

    /** Micros to $0.0001, rounding toward negative infinity. */
    public static long toMoneyFloor(long micros) {
        return Math.floorDiv(micros, MICROS_PER_MONEY_UNIT);
    }

    /** Micros to $0.0001, rounding toward positive infinity. */
    public static long toMoneyCeil(long micros) {
        return -Math.floorDiv(-micros, MICROS_PER_MONEY_UNIT);
    }

    public static boolean isWholeMoney(long micros) {
        return micros % MICROS_PER_MONEY_UNIT == 0;
    }

    /** {@code -10097 -> "-0.010097"}: six decimals, for logs and tests (the wire codec is protocol's). */
    public static String format(long micros) {
        StringBuilder sb = new StringBuilder(12);
        if (micros < 0) {
            sb.append('-');
        }
        long abs = Math.abs(micros);
        sb.append(abs / MICROS_PER_DOLLAR).append('.');
        String frac = Long.toString(abs % MICROS_PER_DOLLAR);
        for (int i = frac.length(); i < 6; i++) {
            sb.append('0');
        }
        return sb.append(frac).toString();
    }
}

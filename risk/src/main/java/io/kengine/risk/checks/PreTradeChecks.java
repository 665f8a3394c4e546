package io.kengine.risk.checks;

/**
 * The stateless per-order checks: size, notional, price band, fat-finger distance from fair value.
 * Each returns the quantity it allows (0 blocks); the caller keeps the most restrictive and its reason.
 */
public final class PreTradeChecks {
    private PreTradeChecks() {
    }

    /** What one contract of the order costs if it fills: a bid pays the price, an ask the NO price. */
    public static long unitCost(boolean bid, long price) {
        return bid ? price : 10_000 - price;
    }

    /** Largest quantity whose cost stays within {@code maxNotional} ($0.0001). */
    public static long notional(boolean bid, long price, long qty, long maxNotional) {
        long unit = unitCost(bid, price);
        if (unit <= 0) {
            return qty;
        }
        // cost = unit × qty / 100 in $0.0001
        long allowed = maxNotional / unit * 100 + maxNotional % unit * 100 / unit;
        return Math.min(qty, allowed);
    }

    public static boolean inBand(long price, long min, long max) {
        return price >= min && price <= max;
    }

    /** True when the price is within {@code maxDistance} of the fair value (no fair value: passes). */
    public static boolean nearFair(long price, long fair, long maxDistance) {
        return fair <= 0 || Math.abs(price - fair) <= maxDistance;
    }
}

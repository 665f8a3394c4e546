package io.kengine.protocol.stage;

/**
 * What a {@link io.kengine.protocol.event.DecisionEvent} records. Codes are journal format: never
 * renumber, only add. Ranges: pricing 1–99, risk 100–199, orders/gateway 200–299. The meaning of
 * value1 / value2 is given per kind.
 */
public final class DecisionKind {
    // pricing
    /** value1 = previous regime, value2 = new regime ({@link Regime}). */
    public static final int REGIME_CHANGE = 1;
    /** An external fair value expired; value1 = the stale fair price. */
    public static final int FAIR_VALUE_EXPIRED = 2;
    /** A cross-contract basket proposed; value1 = group id, value2 = leg count. */
    public static final int BASKET_PROPOSED = 3;

    // risk
    /** A halt latched (reason says which rule); value1 = the measured figure, value2 = the limit. */
    public static final int HALT = 100;
    /** An operator resumed a halt. */
    public static final int RESUME = 101;
    /** The market entered reduce-only; value1 = position, value2 = cap. */
    public static final int REDUCE_ONLY_ON = 102;
    public static final int REDUCE_ONLY_OFF = 103;
    /** A loss cool-down began; value1 = loss, value2 = until (event ns). */
    public static final int COOL_DOWN_ON = 104;
    public static final int COOL_DOWN_OFF = 105;
    /** API-error circuit breaker; value1 = errors in window. */
    public static final int BREAKER_OPEN = 106;
    public static final int BREAKER_HALF_OPEN = 107;
    public static final int BREAKER_CLOSED = 108;
    /** Flatten started for a market (or all); value1 = position to close. */
    public static final int FLATTEN = 109;
    /** A quote side or intent was blocked or cut; value1 = wanted qty, value2 = allowed qty. */
    public static final int BLOCK = 110;
    /** Settlement applied from a lifecycle event; value1 = settlement price, value2 = realized P&L. */
    public static final int SETTLED = 111;

    // orders / gateway
    /** A basket leg failed and the unwind started; value1 = group id. */
    public static final int UNWIND = 200;
    /** A market is blocked by an order in unknown state; value1 = orders unknown. */
    public static final int UNKNOWN_ORDER_BLOCK = 201;
    /** Reconciliation found a mismatch it could not explain; the market halts. */
    public static final int RECONCILE_MISMATCH = 202;

    private DecisionKind() {
    }

    public static String name(int k) {
        switch (k) {
            case REGIME_CHANGE: return "regime-change";
            case FAIR_VALUE_EXPIRED: return "fair-value-expired";
            case BASKET_PROPOSED: return "basket-proposed";
            case HALT: return "halt";
            case RESUME: return "resume";
            case REDUCE_ONLY_ON: return "reduce-only-on";
            case REDUCE_ONLY_OFF: return "reduce-only-off";
            case COOL_DOWN_ON: return "cool-down-on";
            case COOL_DOWN_OFF: return "cool-down-off";
            case BREAKER_OPEN: return "breaker-open";
            case BREAKER_HALF_OPEN: return "breaker-half-open";
            case BREAKER_CLOSED: return "breaker-closed";
            case FLATTEN: return "flatten";
            case BLOCK: return "block";
            case SETTLED: return "settled";
            case UNWIND: return "unwind";
            case UNKNOWN_ORDER_BLOCK: return "unknown-order-block";
            case RECONCILE_MISMATCH: return "reconcile-mismatch";
            default: return "kind-" + k;
        }
    }
}

package io.kengine.sim.exchange;

/**
 * Kalshi's {@code self_trade_prevention_type}; the incoming (taker) order's value decides.
 * {@link #TAKER_AT_CROSS}: the incoming order's remainder is canceled when it reaches one of the same
 * account's resting orders; fills matched before that stand. {@link #MAKER}: the resting own order is
 * canceled and matching continues.
 */
public enum SelfTradePrevention {
    TAKER_AT_CROSS("taker_at_cross"),
    MAKER("maker");

    private final String wireName;

    SelfTradePrevention(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static SelfTradePrevention fromWire(String s) {
        for (SelfTradePrevention v : values()) {
            if (v.wireName.equals(s)) {
                return v;
            }
        }
        return null;
    }
}

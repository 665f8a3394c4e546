package io.kengine.sim.exchange;

/** Kalshi's {@code time_in_force}. Good-till-time is GTC plus an {@code expiration_time}; "GTT" is not a wire value. */
public enum TimeInForce {
    GOOD_TILL_CANCELED("good_till_canceled"),
    IMMEDIATE_OR_CANCEL("immediate_or_cancel"),
    FILL_OR_KILL("fill_or_kill");

    private final String wireName;

    TimeInForce(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** IoC and FoK never rest. */
    public boolean isImmediate() {
        return this != GOOD_TILL_CANCELED;
    }

    public static TimeInForce fromWire(String s) {
        for (TimeInForce v : values()) {
            if (v.wireName.equals(s)) {
                return v;
            }
        }
        return null;
    }
}

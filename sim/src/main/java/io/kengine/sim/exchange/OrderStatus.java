package io.kengine.sim.exchange;

/** Kalshi's order {@code status} (the 2026 enum: {@code pending} was removed in Nov 2025). */
public enum OrderStatus {
    RESTING("resting"),
    CANCELED("canceled"),
    /** Fully filled. An order canceled after partial fills is {@link #CANCELED}. */
    EXECUTED("executed");

    private final String wireName;

    OrderStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static OrderStatus fromWire(String s) {
        for (OrderStatus v : values()) {
            if (v.wireName.equals(s)) {
                return v;
            }
        }
        return null;
    }
}

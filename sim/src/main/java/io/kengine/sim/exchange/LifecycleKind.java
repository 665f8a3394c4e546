package io.kengine.sim.exchange;

/**
 * Market lifecycle events. Those with a {@code wireName} are Kalshi's {@code market_lifecycle_v2}
 * {@code event_type}s; {@link #OPENED} and {@link #CLOSED} are implicit, time-based transitions for which
 * Kalshi sends no WebSocket event (the server should not forward them).
 */
public enum LifecycleKind {
    CREATED("created"),
    OPENED(null),
    ACTIVATED("activated"),
    DEACTIVATED("deactivated"),
    CLOSE_DATE_UPDATED("close_date_updated"),
    CLOSED(null),
    DETERMINED("determined"),
    SETTLED("settled");

    private final String wireName;

    LifecycleKind(String wireName) {
        this.wireName = wireName;
    }

    /** The {@code event_type}, or null when Kalshi publishes nothing for this transition. */
    public String wireName() {
        return wireName;
    }
}

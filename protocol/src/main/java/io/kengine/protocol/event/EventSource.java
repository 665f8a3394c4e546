package io.kengine.protocol.event;

/**
 * Who published an event; recorded in the header for post-mortems, never used for decisions, with one
 * exception: a book snapshot from {@link #REST_POLLER} marks the book REST-sourced (not quoted).
 */
public final class EventSource {
    public static final int UNKNOWN = 0;
    public static final int FEED = 1;
    public static final int GATEWAY = 2;
    public static final int TIMER = 3;
    public static final int OPERATOR = 4;
    public static final int ENGINE = 5;
    public static final int SCRIPTED_FEED = 6;
    public static final int FAIR_VALUE = 7;
    public static final int ORDERS_STAGE = 8;
    public static final int REST_POLLER = 9;

    private EventSource() {
    }

    public static String name(int source) {
        switch (source) {
            case FEED: return "feed";
            case GATEWAY: return "gateway";
            case TIMER: return "timer";
            case OPERATOR: return "operator";
            case ENGINE: return "engine";
            case SCRIPTED_FEED: return "scripted-feed";
            case FAIR_VALUE: return "fair-value";
            case ORDERS_STAGE: return "orders-stage";
            case REST_POLLER: return "rest-poller";
            default: return "unknown(" + source + ")";
        }
    }
}

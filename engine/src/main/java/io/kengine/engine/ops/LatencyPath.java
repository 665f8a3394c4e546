package io.kengine.engine.ops;

/**
 * The latency paths the metrics endpoint exposes as {@code kengine_latency_seconds{path="..."}}.
 * Each is recorded by the one thread that owns the path (see engine/README.md, "Metrics hooks").
 */
public enum LatencyPath {
    /** WebSocket frame received → event published on the inbound ring (feed thread). */
    FEED_DECODE("feed_decode"),
    /** Event receive timestamp → book stage done (business thread). */
    BOOK("book"),
    /** Book done → pricing done (business thread). */
    PRICING("pricing"),
    /** Pricing done → risk done (business thread). */
    RISK("risk"),
    /** Journal write of one document: one event, or on journal-in one ring batch (journal thread). */
    JOURNAL("journal"),
    /** Intent published on the outbound ring → handed to the sender, after journal-out (sender thread). */
    INTENT_TO_WIRE("intent_to_wire"),
    /** Inbound receive timestamp of the causing event → intent published (what the status line shows). */
    TICK_TO_INTENT("tick_to_intent"),
    /**
     * Inbound receive timestamp of the causing event → the order request's last byte written to the socket
     * (REST venues only; recorded by whichever gateway thread wrote it, hence several writers).
     */
    RECEIVE_TO_WIRE("receive_to_wire", true);

    private final String label;
    private final boolean severalWriters;

    LatencyPath(String label) {
        this(label, false);
    }

    LatencyPath(String label, boolean severalWriters) {
        this.label = label;
        this.severalWriters = severalWriters;
    }

    boolean severalWriters() {
        return severalWriters;
    }

    public String label() {
        return label;
    }
}

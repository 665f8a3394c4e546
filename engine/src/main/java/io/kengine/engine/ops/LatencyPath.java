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
    /** Intent published on the outbound ring → request on the wire (sender thread). */
    INTENT_TO_WIRE("intent_to_wire"),
    /** Inbound receive timestamp of the causing event → intent published (what the status line shows). */
    TICK_TO_INTENT("tick_to_intent");

    private final String label;

    LatencyPath(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

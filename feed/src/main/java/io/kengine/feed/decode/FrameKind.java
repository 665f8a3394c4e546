package io.kengine.feed.decode;

/** What {@link FrameDecoder} made of one WebSocket text frame. */
public enum FrameKind {
    ORDERBOOK_SNAPSHOT,
    ORDERBOOK_DELTA,
    TICKER,
    TRADE,
    FILL,
    USER_ORDER,
    /** {@code market_lifecycle_v2}: no {@code seq}; see {@link DecodedFrame#lifecycleType()}. */
    MARKET_LIFECYCLE,
    /** A reply to one of our commands: see {@link ControlType}. */
    CONTROL,
    /** Well-formed JSON of a message type this decoder does not handle: counted and skipped. */
    UNKNOWN,
    /** Rejected: see {@link MalformedReason}. Nothing of the frame may be used. */
    MALFORMED;

    /** Cached because {@code values()} clones its array on every call. */
    static final FrameKind[] VALUES = values();
    public static final int COUNT = VALUES.length;

    public static FrameKind of(int ordinal) {
        return VALUES[ordinal];
    }
}

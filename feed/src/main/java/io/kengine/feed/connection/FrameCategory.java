package io.kengine.feed.connection;

/** What a {@link FrameSink} found in a frame. */
public final class FrameCategory {
    /** {@code orderbook_snapshot}: sid, seq, market. */
    public static final int SNAPSHOT = 1;
    /** {@code orderbook_delta}: sid, seq, market. */
    public static final int DELTA = 2;
    /** Other data without seq that becomes ring events ({@code ticker}, {@code trade}, {@code fill}, ...): sid, market. */
    public static final int DATA = 3;
    /** Responses to commands and errors ({@code subscribed}, {@code ok}, {@code error}, ...): the session parses them. */
    public static final int CONTROL = 4;
    /** Well-formed, but a type we do not use: counted and skipped. */
    public static final int UNKNOWN = 5;
    /** Not JSON, truncated, wrong types, bad values: counted and dropped. */
    public static final int MALFORMED = 6;
    /**
     * {@code market_lifecycle_v2}: sid, market (any market: the channel takes no filter). Not an orderbook
     * frame: the channel has no seq (kalshi-api.md §4.6), so it never goes through the sequence check.
     */
    public static final int LIFECYCLE = 7;

    private FrameCategory() {
    }

    public static boolean carriesSeq(int kind) {
        return kind == SNAPSHOT || kind == DELTA;
    }
}

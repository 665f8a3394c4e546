package io.kengine.protocol.event;

/** Small enumerations carried in events as bytes. Values are part of the journal format: only add. */
public final class Codes {
    private Codes() {
    }

    /** Which of Kalshi's two bid ladders a book level or delta belongs to. */
    public static final byte BOOK_YES = 1;
    public static final byte BOOK_NO = 2;

    /** Order side on the YES leg (Kalshi V2): bid = buy YES (≡ sell NO), ask = sell YES (≡ buy NO). */
    public static final byte BID = 1;
    public static final byte ASK = 2;

    /** Taker side of a trade, as Kalshi reports it. */
    public static final byte TAKER_YES = 1;
    public static final byte TAKER_NO = 2;

    /** Market status. */
    public static final byte STATUS_UNKNOWN = 0;
    public static final byte STATUS_INITIALIZED = 1;
    public static final byte STATUS_OPEN = 2;
    public static final byte STATUS_PAUSED = 3;
    public static final byte STATUS_CLOSED = 4;
    public static final byte STATUS_DETERMINED = 5;
    public static final byte STATUS_SETTLED = 6;

    public static String bookSide(byte s) {
        return s == BOOK_YES ? "yes" : s == BOOK_NO ? "no" : "?" + s;
    }

    public static String orderSide(byte s) {
        return s == BID ? "bid" : s == ASK ? "ask" : "?" + s;
    }

    public static String status(byte s) {
        switch (s) {
            case STATUS_INITIALIZED: return "initialized";
            case STATUS_OPEN: return "open";
            case STATUS_PAUSED: return "paused";
            case STATUS_CLOSED: return "closed";
            case STATUS_DETERMINED: return "determined";
            case STATUS_SETTLED: return "settled";
            default: return "unknown";
        }
    }
}

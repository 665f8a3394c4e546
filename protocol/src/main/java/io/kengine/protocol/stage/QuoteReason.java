package io.kengine.protocol.stage;

/** Why a quote side is what it is; every quote carries one so a post-mortem can read the decision. */
public final class QuoteReason {
    public static final int NONE = 0;
    public static final int QUOTED = 1;
    public static final int NO_BOOK = 2;            // no trusted two-sided book to price from
    public static final int NO_EDGE = 3;            // the side would not clear its costs
    public static final int OUTSIDE_BOUNDS = 4;     // rounding left the price outside (0, 1)
    public static final int WOULD_CROSS = 5;        // post-only quote would cross the opposite best
    public static final int STALE_BOOK = 6;         // the book is consistent but too old (no update within the max age)
    public static final int RISK_HALTED = 20;       // kill switch / halt latched
    public static final int RISK_SIZE_CAP = 21;     // cut by max order size
    public static final int RISK_POSITION_CAP = 22; // cut by the position cap
    public static final int RISK_MARKET_CLOSED = 23;

    private QuoteReason() {
    }

    public static String name(int r) {
        switch (r) {
            case NONE: return "none";
            case QUOTED: return "quoted";
            case NO_BOOK: return "no-book";
            case NO_EDGE: return "no-edge";
            case OUTSIDE_BOUNDS: return "outside-bounds";
            case WOULD_CROSS: return "would-cross";
            case STALE_BOOK: return "stale-book";
            case RISK_HALTED: return "risk-halted";
            case RISK_SIZE_CAP: return "risk-size-cap";
            case RISK_POSITION_CAP: return "risk-position-cap";
            case RISK_MARKET_CLOSED: return "risk-market-closed";
            default: return "reason-" + r;
        }
    }
}

package io.kengine.book;

/**
 * Why a book is not trusted, or why an update was refused. One code space for both, so the
 * reason a book reports is always the last thing that went wrong with it. Values are stable:
 * counters and post-mortems refer to them by number.
 */
public final class BookReason {
    public static final int NONE = 0;
    /** No complete snapshot yet (or the last one was abandoned); a delta then is refused with this code. */
    public static final int NO_SNAPSHOT = 1;
    /** A snapshot's first chunk arrived; the book is partial until its last chunk. Not an error. */
    public static final int SNAPSHOT_IN_PROGRESS = 2;
    /** The market was redefined with a different tick grid; the old levels were dropped. */
    public static final int GRID_CHANGED = 3;
    /** Best YES bid + best NO bid reached $1: impossible on a live Kalshi book, so the data is stale or broken. */
    public static final int CROSSED = 4;
    public static final int NEGATIVE_LEVEL = 5;
    public static final int PRICE_OUT_OF_RANGE = 6;
    public static final int OFF_GRID = 7;
    public static final int BAD_SIDE = 8;
    public static final int QUANTITY_OVERFLOW = 9;
    /** A snapshot chunk without FIRST while no snapshot was being built. */
    public static final int CHUNK_OUT_OF_ORDER = 10;
    /** A delta between a snapshot's FIRST and LAST chunks: the snapshot is abandoned. */
    public static final int DELTA_IN_SNAPSHOT = 11;
    /** Level counts that the event cannot hold. */
    public static final int MALFORMED = 12;

    public static final int COUNT = 13;

    private BookReason() {
    }

    public static String name(int reason) {
        switch (reason) {
            case NONE: return "none";
            case NO_SNAPSHOT: return "no-snapshot";
            case SNAPSHOT_IN_PROGRESS: return "snapshot-in-progress";
            case GRID_CHANGED: return "grid-changed";
            case CROSSED: return "crossed";
            case NEGATIVE_LEVEL: return "negative-level";
            case PRICE_OUT_OF_RANGE: return "price-out-of-range";
            case OFF_GRID: return "off-grid";
            case BAD_SIDE: return "bad-side";
            case QUANTITY_OVERFLOW: return "quantity-overflow";
            case CHUNK_OUT_OF_ORDER: return "chunk-out-of-order";
            case DELTA_IN_SNAPSHOT: return "delta-in-snapshot";
            case MALFORMED: return "malformed";
            default: return "reason-" + reason;
        }
    }
}

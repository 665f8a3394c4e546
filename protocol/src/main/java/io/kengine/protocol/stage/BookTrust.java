package io.kengine.protocol.stage;

/**
 * Whether a book can be priced from, as the book stage judged it at the event's time. Written into
 * {@link BookFeaturesNote}; only {@link #TRUSTED} is quotable. Codes are stable (post-mortems and
 * counters refer to them); 0 is deliberately not a state, so a cleared note never reads as trusted.
 */
public enum BookTrust {
    /** Complete snapshot, every update since applied, fresh, from the WebSocket feed. */
    TRUSTED(1),
    /** Waiting for or receiving a snapshot: new market, grid changed, snapshot in progress (also the feed's gap marker: an empty FIRST-only chunk), or abandoned. */
    RESYNCING(2),
    /** Consistent, but the last snapshot came from the REST poller (the WebSocket is down); not quoted for now. */
    REST_SOURCED(3),
    /** Consistent, but no snapshot or delta applied for longer than the configured maximum age. */
    STALE(4),
    /** Invalid data: a refused update or a crossed book; only a new snapshot restores trust. */
    UNTRUSTED(5);

    /** Code for "no state" (a cleared note). */
    public static final int NONE = 0;
    private static final BookTrust[] BY_CODE = {null, TRUSTED, RESYNCING, REST_SOURCED, STALE, UNTRUSTED};

    private final int code;

    BookTrust(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The state for a code, or null for {@link #NONE} and unknown codes. Allocates nothing. */
    public static BookTrust of(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}

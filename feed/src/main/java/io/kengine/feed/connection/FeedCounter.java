package io.kengine.feed.connection;

/** What {@link FeedCounters} counts. Names are stable: metrics and logs use {@link #key()}. */
public enum FeedCounter {
    CONNECT_ATTEMPTS,
    CONNECTS,
    CONNECT_FAILURES,
    DISCONNECTS,
    DEAD_CONNECTIONS,
    FRAMES,
    FRAME_BYTES,
    MALFORMED_FRAMES,
    UNKNOWN_FRAMES,
    SNAPSHOTS,
    DELTAS,
    DELTAS_DROPPED_AWAITING_SNAPSHOT,
    FRAMES_UNKNOWN_MARKET,
    FRAMES_RETIRED_SID,
    SEQ_GAPS,
    SEQ_REPEATS,
    SEQ_REGRESSIONS,
    UNTRUST_MARKERS,
    SNAPSHOT_REQUESTS,
    RESYNC_TIMEOUTS,
    RESUBSCRIBES,
    WS_ERRORS,
    TERMINAL_ERRORS,
    COMMANDS_SENT,
    EVENTS_PUBLISHED,
    DEFINITIONS,
    REST_POLLS,
    REST_POLL_FAILURES,
    REST_SNAPSHOTS,
    REST_SNAPSHOTS_DISCARDED,
    /** market_lifecycle_v2 frames of our markets handed to the writer. */
    LIFECYCLE_FRAMES,
    /** market_lifecycle_v2 frames of other markets (the channel takes no filter): expected, dropped. */
    LIFECYCLE_OTHER_MARKETS,
    /** GET /events/{event_ticker} calls at start (one per event whose series was not known from a series filter). */
    EVENT_LOOKUPS,
    /** GET /events/{event_ticker} at start failed or gave no series_ticker: those definitions carry an empty series. */
    SERIES_UNKNOWN,
    /**
     * Server frames that broke RFC 6455 (direct transport only): masked, RSV bits, unknown opcode, bad control
     * frame or fragment order (closed 1002), binary (1003), a message over the cap (1009); the socket is rebuilt.
     */
    WS_PROTOCOL_ERRORS;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

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
    REST_SNAPSHOTS_DISCARDED;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package io.kengine.feed.connection;

import org.agrona.collections.Long2LongHashMap;

/**
 * Per-subscription ({@code sid}) sequence check of Kalshi's seq-bearing frames (orderbook snapshots and
 * deltas, kalshi-api.md §4.6): each frame must carry the previous seq + 1. The first frame of a sid sets
 * the baseline (Kalshi does not document where seq starts). The tracker only classifies; what to do about
 * a break is {@link FeedSession}'s business. The last seq never moves backwards, so after a repeat or a
 * regression the stream is checked against the newest seq seen.
 * Single-threaded; allocation-free once a sid is known.
 */
public final class SequenceTracker {
    /** seq = last + 1. */
    public static final int IN_ORDER = 0;
    /** First frame of this sid: baseline set. */
    public static final int FIRST = 1;
    /** seq > last + 1: frames were lost. */
    public static final int GAP = 2;
    /** seq = last: the same frame again. */
    public static final int REPEAT = 3;
    /** seq < last. */
    public static final int REGRESSION = 4;

    private static final long NONE = Long.MIN_VALUE;
    private final Long2LongHashMap last = new Long2LongHashMap(NONE);

    /** Classifies {@code seq} on {@code sid} and records it. */
    public int onSeq(long sid, long seq) {
        long prev = last.get(sid);
        if (prev == NONE) {
            last.put(sid, seq);
            return FIRST;
        }
        if (seq == prev + 1) {
            last.put(sid, seq);
            return IN_ORDER;
        }
        if (seq > prev + 1) {
            last.put(sid, seq);
            return GAP;
        }
        return seq == prev ? REPEAT : REGRESSION;
    }

    /** The last (highest) seq seen on {@code sid}, or {@code Long.MIN_VALUE} if none. */
    public long lastSeq(long sid) {
        return last.get(sid);
    }

    /** Stop tracking a sid (unsubscribed). */
    public void forget(long sid) {
        last.remove(sid);
    }

    /** A new connection: sids start over. */
    public void reset() {
        last.clear();
    }

    public static String name(int result) {
        switch (result) {
            case IN_ORDER: return "in-order";
            case FIRST: return "first";
            case GAP: return "gap";
            case REPEAT: return "repeat";
            case REGRESSION: return "regression";
            default: return "unknown(" + result + ")";
        }
    }
}

package io.kengine.feed.connection;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The feed's counters. Written by the feed's threads (WebSocket reader, control thread), readable
 * from any thread at any time: one {@link AtomicLongArray}, no locks, no allocation on increment.
 */
public final class FeedCounters {
    private static final FeedCounter[] ALL = FeedCounter.values();
    private final AtomicLongArray values = new AtomicLongArray(ALL.length);

    public long get(FeedCounter c) {
        return values.get(c.ordinal());
    }

    void increment(FeedCounter c) {
        values.getAndIncrement(c.ordinal());
    }

    void add(FeedCounter c, long n) {
        values.getAndAdd(c.ordinal(), n);
    }

    /** A copy of every counter (allocates: for metrics and tests, not the hot path). */
    public Map<FeedCounter, Long> snapshot() {
        Map<FeedCounter, Long> m = new EnumMap<>(FeedCounter.class);
        for (FeedCounter c : ALL) {
            m.put(c, values.get(c.ordinal()));
        }
        return m;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("FeedCounters{");
        for (FeedCounter c : ALL) {
            long v = values.get(c.ordinal());
            if (v != 0) {
                sb.append(c.key()).append('=').append(v).append(' ');
            }
        }
        return sb.append('}').toString();
    }
}

package io.kengine.engine.ring;

import java.util.concurrent.atomic.AtomicLong;

/** Counters the rings and their handlers update; read by status output and tests. */
public final class RingCounters {
    public final Counter inboundPublished = new Counter();
    public final Counter inboundFull = new Counter();
    public final Counter outboundFull = new Counter();
    /** Outbound events other than decision records: what the sender acts on (order intents). */
    public final Counter intentsPublished = new Counter();
    /** Decision records (why a stage did or did not quote) published on the outbound ring for the journal. */
    public final Counter decisionsPublished = new Counter();
    public final Counter journaledIn = new Counter();
    public final Counter journaledOut = new Counter();
    public final Counter intentsSent = new Counter();
    public final Counter stageErrors = new Counter();

    /** A single-writer-friendly counter: lazySet on the writer side, readable from any thread. */
    public static final class Counter {
        private final AtomicLong value = new AtomicLong();

        public void increment() {
            value.lazySet(value.get() + 1);
        }

        /** For counters that more than one thread updates (e.g. inbound producers). */
        public void incrementShared() {
            value.incrementAndGet();
        }

        public long get() {
            return value.get();
        }
    }
}

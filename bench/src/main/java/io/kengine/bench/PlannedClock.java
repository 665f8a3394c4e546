package io.kengine.bench;

import org.agrona.concurrent.EpochNanoClock;

/**
 * The engine's receive clock in the tick-to-intent harness: epoch nanoseconds from
 * {@code System.nanoTime()}, except that while the producer publishes a frame it returns the
 * frame's <em>planned</em> send time. The receive timestamp every stage sees, and every intent
 * carries from its cause, is then the time the frame should have arrived, so time lost while the
 * producer was held back (a full ring, a stall) is in the measured latency: no coordinated
 * omission. Only the producer thread calls {@link #plan}; publishers call {@link #nanoTime} on it.
 */
final class PlannedClock implements EpochNanoClock {
    private final long base = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
    private long planned = -1;

    /** Epoch nanoseconds now, in the same domain as planned times. */
    long now() {
        return base + System.nanoTime();
    }

    void plan(long epochNanos) {
        planned = epochNanos;
    }

    void unplan() {
        planned = -1;
    }

    @Override
    public long nanoTime() {
        return planned >= 0 ? planned : now();
    }
}

package io.kengine.feed.connection;

import java.util.SplittableRandom;

/**
 * Reconnect delays: {@code initial}, doubling per failed attempt up to {@code max}, each drawn
 * uniformly from [(1 − jitter) · d, d] so a fleet of clients does not reconnect in step. The RNG is
 * seeded, so the schedule of a run can be reproduced. Not thread-safe (the feed's control thread owns it).
 */
public final class Backoff {
    private final long initialNanos;
    private final long maxNanos;
    private final double jitter;
    private final SplittableRandom random;
    private int attempt;

    public Backoff(long initialNanos, long maxNanos, double jitter, long seed) {
        if (initialNanos <= 0 || maxNanos < initialNanos || !(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("bad backoff: initial=" + initialNanos + " max=" + maxNanos + " jitter=" + jitter);
        }
        this.initialNanos = initialNanos;
        this.maxNanos = maxNanos;
        this.jitter = jitter;
        this.random = new SplittableRandom(seed);
    }

    /** The delay before the next attempt; each call counts one more failed attempt. */
    public long nextDelayNanos() {
        long ceiling = ceilingNanos(attempt);
        if (attempt < 62) {
            attempt++;
        }
        if (jitter == 0) {
            return ceiling;
        }
        long floor = (long) (ceiling * (1 - jitter));
        return floor + (long) (random.nextDouble() * (ceiling - floor));
    }

    /** The un-jittered delay of attempt {@code n} (0-based): initial · 2^n, capped at max. */
    public long ceilingNanos(int n) {
        long d = initialNanos;
        for (int i = 0; i < n && d < maxNanos; i++) {
            d = d > maxNanos / 2 ? maxNanos : d * 2;
        }
        return Math.min(d, maxNanos);
    }

    /** A connection proved healthy: start again from the initial delay. */
    public void reset() {
        attempt = 0;
    }

    public int attempts() {
        return attempt;
    }
}

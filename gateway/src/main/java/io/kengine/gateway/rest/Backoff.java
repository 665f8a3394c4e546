package io.kengine.gateway.rest;

import java.util.SplittableRandom;

/**
 * Exponential backoff with equal jitter (half the step fixed, half random) from a seeded RNG, so a test
 * run's pauses repeat. Not thread-safe: the {@link SendQueue} draws it under its lock.
 */
final class Backoff {
    private final long initialNanos;
    private final long maxNanos;
    private final SplittableRandom jitter;

    Backoff(SenderConfig config) {
        this.initialNanos = Math.max(1, config.backoffInitial().toNanos());
        this.maxNanos = Math.max(initialNanos, config.backoffMax().toNanos());
        this.jitter = new SplittableRandom(config.seed());
    }

    /** The pause before attempt {@code attempt} (1 = the first retry). */
    long nanos(int attempt) {
        long base = attempt >= 30 ? maxNanos : Math.min(maxNanos, initialNanos << Math.max(0, attempt - 1));
        long half = base / 2;
        return half + jitter.nextLong(half + 1);
    }
}

package io.kengine.sim.server;

/**
 * One token bucket: {@code ratePerSecond} tokens refill per second up to {@code capacity}; a take
 * of {@code cost} tokens succeeds only if all of them are there at once (a batch is all or nothing).
 * Starts full. Time comes from the caller (milliseconds from an injected clock), so a test can
 * empty and refill a bucket without waiting. Tokens are held in 1/1000 units so a 1-ms step of a
 * 100 tokens/s bucket refills exactly 0.1 token. Not thread-safe: the caller holds a lock.
 */
final class TokenBucket {
    private static final long MILLI = 1_000L;

    private final long ratePerSecond;
    private final long capacityMilli;
    private long tokensMilli;
    private long lastMillis;

    TokenBucket(long ratePerSecond, long capacity, long nowMillis) {
        if (ratePerSecond <= 0 || capacity <= 0) {
            throw new IllegalArgumentException("rate and capacity must be positive");
        }
        this.ratePerSecond = ratePerSecond;
        this.capacityMilli = capacity * MILLI;
        this.tokensMilli = capacityMilli;
        this.lastMillis = nowMillis;
    }

    /** Takes {@code cost} tokens if all are available now; otherwise takes nothing. */
    boolean tryTake(long cost, long nowMillis) {
        refill(nowMillis);
        long need = cost * MILLI;
        if (need > tokensMilli) {
            return false;
        }
        tokensMilli -= need;
        return true;
    }

    /** Whole tokens available now. */
    long available(long nowMillis) {
        refill(nowMillis);
        return tokensMilli / MILLI;
    }

    long capacity() {
        return capacityMilli / MILLI;
    }

    long ratePerSecond() {
        return ratePerSecond;
    }

    private void refill(long nowMillis) {
        long elapsed = nowMillis - lastMillis;
        if (elapsed <= 0) {
            return; // a clock that steps back refills nothing (and never drains)
        }
        lastMillis = nowMillis;
        // rate tokens/s = rate milli-tokens/ms
        long add = elapsed >= capacityMilli / ratePerSecond + 1 ? capacityMilli : elapsed * ratePerSecond;
        tokensMilli = Math.min(capacityMilli, tokensMilli + add);
    }
}

package io.kengine.gateway.rest;

/**
 * The client-side mirror of the exchange's Write token bucket: refills continuously at the tier's rate
 * up to its capacity; a request takes its whole cost or waits. Not thread-safe (the dispatcher's lock
 * guards it). Time in nanoseconds from the caller.
 */
final class RateBudget {
    private final long perSecond;
    private final long capacity;
    private long milliTokens;   // tokens × 1000, so slow refills do not round away
    private long lastNanos;

    RateBudget(long perSecond, long capacity, long nowNanos) {
        this.perSecond = perSecond;
        this.capacity = capacity;
        this.milliTokens = capacity * 1000;
        this.lastNanos = nowNanos;
    }

    boolean tryTake(long cost, long nowNanos) {
        refill(nowNanos);
        long need = Math.min(cost, capacity) * 1000;
        if (milliTokens < need) {
            return false;
        }
        milliTokens -= need;
        return true;
    }

    /** Nanoseconds until {@code cost} tokens are there (0 = now). */
    long nanosUntil(long cost, long nowNanos) {
        refill(nowNanos);
        long missing = Math.min(cost, capacity) * 1000 - milliTokens;
        if (missing <= 0) {
            return 0;
        }
        return (missing * 1_000_000L + perSecond - 1) / perSecond; // milli-tokens / (tokens/s) → ns
    }

    /** After a 429 the exchange's bucket is empty whatever we think: start from empty. */
    void drain(long nowNanos) {
        refill(nowNanos);
        milliTokens = 0;
    }

    long available(long nowNanos) {
        refill(nowNanos);
        return milliTokens / 1000;
    }

    private void refill(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed <= 0) {
            return;
        }
        lastNanos = nowNanos;
        long add = elapsed >= 1_000_000_000L * 100 ? capacity * 1000 : elapsed * perSecond / 1_000_000L;
        milliTokens = Math.min(capacity * 1000, milliTokens + add);
    }
}

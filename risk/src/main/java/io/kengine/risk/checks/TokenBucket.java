package io.kengine.risk.checks;

/**
 * A deterministic mirror of Kalshi's write token bucket, refilled from event time: risk refuses an
 * order it cannot pay for rather than let the exchange answer 429. Kept in micro-tokens so sub-token
 * refills over short gaps are not lost. The first event fills the bucket.
 */
public final class TokenBucket {
    private static final long MICRO = 1_000_000L;
    private static final long MAX_GAP_NANOS = 100_000_000_000L;

    private long capacity;
    private long ratePerSecond;
    private long micro;
    private long lastNanos = Long.MIN_VALUE;
    private long refused;

    public void configure(long capacityTokens, long tokensPerSecond) {
        this.capacity = capacityTokens * MICRO;
        this.ratePerSecond = tokensPerSecond;
        if (micro > capacity) {
            micro = capacity;
        }
    }

    public void refill(long nowNanos) {
        if (lastNanos == Long.MIN_VALUE) {
            micro = capacity;
            lastNanos = nowNanos;
            return;
        }
        long gap = nowNanos - lastNanos;
        if (gap <= 0) {
            return;
        }
        lastNanos = nowNanos;
        micro = Math.min(capacity, micro + Math.min(gap, MAX_GAP_NANOS) * ratePerSecond / 1_000);
    }

    /** Whether {@code tokens} can be spent leaving at least {@code reserve} tokens. */
    public boolean canSpend(long tokens, long reserve) {
        return micro >= (tokens + reserve) * MICRO;
    }

    /** Spends; the bucket never goes below zero (a cancel is sent even on an empty bucket). */
    public void spend(long tokens) {
        micro = Math.max(0, micro - tokens * MICRO);
    }

    public void refused() {
        refused++;
    }

    public long tokens() { return micro / MICRO; }
    public long capacityTokens() { return capacity / MICRO; }
    public long ratePerSecond() { return ratePerSecond; }
    public long refusedCount() { return refused; }
}

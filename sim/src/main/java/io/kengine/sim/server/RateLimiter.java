package io.kengine.sim.server;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Kalshi's token-bucket rate limiter (reference §7): each account has a Read and a Write bucket
 * sized by its {@link RateTier}; a request takes its cost from one bucket or is refused whole.
 * Costs: every request 10 tokens by default; a V2 single cancel and each batch-cancel item 2;
 * each batch-create item 10 (see {@link #COST_DEFAULT}, {@link #COST_CANCEL}). Thread-safe
 * (one lock per account); time comes from the injected millisecond clock.
 */
public final class RateLimiter {
    /** Tokens of any request without a listed cost (reads, create, amend, decrease). */
    public static final long COST_DEFAULT = 10;
    /** Tokens of a V2 cancel, and of each item of a batch cancel. */
    public static final long COST_CANCEL = 2;

    /** Which bucket a request draws from. */
    public enum Bucket { READ, WRITE }

    private final LongSupplier clockMillis;
    private final boolean enabled;
    private final ConcurrentHashMap<String, Pair> accounts = new ConcurrentHashMap<>();

    public RateLimiter(LongSupplier clockMillis, boolean enabled) {
        this.clockMillis = clockMillis;
        this.enabled = enabled;
    }

    /**
     * Takes {@code cost} tokens from the account's bucket if they are all there; false = answer 429.
     * A cost above the bucket's capacity can never fit and is always refused.
     */
    public boolean tryAcquire(String account, RateTier tier, Bucket bucket, long cost) {
        if (!enabled) {
            return true;
        }
        long now = clockMillis.getAsLong();
        Pair pair = accounts.computeIfAbsent(account, a -> new Pair(tier, now));
        synchronized (pair) {
            return (bucket == Bucket.READ ? pair.read : pair.write).tryTake(cost, now);
        }
    }

    /** Whole tokens left in an account's bucket now (the full capacity for an unseen account). */
    public long available(String account, RateTier tier, Bucket bucket) {
        long now = clockMillis.getAsLong();
        Pair pair = accounts.computeIfAbsent(account, a -> new Pair(tier, now));
        synchronized (pair) {
            return (bucket == Bucket.READ ? pair.read : pair.write).available(now);
        }
    }

    private static final class Pair {
        final TokenBucket read;
        final TokenBucket write;

        Pair(RateTier tier, long now) {
            read = new TokenBucket(tier.readPerSecond(), tier.readCapacity(), now);
            write = new TokenBucket(tier.writePerSecond(), tier.writeCapacity(), now);
        }
    }
}

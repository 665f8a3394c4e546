package io.kengine.sim.server;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Token buckets per Kalshi's 2026 scheme, on an injected clock. */
class RateLimiterTest {
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final RateLimiter limiter = new RateLimiter(clock::get, true);

    @Test
    void tierBudgetsFollowTheReference() {
        assertEquals(400, RateTier.BASIC.readCapacity());   // 200/s, 2 s
        assertEquals(100, RateTier.BASIC.writeCapacity());  // 100/s, 1 s
        assertEquals(600, RateTier.ADVANCED.readCapacity());
        assertEquals(600, RateTier.ADVANCED.writeCapacity());
        assertEquals(600, RateTier.EXPERT.readCapacity());
        assertEquals(1_200, RateTier.EXPERT.writeCapacity());
        assertEquals(10_000, RateTier.PRESTIGE.readCapacity());
        assertEquals(16_000, RateTier.PRESTIGE.writeCapacity());
    }

    @Test
    void basicWriteBucketHoldsTenOrdersThenRefills() {
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.tryAcquire("a", RateTier.BASIC, RateLimiter.Bucket.WRITE, RateLimiter.COST_DEFAULT), "order " + i);
        }
        assertFalse(limiter.tryAcquire("a", RateTier.BASIC, RateLimiter.Bucket.WRITE, RateLimiter.COST_DEFAULT));
        // a cancel (2 tokens) does not fit either
        assertFalse(limiter.tryAcquire("a", RateTier.BASIC, RateLimiter.Bucket.WRITE, RateLimiter.COST_CANCEL));
        clock.addAndGet(19); // 1.9 tokens: still no cancel
        assertFalse(limiter.tryAcquire("a", RateTier.BASIC, RateLimiter.Bucket.WRITE, RateLimiter.COST_CANCEL));
        clock.addAndGet(1);  // 2.0 tokens
        assertTrue(limiter.tryAcquire("a", RateTier.BASIC, RateLimiter.Bucket.WRITE, RateLimiter.COST_CANCEL));
        clock.addAndGet(100); // 10 tokens
        assertTrue(limiter.tryAcquire("a", RateTier.BASIC, RateLimiter.Bucket.WRITE, RateLimiter.COST_DEFAULT));
    }

    @Test
    void refillStopsAtCapacity() {
        assertTrue(limiter.tryAcquire("a", RateTier.BASIC, RateLimiter.Bucket.WRITE, 100));
        clock.addAndGet(3_600_000);
        assertEquals(100, limiter.available("a", RateTier.BASIC, RateLimiter.Bucket.WRITE));
    }

    @Test
    void aBatchMustFitAtOnce() {
        // a batch of 9 orders (90 tokens) fits a full Basic write bucket; a batch of 2 (20) does not fit the 10 left
        assertTrue(limiter.tryAcquire("a", RateTier.BASIC, RateLimiter.Bucket.WRITE, 90));
        assertFalse(limiter.tryAcquire("a", RateTier.BASIC, RateLimiter.Bucket.WRITE, 20));
        assertEquals(10, limiter.available("a", RateTier.BASIC, RateLimiter.Bucket.WRITE), "a refused batch takes nothing");
        // more than the capacity can never fit
        clock.addAndGet(10_000);
        assertFalse(limiter.tryAcquire("a", RateTier.BASIC, RateLimiter.Bucket.WRITE, 110));
    }

    @Test
    void bucketsAreSeparatePerAccountAndKind() {
        assertTrue(limiter.tryAcquire("a", RateTier.BASIC, RateLimiter.Bucket.WRITE, 100));
        assertFalse(limiter.tryAcquire("a", RateTier.BASIC, RateLimiter.Bucket.WRITE, 10));
        assertTrue(limiter.tryAcquire("a", RateTier.BASIC, RateLimiter.Bucket.READ, 400));
        assertTrue(limiter.tryAcquire("b", RateTier.BASIC, RateLimiter.Bucket.WRITE, 100));
    }

    @Test
    void aClockStepBackNeitherRefillsNorDrains() {
        assertTrue(limiter.tryAcquire("a", RateTier.BASIC, RateLimiter.Bucket.WRITE, 50));
        clock.addAndGet(-10_000);
        assertEquals(50, limiter.available("a", RateTier.BASIC, RateLimiter.Bucket.WRITE));
    }

    @Test
    void disabledLimiterAdmitsEverything() {
        RateLimiter off = new RateLimiter(clock::get, false);
        for (int i = 0; i < 1000; i++) {
            assertTrue(off.tryAcquire("a", RateTier.BASIC, RateLimiter.Bucket.WRITE, 10));
        }
    }
}

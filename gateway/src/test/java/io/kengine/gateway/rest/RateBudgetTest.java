package io.kengine.gateway.rest;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateBudgetTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void basicTierPaysTenCreatesThenRefillsAtItsRate() {
        RateBudget b = new RateBudget(RateTier.BASIC.writePerSecond(), RateTier.BASIC.writeCapacity(), 0);
        for (int i = 0; i < 10; i++) {
            assertTrue(b.tryTake(RateTier.COST_ORDER, 0), "create " + i);
        }
        assertFalse(b.tryTake(RateTier.COST_CANCEL, 0), "empty");
        assertEquals(SECOND / 50, b.nanosUntil(RateTier.COST_CANCEL, 0), "2 tokens at 100/s = 20 ms");
        assertTrue(b.tryTake(RateTier.COST_CANCEL, SECOND / 50));
        assertEquals(100, new RateBudget(100, 100, 0).available(5 * SECOND), "capped at capacity");
    }

    @Test
    void drainEmptiesTheBucketAfterA429() {
        RateBudget b = new RateBudget(1_000, 2_000, 0);
        b.drain(0);
        assertFalse(b.tryTake(10, 0));
        assertTrue(b.tryTake(10, SECOND / 100));
    }
}

package io.kengine.feed.connection;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {
    private static final long S = 1_000_000_000L;

    @Test
    void doublesFromOneSecondToSixtyWithoutJitter() {
        Backoff b = new Backoff(S, 60 * S, 0, 1);
        long[] expected = {1, 2, 4, 8, 16, 32, 60, 60, 60};
        for (long e : expected) {
            assertEquals(e * S, b.nextDelayNanos());
        }
        b.reset();
        assertEquals(S, b.nextDelayNanos());
    }

    @Test
    void jitterStaysWithinItsBandAndIsReproducible() {
        Backoff a = new Backoff(S, 60 * S, 0.5, 42);
        Backoff same = new Backoff(S, 60 * S, 0.5, 42);
        Backoff other = new Backoff(S, 60 * S, 0.5, 43);
        boolean differs = false;
        for (int i = 0; i < 200; i++) {
            long ceiling = a.ceilingNanos(a.attempts());
            long d = a.nextDelayNanos();
            assertTrue(d >= ceiling / 2 && d <= ceiling, "attempt " + i + ": " + d + " outside [" + ceiling / 2 + ", " + ceiling + "]");
            assertEquals(d, same.nextDelayNanos());
            differs |= d != other.nextDelayNanos();
        }
        assertTrue(differs);
        assertNotEquals(0, a.attempts());
    }

    @Test
    void neverOverflows() {
        Backoff b = new Backoff(1, Long.MAX_VALUE / 2, 0, 1);
        long last = 0;
        for (int i = 0; i < 200; i++) {
            long d = b.nextDelayNanos();
            assertTrue(d >= last && d > 0);
            last = d;
        }
        assertEquals(Long.MAX_VALUE / 2, last);
    }
}

package io.kengine.risk.breaker;

import io.kengine.protocol.event.AsciiField;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitBreakerTest {
    private static final long S = 1_000_000_000L;
    private final UnsafeBuffer b = new UnsafeBuffer(new byte[128]);
    private final CircuitBreaker cb = new CircuitBreaker();

    private int reject(long t, String reason) {
        AsciiField.put(b, 0, 96, reason);
        return cb.onReject(t, b, 0);
    }

    @Test
    void opensAfterNErrorsInTheWindowThenProbesThenCloses() {
        cb.configure(3, 10 * S, 30 * S);
        assertEquals(CircuitBreaker.NO_CHANGE, reject(1 * S, "internal error"));
        assertEquals(CircuitBreaker.NO_CHANGE, reject(2 * S, "internal error"));
        assertTrue(cb.allowsOrder());
        assertEquals(CircuitBreaker.OPEN, reject(3 * S, "internal error"));
        assertFalse(cb.allowsOrder());
        assertEquals(CircuitBreaker.NO_CHANGE, cb.tick(32 * S));
        assertEquals(CircuitBreaker.HALF_OPEN, cb.tick(33 * S));
        assertTrue(cb.allowsOrder(), "one probe");
        cb.orderSent(33 * S);
        assertFalse(cb.allowsOrder(), "only one probe");
        assertEquals(CircuitBreaker.CLOSED, cb.onSuccess());
        assertTrue(cb.allowsOrder());
        assertEquals(CircuitBreaker.NO_CHANGE, reject(40 * S, "x"), "the count starts over after closing");
    }

    @Test
    void errorsOutsideTheWindowDoNotCount() {
        cb.configure(3, 10 * S, 30 * S);
        reject(0, "e");
        reject(5 * S, "e");
        assertEquals(CircuitBreaker.NO_CHANGE, reject(11 * S, "e"), "the first fell out of the window");
        assertEquals(CircuitBreaker.OPEN, reject(12 * S, "e"));
    }

    @Test
    void aFailedProbeOrNoReplyReopens() {
        cb.configure(1, 10 * S, 30 * S);
        assertEquals(CircuitBreaker.OPEN, reject(0, "e"));
        cb.tick(30 * S);
        cb.orderSent(30 * S);
        assertEquals(CircuitBreaker.OPEN, reject(31 * S, "e"));
        assertEquals(CircuitBreaker.HALF_OPEN, cb.tick(61 * S));
        cb.orderSent(61 * S);
        assertEquals(CircuitBreaker.OPEN, cb.tick(91 * S), "probe without reply");
        assertEquals(3, cb.opens());
    }

    @Test
    void businessRejectionsAreIgnored() {
        cb.configure(1, 10 * S, 30 * S);
        cb.ignore(List.of("post only cross", "insufficient"));
        assertEquals(CircuitBreaker.NO_CHANGE, reject(0, "invalid order: post only cross"));
        assertEquals(CircuitBreaker.NO_CHANGE, reject(0, "insufficient balance"));
        assertEquals(CircuitBreaker.OPEN, reject(0, "503 service unavailable"));
    }
}

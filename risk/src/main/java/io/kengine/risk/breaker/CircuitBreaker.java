package io.kengine.risk.breaker;

import org.agrona.DirectBuffer;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * API-error circuit breaker, in event time. CLOSED: order flow passes; {@code threshold} rejected
 * replies within {@code window} open it. OPEN: no creates or amends (the stage pulls the quotes) until
 * {@code openFor} has passed, then HALF_OPEN: exactly one probe order is let through; a non-rejected reply
 * closes the breaker, a rejection (or no reply within {@code openFor}) opens it again. Rejections whose
 * reason contains one of the ignored substrings (business outcomes such as a post-only cross) do not count.
 */
public final class CircuitBreaker {
    public static final int CLOSED = 0;
    public static final int OPEN = 1;
    public static final int HALF_OPEN = 2;
    /** Transition results. */
    public static final int NO_CHANGE = -1;

    private long[] errors = new long[5];
    private int head;
    private int size;
    private int threshold = 5;
    private long windowNanos = 10_000_000_000L;
    private long openNanos = 30_000_000_000L;
    private byte[][] ignore = new byte[0][];

    private int state = CLOSED;
    private long openUntil;
    private boolean probeSent;
    private long probeDeadline;
    private long opens;

    public void configure(int threshold, long windowNanos, long openNanos) {
        if (threshold != this.threshold) {
            errors = new long[threshold];
            head = 0;
            size = 0;
        }
        this.threshold = threshold;
        this.windowNanos = windowNanos;
        this.openNanos = openNanos;
    }

    public void ignore(List<String> substrings) {
        byte[][] b = new byte[substrings.size()][];
        for (int i = 0; i < b.length; i++) {
            b[i] = substrings.get(i).getBytes(StandardCharsets.US_ASCII);
        }
        ignore = b;
    }

    /**
     * A rejected reply. @param reasonAt offset of the reply's reason field (length byte + ASCII)
     * @return the new state if it changed, else {@link #NO_CHANGE}
     */
    public int onReject(long nowNanos, DirectBuffer b, int reasonAt) {
        if (ignored(b, reasonAt)) {
            return NO_CHANGE;
        }
        if (state == HALF_OPEN) {
            return open(nowNanos);
        }
        if (state == OPEN) {
            return NO_CHANGE;
        }
        while (size > 0 && nowNanos - errors[head] >= windowNanos) {
            head = (head + 1) % threshold;
            size--;
        }
        if (size == threshold) {
            head = (head + 1) % threshold;
            size--;
        }
        errors[(head + size) % threshold] = nowNanos;
        size++;
        return size >= threshold ? open(nowNanos) : NO_CHANGE;
    }

    /** A reply that is not a rejection: the probe worked. */
    public int onSuccess() {
        if (state == HALF_OPEN && probeSent) {
            state = CLOSED;
            size = 0;
            probeSent = false;
            return CLOSED;
        }
        return NO_CHANGE;
    }

    /** Time passes: OPEN → HALF_OPEN after openFor; a probe without reply re-opens. */
    public int tick(long nowNanos) {
        if (state == OPEN && nowNanos >= openUntil) {
            state = HALF_OPEN;
            probeSent = false;
            return HALF_OPEN;
        }
        if (state == HALF_OPEN && probeSent && nowNanos >= probeDeadline) {
            return open(nowNanos);
        }
        return NO_CHANGE;
    }

    /** Whether a create or amend may go out now. */
    public boolean allowsOrder() {
        return state == CLOSED || state == HALF_OPEN && !probeSent;
    }

    /** Records that an order went out; in HALF_OPEN it is the probe. */
    public void orderSent(long nowNanos) {
        if (state == HALF_OPEN && !probeSent) {
            probeSent = true;
            probeDeadline = nowNanos + openNanos;
        }
    }

    private int open(long nowNanos) {
        state = OPEN;
        openUntil = nowNanos + openNanos;
        probeSent = false;
        opens++;
        return OPEN;
    }

    private boolean ignored(DirectBuffer b, int at) {
        int len = b.getByte(at) & 0xFF;
        for (byte[] p : ignore) {
            outer:
            for (int s = 0; s + p.length <= len; s++) {
                for (int k = 0; k < p.length; k++) {
                    if (b.getByte(at + 1 + s + k) != p[k]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }

    public int state() { return state; }
    public int errorsInWindow() { return size; }
    public long opens() { return opens; }
    public boolean probeSent() { return probeSent; }

    public static String stateName(int s) {
        return s == CLOSED ? "closed" : s == OPEN ? "open" : "half-open";
    }
}

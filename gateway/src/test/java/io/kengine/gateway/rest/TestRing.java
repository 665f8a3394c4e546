package io.kengine.gateway.rest;

import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.stage.EventPublisher;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A stand-in for the inbound ring: any number of producer threads (each claims its own scratch), one
 * consumer (the test thread, playing the business thread). publish() stamps sequence and receive time
 * like the real inbound ring and never blocks.
 */
final class TestRing implements EventPublisher {
    private final ThreadLocal<UnsafeBuffer> scratch =
        ThreadLocal.withInitial(() -> new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]));
    private final ConcurrentLinkedQueue<byte[]> queue = new ConcurrentLinkedQueue<>();
    private long sequence;
    private long lastNanos;

    @Override
    public MutableDirectBuffer claim() {
        return scratch.get();
    }

    @Override
    public long publish() {
        UnsafeBuffer b = scratch.get();
        long seq = stamp(b);
        byte[] copy = new byte[EventHeader.length(b, 0)];
        b.getBytes(0, copy);
        queue.add(copy);
        return seq;
    }

    /** Stamps sequence and time on an event the test injects itself. */
    synchronized long stamp(MutableDirectBuffer b) {
        long now = Math.max(lastNanos + 1, System.currentTimeMillis() * 1_000_000L);
        lastNanos = now;
        EventHeader.sequence(b, 0, ++sequence);
        EventHeader.timestampNanos(b, 0, now);
        return sequence;
    }

    byte[] poll() {
        return queue.poll();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}

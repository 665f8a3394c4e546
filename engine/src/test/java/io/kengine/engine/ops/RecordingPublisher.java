package io.kengine.engine.ops;

import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.stage.EventPublisher;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/** An EventPublisher that keeps a copy of every published event; counts claims (a claim without publish would stall a ring). */
final class RecordingPublisher implements EventPublisher {
    private final UnsafeBuffer slot = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
    private final List<UnsafeBuffer> events = new ArrayList<>();
    private int claims;
    private boolean claimed;

    @Override
    public synchronized MutableDirectBuffer claim() {
        if (claimed) {
            throw new IllegalStateException("claim() twice without publish()");
        }
        claimed = true;
        claims++;
        slot.setMemory(0, slot.capacity(), (byte) 0x55); // garbage, as a reused ring slot holds
        return slot;
    }

    @Override
    public synchronized long publish() {
        if (!claimed) {
            throw new IllegalStateException("publish() without claim()");
        }
        claimed = false;
        byte[] copy = new byte[slot.capacity()];
        slot.getBytes(0, copy);
        events.add(new UnsafeBuffer(copy));
        EventHeader.sequence(events.get(events.size() - 1), 0, events.size() - 1);
        return events.size() - 1;
    }

    synchronized List<UnsafeBuffer> events() {
        return new ArrayList<>(events);
    }

    synchronized int claims() {
        return claims;
    }

    synchronized boolean pendingClaim() {
        return claimed;
    }
}

package io.kengine.feed.fairvalue;

import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.FairValueEvent;
import io.kengine.protocol.stage.EventPublisher;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.util.ArrayList;
import java.util.List;

/**
 * A publisher that keeps a copy of every published event, validates it as the ring would, and lets a
 * test wait (with a deadline) until a number of events has arrived. Fails loudly on claim without
 * publish (the contract the inputs must keep).
 */
final class RecordingEvents implements EventPublisher {
    private final UnsafeBuffer slot = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
    private final List<FairValueEvent> events = new ArrayList<>();
    private boolean claimed;
    private String problem;

    @Override
    public synchronized MutableDirectBuffer claim() {
        if (claimed) {
            problem = "claim without publish";
        }
        claimed = true;
        slot.setMemory(0, slot.capacity(), (byte) 0x5A);
        return slot;
    }

    @Override
    public synchronized long publish() {
        if (!claimed) {
            problem = "publish without claim";
        }
        claimed = false;
        String invalid = EventHeader.validate(slot, 0, slot.capacity());
        if (invalid != null) {
            problem = "invalid event: " + invalid;
        }
        byte[] copy = new byte[EventHeader.length(slot, 0)];
        slot.getBytes(0, copy);
        FairValueEvent e = new FairValueEvent();
        e.wrap(new UnsafeBuffer(copy), 0);
        events.add(e);
        notifyAll();
        return events.size() - 1;
    }

    synchronized int count() {
        return events.size();
    }

    synchronized FairValueEvent get(int i) {
        return events.get(i);
    }

    synchronized String problem() {
        return problem;
    }

    /** Waits until at least n events arrived or the deadline passes; returns the count then. */
    synchronized int await(int n, long timeoutMs) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (events.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000L));
        }
        return events.size();
    }
}

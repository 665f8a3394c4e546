package io.kengine.feed.decode;

import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.stage.EventPublisher;
import java.util.ArrayList;
import java.util.List;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A publisher over one reused slot. With {@code keep} it copies every published event (tests that read
 * them back); without, it only counts and checksums, allocating nothing (the allocation test).
 */
final class RecordingPublisher implements EventPublisher {
    private final UnsafeBuffer slot = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
    private final boolean keep;
    final List<UnsafeBuffer> events = new ArrayList<>();
    long claims;
    long published;
    long checksum;
    private boolean claimed;

    RecordingPublisher(boolean keep) {
        this.keep = keep;
    }

    @Override
    public MutableDirectBuffer claim() {
        if (claimed) {
            throw new IllegalStateException("claim without publish");
        }
        claimed = true;
        claims++;
        slot.setMemory(0, slot.capacity(), (byte) 0x5A); // garbage, so an unwritten field shows
        return slot;
    }

    @Override
    public long publish() {
        if (!claimed) {
            throw new IllegalStateException("publish without claim");
        }
        claimed = false;
        int length = EventHeader.length(slot, 0);
        String problem = EventHeader.validate(slot, 0, slot.capacity());
        if (problem != null) {
            throw new IllegalStateException("invalid event published: " + problem);
        }
        checksum = checksum * 31 + slot.getLong(length - 8);
        if (keep) {
            byte[] copy = new byte[length];
            slot.getBytes(0, copy);
            events.add(new UnsafeBuffer(copy));
        }
        return published++;
    }

    void clear() {
        events.clear();
        claims = 0;
        published = 0;
    }
}

package io.kengine.protocol.stage;

import io.kengine.protocol.event.EventHeader;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One preallocated ring entry. {@link #event()} holds the event bytes exactly as journaled
 * (written once by the producer, read-only for stages). {@link #notes()} is per-stage scratch:
 * each business stage writes what it derived for this event (top of book, wanted quote, approved
 * quote) so the next stage reads it from the slot instead of from another thread's state.
 * Notes are never journaled: replay recomputes them.
 */
public final class EventSlot {
    public static final int NOTES_LENGTH = 1344; // ≥ BasketNote.END, a multiple of 64

    private final UnsafeBuffer event;
    private final UnsafeBuffer notes;

    /** Bytes one slot takes in a {@link SlotArena}: the event, then its notes (a multiple of 64). */
    public static final int STRIDE = EventHeader.MAX_EVENT_LENGTH + NOTES_LENGTH;

    /** A stand-alone slot with memory of its own (tests, benchmarks, replay's single slot). */
    public EventSlot() {
        this.event = new UnsafeBuffer(BufferUtil.allocateDirectAligned(EventHeader.MAX_EVENT_LENGTH, 64));
        this.notes = new UnsafeBuffer(BufferUtil.allocateDirectAligned(NOTES_LENGTH, 64));
    }

    /** A slot over {@link #STRIDE} bytes of {@code slab} from {@code offset} (64-byte aligned). */
    EventSlot(java.nio.ByteBuffer slab, int offset) {
        this.event = new UnsafeBuffer(slab, offset, EventHeader.MAX_EVENT_LENGTH);
        this.notes = new UnsafeBuffer(slab, offset + EventHeader.MAX_EVENT_LENGTH, NOTES_LENGTH);
    }

    public UnsafeBuffer event() {
        return event;
    }

    public UnsafeBuffer notes() {
        return notes;
    }

    /** Address of the notes' first byte, for {@link NoteMemory}'s unchecked stores. */
    long notesAddress() {
        return notes.addressOffset();
    }

    public short type() {
        return EventHeader.type(event, 0);
    }

    public int marketId() {
        return EventHeader.marketId(event, 0);
    }

    public long sequence() {
        return EventHeader.sequence(event, 0);
    }

    public long timestampNanos() {
        return EventHeader.timestampNanos(event, 0);
    }

    public int length() {
        return EventHeader.length(event, 0);
    }

    /** Copies a complete event (e.g. one read from the journal) into this slot and clears the notes. */
    public void copyFrom(org.agrona.DirectBuffer src, int offset, int length) {
        event.putBytes(0, src, offset, length);
        notes.setMemory(0, NOTES_LENGTH, (byte) 0);
    }
}

package io.kengine.protocol.event;

import io.kengine.protocol.stage.EventSlot;
import org.agrona.DirectBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Shared checks for event tests. */
final class EventAssertions {
    private EventAssertions() {
    }

    /** A slot whose event and notes hold garbage, as a reused ring slot does. */
    static EventSlot dirtySlot() {
        EventSlot slot = new EventSlot();
        slot.event().setMemory(0, EventHeader.MAX_EVENT_LENGTH, (byte) 0x5A);
        slot.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0x5A);
        return slot;
    }

    /**
     * The event at offset is well-formed: validate passes (with the whole buffer and with exactly
     * its bytes), the expected length matches, and the length keeps the next record 8-aligned.
     */
    static void assertWellFormed(DirectBuffer b, int offset, short type, int length) {
        assertEquals(length, EventHeader.length(b, offset), "length");
        assertEquals(type, EventHeader.type(b, offset), "type");
        assertEquals(EventHeader.SCHEMA_VERSION, EventHeader.schemaVersion(b, offset), "version");
        assertEquals(0, b.getByte(offset + EventHeader.FLAGS_OFFSET), "header flags");
        assertNull(EventHeader.validate(b, offset, b.capacity() - offset));
        assertNull(EventHeader.validate(b, offset, length));
        assertEquals(length, EventType.expectedLength(type, b, offset));
        assertEquals(0, length % 8, "event length " + length + " is not a multiple of 8");
    }

    static long rawLong(DirectBuffer b, int at) {
        return b.getLong(at, EventHeader.ORDER);
    }

    static int rawInt(DirectBuffer b, int at) {
        return b.getInt(at, EventHeader.ORDER);
    }

    static short rawShort(DirectBuffer b, int at) {
        return b.getShort(at, EventHeader.ORDER);
    }

    static String rawAscii(DirectBuffer b, int at) {
        return b.getStringWithoutLengthAscii(at + 1, b.getByte(at) & 0xFF);
    }
}

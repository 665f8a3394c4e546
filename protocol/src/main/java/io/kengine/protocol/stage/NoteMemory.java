package io.kengine.protocol.stage;

import org.agrona.UnsafeApi;

/**
 * Unchecked native-order stores into a slot's notes, for the note writers on the hot path. The
 * notes are a direct buffer of exactly {@link EventSlot#NOTES_LENGTH} bytes owned by the slot, and
 * every writer stores at compile-time-constant offsets that a test checks lie inside it, so the
 * per-store bounds check Agrona's {@code UnsafeBuffer} does buys nothing here (it was a fifth of a
 * book update). Reads keep going through the checked buffer. Byte order is the same as
 * {@code UnsafeBuffer.putLong(int, long)}: native.
 */
final class NoteMemory {
    private NoteMemory() {
    }

    static void putInt(long address, int value) {
        UnsafeApi.putInt(null, address, value);
    }

    static void putByte(long address, byte value) {
        UnsafeApi.putByte(null, address, value);
    }

    static void putLong(long address, long value) {
        UnsafeApi.putLong(null, address, value);
    }
}

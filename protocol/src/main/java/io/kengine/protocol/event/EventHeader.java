package io.kengine.protocol.event;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.ByteOrder;

/**
 * The fixed 32-byte header every event starts with, inbound and outbound alike.
 *
 * <pre>
 * offset size field
 *  0     4    length            total bytes of the event, header included
 *  4     2    type              {@link EventType} code
 *  6     1    schemaVersion     {@link #SCHEMA_VERSION} at the time of writing
 *  7     1    flags             reserved, 0
 *  8     8    sequence          ring sequence, stamped at publish
 * 16     8    timestampNanos    receive time (epoch ns), stamped at publish; the only clock stages read
 * 24     4    marketId          engine-wide market id, {@link #NO_MARKET} when not market-specific
 * 28     4    source            {@link EventSource} code of the producer
 * </pre>
 *
 * All multi-byte fields are little-endian. The journal stores events exactly as these bytes.
 */
public final class EventHeader {
    public static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;
    public static final int LENGTH = 32;
    /** Largest event a ring slot or a journal record holds. */
    public static final int MAX_EVENT_LENGTH = 1024;
    public static final byte SCHEMA_VERSION = 1;
    public static final int NO_MARKET = -1;

    public static final int LENGTH_OFFSET = 0;
    public static final int TYPE_OFFSET = 4;
    public static final int VERSION_OFFSET = 6;
    public static final int FLAGS_OFFSET = 7;
    public static final int SEQUENCE_OFFSET = 8;
    public static final int TIMESTAMP_OFFSET = 16;
    public static final int MARKET_ID_OFFSET = 24;
    public static final int SOURCE_OFFSET = 28;

    private EventHeader() {
    }

    /** Writes a fresh header; sequence and timestamp are left 0 for the publisher to stamp. */
    public static void init(MutableDirectBuffer b, int offset, short type, int length, int marketId, int source) {
        b.putInt(offset + LENGTH_OFFSET, length, ORDER);
        b.putShort(offset + TYPE_OFFSET, type, ORDER);
        b.putByte(offset + VERSION_OFFSET, SCHEMA_VERSION);
        b.putByte(offset + FLAGS_OFFSET, (byte) 0);
        b.putLong(offset + SEQUENCE_OFFSET, 0L, ORDER);
        b.putLong(offset + TIMESTAMP_OFFSET, 0L, ORDER);
        b.putInt(offset + MARKET_ID_OFFSET, marketId, ORDER);
        b.putInt(offset + SOURCE_OFFSET, source, ORDER);
    }

    public static int length(DirectBuffer b, int offset) {
        return b.getInt(offset + LENGTH_OFFSET, ORDER);
    }

    public static short type(DirectBuffer b, int offset) {
        return b.getShort(offset + TYPE_OFFSET, ORDER);
    }

    public static byte schemaVersion(DirectBuffer b, int offset) {
        return b.getByte(offset + VERSION_OFFSET);
    }

    public static long sequence(DirectBuffer b, int offset) {
        return b.getLong(offset + SEQUENCE_OFFSET, ORDER);
    }

    public static void sequence(MutableDirectBuffer b, int offset, long sequence) {
        b.putLong(offset + SEQUENCE_OFFSET, sequence, ORDER);
    }

    public static long timestampNanos(DirectBuffer b, int offset) {
        return b.getLong(offset + TIMESTAMP_OFFSET, ORDER);
    }

    public static void timestampNanos(MutableDirectBuffer b, int offset, long nanos) {
        b.putLong(offset + TIMESTAMP_OFFSET, nanos, ORDER);
    }

    public static int marketId(DirectBuffer b, int offset) {
        return b.getInt(offset + MARKET_ID_OFFSET, ORDER);
    }

    public static void marketId(MutableDirectBuffer b, int offset, int marketId) {
        b.putInt(offset + MARKET_ID_OFFSET, marketId, ORDER);
    }

    public static int source(DirectBuffer b, int offset) {
        return b.getInt(offset + SOURCE_OFFSET, ORDER);
    }

    /**
     * Checks that {@code available} bytes at {@code offset} hold a well-formed event of this schema.
     * Returns null when valid, otherwise a description of what is wrong (used by the journal reader and replay).
     */
    public static String validate(DirectBuffer b, int offset, int available) {
        if (available < LENGTH) {
            return "record of " + available + " bytes is shorter than the " + LENGTH + "-byte event header";
        }
        int length = length(b, offset);
        if (length < LENGTH || length > MAX_EVENT_LENGTH) {
            return "event length " + length + " outside [" + LENGTH + ", " + MAX_EVENT_LENGTH + "]";
        }
        if (length > available) {
            return "event length " + length + " exceeds the " + available + " bytes present (truncated)";
        }
        byte version = schemaVersion(b, offset);
        if (version != SCHEMA_VERSION) {
            return "event schema version " + version + " is not the supported version " + SCHEMA_VERSION;
        }
        short type = type(b, offset);
        if (!EventType.isKnown(type)) {
            return "unknown event type " + type;
        }
        // The entry counts of list events sit inside the base part: never read them past the record.
        int base = EventType.baseLength(type);
        if (length < base) {
            return EventType.name(type) + " event has length " + length + ", shorter than its fixed part of " + base;
        }
        int expected = EventType.expectedLength(type, b, offset);
        if (expected < 0) {
            return EventType.name(type) + " event has an invalid entry count";
        }
        if (expected != length) {
            return EventType.name(type) + " event has length " + length + ", expected " + expected;
        }
        return null;
    }
}

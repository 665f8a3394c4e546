package io.kengine.protocol.event;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import static io.kengine.protocol.event.EventHeader.ORDER;

/**
 * Base of the hand-written event flyweights: a view over an event's bytes at an offset.
 * A flyweight owns no data; wrap it over a ring slot or a journal record and read or write in place.
 * Field offsets in subclasses are relative to the event start (header included).
 */
public abstract class Flyweight {
    /** Sentinel for an absent optional long field (e.g. a ticker without a last price). */
    public static final long NULL_LONG = Long.MIN_VALUE;

    protected MutableDirectBuffer buffer;
    protected int offset;

    /** Wraps an existing event for reading (and in-place updates). */
    public Flyweight wrap(MutableDirectBuffer buffer, int offset) {
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    public MutableDirectBuffer buffer() {
        return buffer;
    }

    public int offset() {
        return offset;
    }

    public int length() {
        return EventHeader.length(buffer, offset);
    }

    public short type() {
        return EventHeader.type(buffer, offset);
    }

    public long sequence() {
        return EventHeader.sequence(buffer, offset);
    }

    public long timestampNanos() {
        return EventHeader.timestampNanos(buffer, offset);
    }

    public int marketId() {
        return EventHeader.marketId(buffer, offset);
    }

    public int source() {
        return EventHeader.source(buffer, offset);
    }

    protected final void header(short type, int length, int marketId, int source) {
        EventHeader.init(buffer, offset, type, length, marketId, source);
    }

    protected final void setLength(int length) {
        buffer.putInt(offset + EventHeader.LENGTH_OFFSET, length, ORDER);
    }

    protected final void zeroBody(int length) {
        buffer.setMemory(offset + EventHeader.LENGTH, length - EventHeader.LENGTH, (byte) 0);
    }

    protected final long getLong(int field) {
        return buffer.getLong(offset + field, ORDER);
    }

    protected final void putLong(int field, long v) {
        buffer.putLong(offset + field, v, ORDER);
    }

    protected final int getInt(int field) {
        return buffer.getInt(offset + field, ORDER);
    }

    protected final void putInt(int field, int v) {
        buffer.putInt(offset + field, v, ORDER);
    }

    protected final short getShort(int field) {
        return buffer.getShort(offset + field, ORDER);
    }

    protected final void putShort(int field, short v) {
        buffer.putShort(offset + field, v, ORDER);
    }

    protected final byte getByte(int field) {
        return buffer.getByte(offset + field);
    }

    protected final void putByte(int field, byte v) {
        buffer.putByte(offset + field, v);
    }

    protected final String getAscii(int field) {
        return AsciiField.get(buffer, offset + field);
    }

    protected final void putAscii(int field, int capacity, CharSequence value) {
        AsciiField.put(buffer, offset + field, capacity, value);
    }

    protected final void putAscii(int field, int capacity, DirectBuffer src, int srcOffset, int srcLength) {
        AsciiField.put(buffer, offset + field, capacity, src, srcOffset, srcLength);
    }

    protected final boolean asciiEquals(int field, CharSequence value) {
        return AsciiField.equalsAscii(buffer, offset + field, value);
    }
}

package io.kengine.protocol.event;

import org.agrona.MutableDirectBuffer;

/**
 * One parameter set to one value, e.g. {@code pricing.m0.edge = 0.0200}. The engine journals its
 * whole strategy and risk configuration as these at start, and every runtime reload the same way,
 * so replay reproduces every decision without reading any file.
 */
public final class ConfigChangeEvent extends Flyweight {
    public static final int KEY_CAPACITY = 128;
    public static final int VALUE_CAPACITY = 256;
    private static final int REVISION = EventHeader.LENGTH;
    private static final int KEY = REVISION + 8;
    private static final int VALUE = KEY + KEY_CAPACITY;
    public static final int LENGTH = VALUE + VALUE_CAPACITY;

    public ConfigChangeEvent wrapForEncode(MutableDirectBuffer buffer, int offset, int source) {
        wrap(buffer, offset);
        header(EventType.CONFIG_CHANGE, LENGTH, EventHeader.NO_MARKET, source);
        zeroBody(LENGTH);
        return this;
    }

    /** Configuration revision this change belongs to (all changes of one load share it). */
    public long revision() { return getLong(REVISION); }
    public ConfigChangeEvent revision(long v) { putLong(REVISION, v); return this; }
    public String key() { return getAscii(KEY); }
    public ConfigChangeEvent key(CharSequence v) { putAscii(KEY, KEY_CAPACITY, v); return this; }
    public boolean keyEquals(CharSequence v) { return asciiEquals(KEY, v); }
    public String value() { return getAscii(VALUE); }
    public ConfigChangeEvent value(CharSequence v) { putAscii(VALUE, VALUE_CAPACITY, v); return this; }
}

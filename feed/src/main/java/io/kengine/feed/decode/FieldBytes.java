package io.kengine.feed.decode;

import java.nio.charset.StandardCharsets;

/**
 * A string field of a decoded frame, copied out of the frame into a preallocated array so it stays
 * valid after the transport reuses its buffer. It is a {@link CharSequence} over its bytes, so the
 * event flyweights' {@code CharSequence} setters take it without a String being built.
 *
 * <p>Fields the decoder puts into events (tickers, trade/order/client order ids, channel names) hold
 * printable ASCII only, checked on decode. Other fields ({@code market_id}) hold the raw UTF-8 bytes
 * of the JSON string (never escaped: the decoder refuses escapes in every string it keeps); their
 * {@code charAt} is a byte, {@link #toString()} decodes UTF-8.
 */
public final class FieldBytes implements CharSequence {
    private final byte[] bytes;
    private int length;
    private boolean present;

    public FieldBytes(int capacity) {
        this.bytes = new byte[capacity];
    }

    public int capacity() {
        return bytes.length;
    }

    /** False when the frame did not carry the field (or carried JSON null). */
    public boolean isPresent() {
        return present;
    }

    @Override
    public int length() {
        return length;
    }

    public byte byteAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        return bytes[index];
    }

    @Override
    public char charAt(int index) {
        return (char) (byteAt(index) & 0xFF);
    }

    /** The backing array (read only, by contract); bytes [0, {@link #length()}) are the value. */
    public byte[] array() {
        return bytes;
    }

    /** Byte-by-char equality without allocating (meaningful for ASCII values). */
    public boolean contentEquals(CharSequence s) {
        if (s == null) {
            return !present;
        }
        if (!present || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if ((bytes[i] & 0xFF) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Allocates: for tests, tools and logs, never the hot path. */
    @Override
    public CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }

    /** Allocates: for tests, tools and logs, never the hot path. Null-like "" when absent. */
    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** The value as a String, or null when absent (tests and tools). */
    public String stringOrNull() {
        return present ? toString() : null;
    }

    void clear() {
        length = 0;
        present = false;
    }

    /** Caller has checked {@code len <= capacity()}. */
    void set(byte[] src, int offset, int len) {
        System.arraycopy(src, offset, bytes, 0, len);
        length = len;
        present = true;
    }
}

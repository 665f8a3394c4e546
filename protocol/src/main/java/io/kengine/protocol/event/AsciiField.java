package io.kengine.protocol.event;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A fixed-capacity ASCII string inside an event: one length byte followed by up to capacity-1 bytes.
 * Values that do not fit or hold non-ASCII characters are rejected, never truncated: a truncated
 * ticker or order id would silently address a different object.
 */
public final class AsciiField {
    private AsciiField() {
    }

    public static int length(DirectBuffer b, int at) {
        return b.getByte(at) & 0xFF;
    }

    public static String get(DirectBuffer b, int at) {
        int len = length(b, at);
        return b.getStringWithoutLengthAscii(at + 1, len);
    }

    /** Appends the value to {@code sb} without creating a String. */
    public static void appendTo(DirectBuffer b, int at, StringBuilder sb) {
        int len = length(b, at);
        for (int i = 0; i < len; i++) {
            sb.append((char) b.getByte(at + 1 + i));
        }
    }

    public static void put(MutableDirectBuffer b, int at, int capacity, CharSequence value) {
        int len = value == null ? 0 : value.length();
        if (len > capacity - 1) {
            throw new IllegalArgumentException("string of " + len + " characters does not fit a field of "
                + (capacity - 1) + ": '" + value + "'");
        }
        // Check every character before writing any, so a rejected value leaves the field as it was.
        for (int i = 0; i < len; i++) {
            char c = value.charAt(i);
            if (c > 0x7E || c < 0x20) {
                throw new IllegalArgumentException("non-printable-ASCII character at " + i + " in '" + value + "'");
            }
        }
        b.putByte(at, (byte) len);
        for (int i = 0; i < len; i++) {
            b.putByte(at + 1 + i, (byte) value.charAt(i));
        }
    }

    /** Copies raw bytes (e.g. straight from a wire frame); the caller guarantees they are ASCII. */
    public static void put(MutableDirectBuffer b, int at, int capacity, DirectBuffer src, int srcOffset, int srcLength) {
        if (srcLength > capacity - 1 || srcLength < 0) {
            throw new IllegalArgumentException("string of " + srcLength + " bytes does not fit a field of " + (capacity - 1));
        }
        b.putByte(at, (byte) srcLength);
        b.putBytes(at + 1, src, srcOffset, srcLength);
    }

    public static boolean equalsAscii(DirectBuffer b, int at, CharSequence value) {
        int len = length(b, at);
        if (len != value.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            // Compare as unsigned values: casting the char to byte would make e.g. U+0141 equal 'A'.
            if ((b.getByte(at + 1 + i) & 0xFF) != value.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    public static boolean equalsField(DirectBuffer a, int atA, DirectBuffer b, int atB) {
        int len = length(a, atA);
        if (len != length(b, atB)) {
            return false;
        }
        for (int i = 1; i <= len; i++) {
            if (a.getByte(atA + i) != b.getByte(atB + i)) {
                return false;
            }
        }
        return true;
    }
}

package io.kengine.protocol.event;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AsciiFieldTest {
    private static final int CAP = 8; // holds up to 7 characters
    private final UnsafeBuffer b = new UnsafeBuffer(new byte[64]);

    @Test
    void storesUpToCapacityMinusOne() {
        AsciiField.put(b, 4, CAP, "ABCDEFG");
        assertEquals(7, AsciiField.length(b, 4));
        assertEquals("ABCDEFG", AsciiField.get(b, 4));
        assertTrue(AsciiField.equalsAscii(b, 4, "ABCDEFG"));
        assertFalse(AsciiField.equalsAscii(b, 4, "ABCDEF"));
        assertFalse(AsciiField.equalsAscii(b, 4, "ABCDEFH"));
        StringBuilder sb = new StringBuilder("t=");
        AsciiField.appendTo(b, 4, sb);
        assertEquals("t=ABCDEFG", sb.toString());
    }

    @Test
    void nullAndEmptyAreEmpty() {
        AsciiField.put(b, 0, CAP, "xyz");
        AsciiField.put(b, 0, CAP, null);
        assertEquals("", AsciiField.get(b, 0));
        AsciiField.put(b, 0, CAP, "");
        assertEquals(0, AsciiField.length(b, 0));
        assertTrue(AsciiField.equalsAscii(b, 0, ""));
    }

    @Test
    void tooLongIsRejectedNotTruncatedAndTheFieldIsUnchanged() {
        AsciiField.put(b, 0, CAP, "keep");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AsciiField.put(b, 0, CAP, "ABCDEFGH"));
        assertTrue(e.getMessage().contains("does not fit a field of 7"), e.getMessage());
        assertEquals("keep", AsciiField.get(b, 0));
    }

    @Test
    void nonAsciiAndControlCharactersAreRejectedAndTheFieldIsUnchanged() {
        AsciiField.put(b, 0, CAP, "keep");
        for (String bad : new String[] {"ab\u00e9", "\u0141", "a\tb", "a\u0000", "x\u007f", "\uD83D\uDE00"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AsciiField.put(b, 0, CAP, bad), bad);
            assertTrue(e.getMessage().contains("non-printable-ASCII"), e.getMessage());
            assertEquals("keep", AsciiField.get(b, 0), "a rejected value must not half-overwrite the field: " + bad);
        }
        AsciiField.put(b, 0, CAP, " ~!");
        assertEquals(" ~!", AsciiField.get(b, 0));
    }

    @Test
    void equalsAsciiDoesNotMatchNonAsciiCharactersByTheirLowByte() {
        AsciiField.put(b, 0, CAP, "A");
        assertFalse(AsciiField.equalsAscii(b, 0, "\u0141"), "U+0141's low byte is 'A'");
        assertFalse(AsciiField.equalsAscii(b, 0, "\uFF41"));
        assertTrue(AsciiField.equalsAscii(b, 0, "A"));
    }

    @Test
    void rawBytesCopyChecksLengthOnly() {
        UnsafeBuffer src = new UnsafeBuffer("xxTICKER-1yy".getBytes(StandardCharsets.US_ASCII));
        AsciiField.put(b, 0, 16, src, 2, 8);
        assertEquals("TICKER-1", AsciiField.get(b, 0));
        assertThrows(IllegalArgumentException.class, () -> AsciiField.put(b, 0, CAP, src, 0, 8));
        assertThrows(IllegalArgumentException.class, () -> AsciiField.put(b, 0, CAP, src, 0, -1));
        assertEquals("TICKER-1", AsciiField.get(b, 0));
    }

    @Test
    void comparesFieldsAcrossBuffers() {
        UnsafeBuffer other = new UnsafeBuffer(new byte[64]);
        AsciiField.put(b, 0, CAP, "ABC");
        AsciiField.put(other, 10, CAP, "ABC");
        assertTrue(AsciiField.equalsField(b, 0, other, 10));
        AsciiField.put(other, 10, CAP, "ABD");
        assertFalse(AsciiField.equalsField(b, 0, other, 10));
        AsciiField.put(other, 10, CAP, "AB");
        assertFalse(AsciiField.equalsField(b, 0, other, 10));
    }

    @Test
    void widestFieldKeepsItsLengthInOneByte() {
        UnsafeBuffer wide = new UnsafeBuffer(new byte[300]);
        String max = "z".repeat(255);
        AsciiField.put(wide, 0, 256, max);
        assertEquals(255, AsciiField.length(wide, 0));
        assertEquals(max, AsciiField.get(wide, 0));
    }
}

package io.kengine.feed.decode;

import java.nio.charset.StandardCharsets;

/**
 * Field name bytes → small int id, for one object context. Open addressing over the key hash
 * {@link JsonScanner} computes from a key's length and first and last 8 bytes; each slot keeps its
 * name's length and those two 8-byte words, so a lookup is one probe and two long compares in the
 * common case (a byte compare only for names over 16 bytes) and never builds a String.
 */
final class FieldTable {
    private final byte[][] names;
    private final int[] slots;
    private final int[] slotLength;
    private final long[] slotFirst;
    private final long[] slotLast;
    private final int mask;

    FieldTable(String... names) {
        this.names = new byte[names.length][];
        int size = Integer.highestOneBit(Math.max(4, names.length * 4) - 1) << 1;
        this.slots = new int[size];
        this.slotLength = new int[size];
        this.slotFirst = new long[size];
        this.slotLast = new long[size];
        this.mask = size - 1;
        java.util.Arrays.fill(slots, -1);
        for (int id = 0; id < names.length; id++) {
            byte[] n = names[id].getBytes(StandardCharsets.US_ASCII);
            this.names[id] = n;
            int i = mix(hash(n, 0, n.length)) & mask;
            while (slots[i] != -1) {
                if (java.util.Arrays.equals(this.names[slots[i]], n)) {
                    throw new IllegalArgumentException("duplicate field name " + names[id]);
                }
                i = (i + 1) & mask;
            }
            slots[i] = id;
            slotLength[i] = n.length;
            slotFirst[i] = JsonScanner.first8(n, 0, n.length, n.length);
            slotLast[i] = JsonScanner.last8(n, 0, n.length);
        }
    }

    int size() {
        return names.length;
    }

    String name(int id) {
        return new String(names[id], StandardCharsets.US_ASCII);
    }

    /** The hash {@link JsonScanner} computes for a key's raw bytes ({@link JsonScanner#keyHash}). */
    static int hash(byte[] b, int offset, int length) {
        return JsonScanner.keyHash(JsonScanner.first8(b, offset, length, b.length),
                JsonScanner.last8(b, offset, length), length);
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** {@link #lookup(byte[], int, int, int, long, long)} computing the key's words itself. */
    int lookup(byte[] b, int offset, int length) {
        long first = JsonScanner.first8(b, offset, length, b.length);
        long last = JsonScanner.last8(b, offset, length);
        return lookup(b, offset, length, JsonScanner.keyHash(first, last, length), first, last);
    }

    /**
     * The id of the name at {@code b[offset, offset + length)}, or -1; {@code h}, {@code first8} and
     * {@code last8} are {@link JsonScanner#keyHash}, {@link JsonScanner#first8} and {@link JsonScanner#last8}
     * of those bytes. Names of at most 16 bytes are wholly covered by the two words.
     */
    int lookup(byte[] b, int offset, int length, int h, long first8, long last8) {
        int i = mix(h) & mask;
        int id;
        while ((id = slots[i]) != -1) {
            if (slotLength[i] == length && slotFirst[i] == first8 && slotLast[i] == last8
                    && (length <= 16 || equal(names[id], b, offset))) {
                return id;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private static boolean equal(byte[] name, byte[] b, int offset) {
        for (int k = 8; k < name.length - 8; k++) {
            if (name[k] != b[offset + k]) {
                return false;
            }
        }
        return true;
    }
}

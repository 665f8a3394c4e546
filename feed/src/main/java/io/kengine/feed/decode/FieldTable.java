package io.kengine.feed.decode;

import java.nio.charset.StandardCharsets;

/**
 * Field name bytes → small int id, for one object context. Open addressing over the same hash the
 * scanner computes while it reads the key, so a lookup is one probe and one byte compare in the
 * common case and never builds a String.
 */
final class FieldTable {
    private final byte[][] names;
    private final int[] slots;
    private final int mask;

    FieldTable(String... names) {
        this.names = new byte[names.length][];
        int size = Integer.highestOneBit(Math.max(4, names.length * 4) - 1) << 1;
        this.slots = new int[size];
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
        }
    }

    int size() {
        return names.length;
    }

    String name(int id) {
        return new String(names[id], StandardCharsets.US_ASCII);
    }

    /** The hash {@link JsonScanner} accumulates over a string's raw bytes. */
    static int hash(byte[] b, int offset, int length) {
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + (b[offset + i] & 0xFF);
        }
        return h;
    }

    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    /** The id of the name at {@code b[offset, offset + length)} whose {@link #hash} is {@code h}, or -1. */
    int lookup(byte[] b, int offset, int length, int h) {
        int i = mix(h) & mask;
        int id;
        while ((id = slots[i]) != -1) {
            byte[] n = names[id];
            if (n.length == length && equal(n, b, offset)) {
                return id;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    private static boolean equal(byte[] name, byte[] b, int offset) {
        for (int k = 0; k < name.length; k++) {
            if (name[k] != b[offset + k]) {
                return false;
            }
        }
        return true;
    }
}

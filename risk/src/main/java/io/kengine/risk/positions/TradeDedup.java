package io.kengine.risk.positions;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * Remembers the trade ids of applied fills so a fill delivered twice (WebSocket and REST, a
 * reconnect replaying the channel) changes the position once. Ids are compared exactly, straight from
 * the event's {@code AsciiField} (length byte + up to 39 ASCII bytes) read as five little-endian longs
 * (bytes past the length masked off), never as Strings.
 *
 * <p>Two open-addressing generations of {@code capacity} ids each: when the current one is half full
 * it becomes the previous one and the oldest generation is forgotten, so memory is fixed and at least
 * {@code capacity / 2} most recent ids are always remembered. No allocation after construction.
 */
public final class TradeDedup {
    public static final int ID_BYTES = 40;
    private static final int WORDS = ID_BYTES / 8;

    private final int capacity;
    private final int mask;
    private final long[] key = new long[WORDS];
    private Generation current;
    private Generation previous;
    private long duplicates;
    private long withoutId;

    public TradeDedup(int capacityPowerOfTwo) {
        if (Integer.bitCount(capacityPowerOfTwo) != 1 || capacityPowerOfTwo < 4) {
            throw new IllegalArgumentException("capacity must be a power of two ≥ 4: " + capacityPowerOfTwo);
        }
        this.capacity = capacityPowerOfTwo;
        this.mask = capacityPowerOfTwo - 1;
        this.current = new Generation(capacityPowerOfTwo);
        this.previous = new Generation(capacityPowerOfTwo);
    }

    /**
     * @param at offset of the id field (length byte) in {@code b}; 40 bytes from there must be readable
     * @return true the first time this id is seen (apply the fill), false for a duplicate; an empty id
     *     cannot be deduplicated and always returns true (counted in {@link #withoutId()})
     */
    public boolean firstTime(DirectBuffer b, int at) {
        int len = b.getByte(at) & 0xFF;
        if (len == 0) {
            withoutId++;
            return true;
        }
        int n = Math.min(len, ID_BYTES - 1) + 1;
        long h = 0x9E3779B97F4A7C15L;
        for (int k = 0; k < WORDS; k++) {
            int rem = n - 8 * k;
            long v = rem <= 0 ? 0 : b.getLong(at + 8 * k, ByteOrder.LITTLE_ENDIAN);
            if (rem < 8) {
                v = rem <= 0 ? 0 : v & ((1L << (rem * 8)) - 1);
            }
            key[k] = v;
            h = (h ^ v) * 0xBF58476D1CE4E5B9L;
        }
        h ^= h >>> 33;                   // murmur3 fmix64: every input bit reaches the low (index) bits
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        h ^= h >>> 33;
        if (h == 0) {
            h = 1; // 0 marks an empty slot
        }
        if (current.contains(key, h, mask) || previous.contains(key, h, mask)) {
            duplicates++;
            return false;
        }
        if (current.size >= capacity / 2) {
            Generation g = previous;
            previous = current;
            current = g;
            current.clear();
        }
        current.add(key, h, mask);
        return true;
    }

    public long duplicates() { return duplicates; }
    public long withoutId() { return withoutId; }

    private static final class Generation {
        final long[] hashes;
        final long[] ids;
        int size;

        Generation(int capacity) {
            hashes = new long[capacity];
            ids = new long[capacity * WORDS];
        }

        boolean contains(long[] key, long h, int mask) {
            int i = (int) h & mask;
            while (hashes[i] != 0) {
                if (hashes[i] == h && same(i, key)) {
                    return true;
                }
                i = (i + 1) & mask;
            }
            return false;
        }

        void add(long[] key, long h, int mask) {
            int i = (int) h & mask;
            while (hashes[i] != 0) {
                i = (i + 1) & mask;
            }
            hashes[i] = h;
            System.arraycopy(key, 0, ids, i * WORDS, WORDS);
            size++;
        }

        private boolean same(int i, long[] key) {
            int o = i * WORDS;
            for (int k = 0; k < WORDS; k++) {
                if (ids[o + k] != key[k]) {
                    return false;
                }
            }
            return true;
        }

        void clear() {
            java.util.Arrays.fill(hashes, 0);
            size = 0;
        }
    }
}

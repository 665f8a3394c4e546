package io.kengine.protocol.stage;

import org.agrona.DirectBuffer;
import org.agrona.UnsafeApi;

import java.nio.ByteOrder;

/**
 * Remembers the trade ids of applied fills so a fill delivered twice (WebSocket and REST, a
 * reconnect replaying the channel) changes the position once. Ids are compared exactly, straight from
 * the event's {@code AsciiField} (length byte + up to 39 ASCII bytes) read as five little-endian longs
 * (bytes past the length masked off), never as Strings.
 *
 * <p>Exactly the {@code capacity} most recent distinct ids are remembered: a FIFO ring of {@code capacity}
 * slots of six longs (the id's five words, then where its lane is: lane | home bucket &lt;&lt; 32, so a fill
 * writes one sequential 48-byte record and forgetting reads the record it is about to overwrite), indexed by
 * a table of {@code capacity / 2} buckets of 8 16-bit fingerprints (load ≤ 25%), two longs per bucket: 32 KiB
 * for 4096 ids, so it stays in L1/L2. A fingerprint is 15 bits of the id's hash with the top bit set, so an
 * empty lane is a clear top bit. A look-up compares all 8 lanes of the id's bucket at once (SWAR, no probe
 * loop whose exit would be mispredicted) and reads the ring slot and the stored id bytes only on a
 * fingerprint match; forgetting the oldest id is one store.
 * A full bucket (rare at this load) spills into the next bucket with a free lane; its home bucket counts
 * the spilled ids and how far they went, and a total count of spilled ids lets a look-up skip even that
 * per-bucket read while none are remembered (the usual case). No allocation after construction.
 */
public final class TradeDedup {
    public static final int ID_BYTES = 40;
    /** Largest ring: a ring slot must fit a short. */
    public static final int MAX_CAPACITY = 1 << 15;
    private static final int WORDS = ID_BYTES / 8;
    private static final int STRIDE = WORDS + 1;  // a ring slot: the id's words and where its lane is, one stream
    private static final int WAYS = 8;            // lanes per bucket: two longs of four 16-bit lanes
    private static final long LOW15 = 0x7FFF7FFF7FFF7FFFL;
    private static final long HIGH = 0x8000800080008000L;
    private static final long LANES = 0x0001000100010001L;
    private static final boolean BIG_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;
    private static final long M0 = 0x9E3779B97F4A7C15L;
    private static final long M1 = 0xBF58476D1CE4E5B9L;
    private static final long M2 = 0x94D049BB133111EBL;
    private static final long M3 = 0xD6E8FEB86659FD93L;
    private static final long M4 = 0xA0761D6478BD642FL;
    private static final long MIX = 0xFF51AFD7ED558CCDL;

    private final int capacity;
    private final int ringMask;
    private final int bucketMask;
    private final int shift;          // home bucket = hash >>> shift (the hash's top bits)
    private final long[] lanes;       // 2 longs per bucket; lane i of bucket b: word 2b + i / 4, bits 16 (i % 4)
    private final short[] laneSlot;   // ring slot of lane b * 8 + i
    private final int[] spilled;      // per home bucket: its ids stored in later buckets
    private final int[] spillReach;   // per home bucket: how many buckets further they may lie
    private final long[] ring;        // STRIDE per ring slot: the id's five words, then its lane | home bucket << 32
    private int spilledNow;           // remembered ids that live outside their home bucket (usually 0)
    private int head;                 // next ring slot to write (the oldest once the ring is full)
    private int size;
    private long duplicates;
    private long withoutId;
    private long spills;

    /** @param capacityPowerOfTwo how many of the most recent ids are remembered: a power of two in [4, 32768] */
    public TradeDedup(int capacityPowerOfTwo) {
        if (Integer.bitCount(capacityPowerOfTwo) != 1 || capacityPowerOfTwo < 4 || capacityPowerOfTwo > MAX_CAPACITY) {
            throw new IllegalArgumentException("capacity must be a power of two in [4, " + MAX_CAPACITY + "]: "
                + capacityPowerOfTwo);
        }
        this.capacity = capacityPowerOfTwo;
        this.ringMask = capacityPowerOfTwo - 1;
        int buckets = capacityPowerOfTwo / 2;
        this.bucketMask = buckets - 1;
        this.shift = 64 - Integer.numberOfTrailingZeros(buckets);
        this.lanes = new long[buckets * 2];
        this.laneSlot = new short[buckets * WAYS];
        this.spilled = new int[buckets];
        this.spillReach = new int[buckets];
        this.ring = new long[capacityPowerOfTwo * STRIDE];
    }

    /**
     * @param at offset of the id field (length byte) in {@code b}; 40 bytes from there must be readable
     * @return true the first time this id is seen (apply the fill), false for a duplicate; an empty id
     *     cannot be deduplicated and always returns true (counted in {@link #withoutId()})
     */
    public boolean firstTime(DirectBuffer b, int at) {
        if (at < 0 || at > b.capacity() - ID_BYTES) {
            throw new IndexOutOfBoundsException("trade id at " + at + " of " + b.capacity());
        }
        byte[] array = b.byteArray();
        long address = b.addressOffset() + at; // bounds checked once above: five unchecked reads
        long w0 = word(array, address);
        int len = (int) w0 & 0xFF;
        if (len == 0) {
            withoutId++;
            return true;
        }
        int n = Math.min(len, ID_BYTES - 1) + 1; // bytes that count: the length byte and the characters
        w0 &= mask(n);
        long w1 = n > 8 ? word(array, address + 8) & mask(n - 8) : 0;
        long w2 = n > 16 ? word(array, address + 16) & mask(n - 16) : 0;
        long w3 = n > 24 ? word(array, address + 24) & mask(n - 24) : 0;
        long w4 = n > 32 ? word(array, address + 32) & mask(n - 32) : 0;
        // independent products (they overlap in the pipeline), then a murmur-style finish so every
        // input bit reaches the bits the home bucket and the fingerprint come from
        long h = w0 * M0 + w1 * M1 + w2 * M2 + w3 * M3 + w4 * M4;
        h ^= h >>> 32;
        h *= MIX;
        h ^= h >>> 29;
        int home = (int) (h >>> shift);
        long fp = (h >>> 17) & 0x7FFF | 0x8000;
        long all = fp * LANES;
        long[] l = lanes;
        int w = home << 1;
        long m0 = zeroLanes(l[w] ^ all);
        long m1 = zeroLanes(l[w + 1] ^ all);
        if (((m0 | m1) != 0 && matches(home, m0, m1, w0, w1, w2, w3, w4))
            || (spilledNow != 0 && spilled[home] != 0 && spilledMatch(home, all, w0, w1, w2, w3, w4))) {
            duplicates++;
            return false;
        }
        int slot = head;
        if (size == capacity) {
            forget(slot);
        } else {
            size++;
        }
        int lane;
        long f0 = ~l[w] & HIGH;
        if (f0 != 0) {
            lane = home * WAYS + (Long.numberOfTrailingZeros(f0) >>> 4);
        } else {
            long f1 = ~l[w + 1] & HIGH;
            lane = f1 != 0 ? home * WAYS + 4 + (Long.numberOfTrailingZeros(f1) >>> 4) : spill(home);
        }
        l[lane >>> 2] |= fp << ((lane & 3) << 4);
        laneSlot[lane] = (short) slot;
        int o = slot * STRIDE;
        long[] r = ring;
        r[o] = w0;
        r[o + 1] = w1;
        r[o + 2] = w2;
        r[o + 3] = w3;
        r[o + 4] = w4;
        r[o + 5] = (long) lane | (long) home << 32;
        head = (slot + 1) & ringMask;
        return true;
    }

    /** The top bit of every 16-bit lane of {@code x} that is zero (exact: no borrow between lanes). */
    private static long zeroLanes(long x) {
        return ~(((x & LOW15) + LOW15) | x | LOW15);
    }

    /** Whether one of the lanes flagged in m0 (lanes 0–3) or m1 (lanes 4–7) of the bucket holds this id. */
    private boolean matches(int bucket, long m0, long m1, long w0, long w1, long w2, long w3, long w4) {
        for (; m0 != 0; m0 &= m0 - 1) {
            if (same(laneSlot[bucket * WAYS + (Long.numberOfTrailingZeros(m0) >>> 4)], w0, w1, w2, w3, w4)) {
                return true;
            }
        }
        for (; m1 != 0; m1 &= m1 - 1) {
            if (same(laneSlot[bucket * WAYS + 4 + (Long.numberOfTrailingZeros(m1) >>> 4)], w0, w1, w2, w3, w4)) {
                return true;
            }
        }
        return false;
    }

    /** Drops the id in ring slot {@code slot}: one store (plus the spill counts if it had spilled). */
    private void forget(int slot) {
        long where = ring[slot * STRIDE + WORDS];
        int lane = (int) where;
        lanes[lane >>> 2] &= ~(0xFFFFL << ((lane & 3) << 4));
        int home = (int) (where >>> 32);
        if (lane / WAYS != home) {
            spilledNow--;
            if (--spilled[home] == 0) {
                spillReach[home] = 0;
            }
        }
    }

    /** The home bucket is full: the first later bucket with a free lane takes the id (rare). */
    private int spill(int home) {
        for (int d = 1; ; d++) {
            int b = (home + d) & bucketMask;
            for (int i = 0; i < WAYS; i++) {
                int lane = b * WAYS + i;
                if ((lanes[lane >>> 2] & (0x8000L << ((lane & 3) << 4))) == 0) {
                    spilled[home]++;
                    spilledNow++;
                    spills++;
                    if (d > spillReach[home]) {
                        spillReach[home] = d;
                    }
                    return lane;
                }
            }
        }
    }

    /** Whether an id with home bucket {@code home} that spilled into a later bucket matches. */
    private boolean spilledMatch(int home, long all, long w0, long w1, long w2, long w3, long w4) {
        for (int d = 1; d <= spillReach[home]; d++) {
            int b = (home + d) & bucketMask;
            if (matches(b, zeroLanes(lanes[b << 1] ^ all), zeroLanes(lanes[(b << 1) + 1] ^ all), w0, w1, w2, w3, w4)) {
                return true;
            }
        }
        return false;
    }

    private static long word(byte[] array, long address) {
        long v = UnsafeApi.getLong(array, address);
        return BIG_ENDIAN ? Long.reverseBytes(v) : v;
    }

    /** The low {@code bytes} bytes of a word (all of them from 8 on). */
    private static long mask(int bytes) {
        return bytes >= 8 ? -1L : (1L << (bytes << 3)) - 1;
    }

    private boolean same(int slot, long w0, long w1, long w2, long w3, long w4) {
        int o = slot * STRIDE;
        long[] id = ring;
        return id[o] == w0 && id[o + 1] == w1 && id[o + 2] == w2 && id[o + 3] == w3 && id[o + 4] == w4;
    }

    /** How many ids are remembered (at most the capacity). */
    public int size() { return size; }
    public int capacity() { return capacity; }
    public long duplicates() { return duplicates; }
    public long withoutId() { return withoutId; }
    /** Ids that found their home bucket full and went to a later one (diagnostics). */
    public long spills() { return spills; }
}

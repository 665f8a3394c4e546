package io.kengine.sim.exchange;

import java.util.UUID;

/**
 * Deterministic UUID-shaped ids (version-4 layout) so that one seed and one call sequence give the same ids
 * every run. The high half is fixed per (seed, kind); the low half is a bijective scramble of a counter, so
 * ids never repeat within a generator and different kinds or seeds never collide in practice.
 */
public final class IdGenerator {
    private static final long MASK62 = (1L << 62) - 1;

    private final long high;
    private long counter;

    public IdGenerator(long seed, String kind) {
        long h = mix64(seed ^ mix64(kind.hashCode() + 0x9E3779B97F4A7C15L));
        this.high = (h & 0xFFFF_FFFF_FFFF_0FFFL) | 0x0000_0000_0000_4000L; // version nibble 4
    }

    public String next() {
        long low = 0x8000_0000_0000_0000L | permute62(counter++); // variant bits 10
        return new UUID(high, low).toString();
    }

    /** How many ids were issued. */
    public long issued() {
        return counter;
    }

    /** A bijection on 62-bit values: odd multiplications and right xor-shifts are invertible mod 2^62. */
    private static long permute62(long x) {
        x = (x * 0xBF58476D1CE4E5B9L) & MASK62;
        x ^= x >>> 31;
        x = (x * 0x94D049BB133111EBL) & MASK62;
        x ^= x >>> 29;
        return x;
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}

package io.kengine.sim.exchange;

/** Which prices have a non-empty level: one bit per $0.0001 (10 001 bits, 157 words), scanned a word at a time. */
final class PriceBitmap {
    static final long NONE = -1L;

    private final long[] words;
    private final int size;

    PriceBitmap(int size) {
        this.size = size;
        this.words = new long[(size + 63) >>> 6];
    }

    void set(long price) {
        words[(int) (price >>> 6)] |= 1L << price;
    }

    void clear(long price) {
        words[(int) (price >>> 6)] &= ~(1L << price);
    }

    boolean get(long price) {
        return (words[(int) (price >>> 6)] & (1L << price)) != 0;
    }

    /** Smallest set price ≥ from, or {@link #NONE}. */
    long nextSetBit(long from) {
        if (from < 0) {
            from = 0;
        }
        if (from >= size) {
            return NONE;
        }
        int w = (int) (from >>> 6);
        long word = words[w] & (-1L << from);
        while (true) {
            if (word != 0) {
                return ((long) w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w == words.length) {
                return NONE;
            }
            word = words[w];
        }
    }

    /** Largest set price ≤ from, or {@link #NONE}. */
    long previousSetBit(long from) {
        if (from < 0) {
            return NONE;
        }
        if (from >= size) {
            from = size - 1;
        }
        int w = (int) (from >>> 6);
        long word = words[w] & (-1L >>> (63 - (from & 63)));
        while (true) {
            if (word != 0) {
                return ((long) w << 6) + 63 - Long.numberOfLeadingZeros(word);
            }
            if (w-- == 0) {
                return NONE;
            }
            word = words[w];
        }
    }
}

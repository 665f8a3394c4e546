package io.kengine.book;

import java.util.Arrays;

/**
 * One side of a book: resting quantity per grid index, with the best index, the number of
 * non-empty levels and the total quantity kept up to date on every change. Bids are best at
 * the highest index, asks at the lowest. Setting a level is O(1); only emptying the best level
 * scans, and only as far as the next non-empty level.
 */
final class Ladder {
    static final int NONE = -1;

    private final boolean highIsBest;
    private long[] quantity;
    private int best = NONE;
    private int levels;
    private long total;

    Ladder(boolean highIsBest, int size) {
        this.highIsBest = highIsBest;
        this.quantity = new long[size];
    }

    /** Empties the ladder and sizes it for a grid of {@code size} points (allocates only when the size changes). */
    void resize(int size) {
        if (quantity.length != size) {
            quantity = new long[size];
            best = NONE;
            levels = 0;
            total = 0;
        } else {
            clear();
        }
    }

    void clear() {
        if (levels > 0) {
            Arrays.fill(quantity, 0L);
        }
        best = NONE;
        levels = 0;
        total = 0;
    }

    long quantity(int index) {
        return quantity[index];
    }

    /** Sets an absolute quantity; the caller has checked index and {@code q >= 0}. */
    void set(int index, long q) {
        long old = quantity[index];
        quantity[index] = q;
        total += q - old;
        if (old == 0 && q != 0) {
            levels++;
            if (best == NONE || isBetter(index, best)) {
                best = index;
            }
        } else if (old != 0 && q == 0) {
            levels--;
            if (index == best) {
                best = levels == 0 ? NONE : next(index);
            }
        }
    }

    /** Best (top) non-empty index, or {@link #NONE}. */
    int best() {
        return best;
    }

    long bestQuantity() {
        return best == NONE ? 0 : quantity[best];
    }

    /** Next non-empty index below {@code index} in priority (further from the top), or {@link #NONE}. */
    int next(int index) {
        if (highIsBest) {
            for (int i = index - 1; i >= 0; i--) {
                if (quantity[i] != 0) {
                    return i;
                }
            }
        } else {
            for (int i = index + 1; i < quantity.length; i++) {
                if (quantity[i] != 0) {
                    return i;
                }
            }
        }
        return NONE;
    }

    int levels() {
        return levels;
    }

    long total() {
        return total;
    }

    private boolean isBetter(int a, int b) {
        return highIsBest ? a > b : a < b;
    }
}

package io.kengine.book;

import java.util.Arrays;

/**
 * One side of a book: resting quantity per grid index, with the best index, the number of
 * non-empty levels and the total quantity kept up to date on every change. Bids are best at
 * the highest index, asks at the lowest. Setting a level is O(1); only emptying the best level
 * scans, and only as far as the next non-empty level.
 *
 * <p>It also keeps the quantity resting in its best {@code depth} levels ({@link #depthTotal()}),
 * incrementally: {@code depthEdge} is the worst level inside that window. A change inside the window
 * adjusts the sum; a level entering or leaving it moves the edge by one level (a scan bounded like
 * the best-level scan).
 */
final class Ladder {
    static final int NONE = -1;

    private final boolean highIsBest;
    private final int depth;
    private long[] quantity;
    private int best = NONE;
    private int levels;
    private long total;
    private int depthEdge = NONE;   // worst level inside the top `depth` levels
    private int depthLevels;        // levels inside the window: min(levels, depth)
    private long depthTotal;

    Ladder(boolean highIsBest, int size, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1: " + depth);
        }
        this.highIsBest = highIsBest;
        this.depth = depth;
        this.quantity = new long[size];
    }

    /** Empties the ladder and sizes it for a grid of {@code size} points (allocates only when the size changes). */
    void resize(int size) {
        if (quantity.length != size) {
            quantity = new long[size];
            best = NONE;
            levels = 0;
            total = 0;
            clearDepth();
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
        clearDepth();
    }

    private void clearDepth() {
        depthEdge = NONE;
        depthLevels = 0;
        depthTotal = 0;
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
        updateDepth(index, old, q);
    }

    /** Keeps the top-`depth` window after {@code quantity[index]} went from {@code old} to {@code q}. */
    private void updateDepth(int index, long old, long q) {
        if (old != 0 && q != 0) {
            if (inWindow(index)) {
                depthTotal += q - old;
            }
        } else if (old == 0 && q != 0) {
            if (depthLevels < depth) {
                // every level is in the window; the new one is its worst if it is worse than the edge
                depthLevels++;
                depthTotal += q;
                if (depthEdge == NONE || isBetter(depthEdge, index)) {
                    depthEdge = index;
                }
            } else if (isBetter(index, depthEdge)) {
                // the new level pushes the edge level out; the next better level becomes the edge
                depthTotal += q - quantity[depthEdge];
                depthEdge = previous(depthEdge);
            }
        } else if (old != 0 && q == 0 && inWindow(index)) {
            depthTotal -= old;
            depthLevels--;
            if (levels > depthLevels) {
                // a level from outside moves in: the next one worse than the edge (or than the removed edge)
                depthEdge = next(depthEdge);
                depthTotal += quantity[depthEdge];
                depthLevels++;
            } else if (index == depthEdge) {
                depthEdge = depthLevels == 0 ? NONE : previous(index);
            }
        }
    }

    private boolean inWindow(int index) {
        return depthEdge != NONE && (index == depthEdge || isBetter(index, depthEdge));
    }

    /** Next non-empty index above {@code index} in priority (closer to the top); the caller knows one exists. */
    private int previous(int index) {
        if (highIsBest) {
            for (int i = index + 1; i < quantity.length; i++) {
                if (quantity[i] != 0) {
                    return i;
                }
            }
        } else {
            for (int i = index - 1; i >= 0; i--) {
                if (quantity[i] != 0) {
                    return i;
                }
            }
        }
        return NONE;
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

    /** Quantity resting in the best {@code depth} levels (all levels when there are fewer). */
    long depthTotal() {
        return depthTotal;
    }

    int depthLevels() {
        return depthLevels;
    }

    private boolean isBetter(int a, int b) {
        return highIsBest ? a > b : a < b;
    }
}

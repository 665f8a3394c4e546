package io.kengine.protocol.units;

import io.kengine.protocol.event.MarketDefinitionEvent;

/**
 * A market's price grid, from Kalshi's {@code price_ranges}: contiguous ranges [start, end], each with
 * its own step, all in $0.0001. The grid points are start + k * step within each range; a shared
 * boundary is a point of both neighbours (each step divides its range, so it lies on both grids).
 *
 * <p>Examples: linear cent {@code [0, 1] step 0.01}; tapered deci-cent {@code [0, 0.1] step 0.001,
 * [0.1, 0.9] step 0.01, [0.9, 1] step 0.001}; sub-penny grids down to step 0.0001.
 *
 * <p>Queries work for any long (on or off the grid) and allocate nothing. Where no grid point answers
 * (e.g. {@code floor} below {@link #minPrice()}), they return {@link #NO_PRICE}. Instances are
 * immutable, so a grid built from one definition can be shared; building one allocates (a market
 * definition is not steady-state traffic), and {@link #matches(MarketDefinitionEvent)} tells whether
 * a repeated definition changes the grid at all without building a new one.
 */
public final class TickGrid {
    /** No grid point answers the query (same value as {@code TopOfBookNote.NO_PRICE}). */
    public static final long NO_PRICE = -1L;

    private final long[] starts;
    private final long[] ends;
    private final long[] steps;

    /**
     * @throws IllegalArgumentException when the ranges are empty, of unequal count, not within
     *         [0, {@link FixedPoint#PRICE_ONE}], not increasing and contiguous, or a step does not divide its range
     */
    public TickGrid(long[] starts, long[] ends, long[] steps) {
        if (starts == null || ends == null || steps == null) {
            throw new IllegalArgumentException("price ranges must not be null");
        }
        if (starts.length == 0 || starts.length != ends.length || starts.length != steps.length) {
            throw new IllegalArgumentException("need one or more price ranges with equal numbers of starts, ends and steps, got "
                + starts.length + ", " + ends.length + ", " + steps.length);
        }
        for (int i = 0; i < starts.length; i++) {
            validateRange(i, starts[i], ends[i], steps[i]);
            if (i > 0 && starts[i] != ends[i - 1]) {
                throw new IllegalArgumentException("price range " + i + " starts at " + starts[i]
                    + " but range " + (i - 1) + " ends at " + ends[i - 1] + " (ranges must be contiguous and increasing)");
            }
        }
        this.starts = starts.clone();
        this.ends = ends.clone();
        this.steps = steps.clone();
    }

    /** The grid of a market definition. */
    public static TickGrid from(MarketDefinitionEvent def) {
        int n = def.priceRangeCount();
        if (n <= 0) {
            throw new IllegalArgumentException("market " + def.ticker() + " has no price ranges");
        }
        long[] s = new long[n];
        long[] e = new long[n];
        long[] st = new long[n];
        for (int i = 0; i < n; i++) {
            s[i] = def.rangeStart(i);
            e[i] = def.rangeEnd(i);
            st[i] = def.rangeStep(i);
        }
        try {
            return new TickGrid(s, e, st);
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("market " + def.ticker() + ": " + ex.getMessage(), ex);
        }
    }

    /** One step over [0, $1], e.g. {@code uniform(FixedPoint.CENT)} for a linear-cent market. */
    public static TickGrid uniform(long step) {
        return new TickGrid(new long[] {0}, new long[] {FixedPoint.PRICE_ONE}, new long[] {step});
    }

    private static void validateRange(int i, long start, long end, long step) {
        if (start < 0 || end > FixedPoint.PRICE_ONE || end <= start) {
            throw new IllegalArgumentException("price range " + i + " [" + start + ", " + end + "] is not an interval within [0, "
                + FixedPoint.PRICE_ONE + "]");
        }
        if (step <= 0 || (end - start) % step != 0) {
            throw new IllegalArgumentException("price range " + i + " [" + start + ", " + end + "] has step " + step
                + ", which does not divide it");
        }
    }

    /** True when the definition's ranges are exactly this grid's (no allocation). */
    public boolean matches(MarketDefinitionEvent def) {
        int n = def.priceRangeCount();
        if (n != starts.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (def.rangeStart(i) != starts[i] || def.rangeEnd(i) != ends[i] || def.rangeStep(i) != steps[i]) {
                return false;
            }
        }
        return true;
    }

    public long minPrice() {
        return starts[0];
    }

    public long maxPrice() {
        return ends[ends.length - 1];
    }

    public int rangeCount() {
        return starts.length;
    }

    public long rangeStart(int i) {
        return starts[i];
    }

    public long rangeEnd(int i) {
        return ends[i];
    }

    public long rangeStep(int i) {
        return steps[i];
    }

    /** The smallest step anywhere on the grid. */
    public long finestStep() {
        long m = steps[0];
        for (int i = 1; i < steps.length; i++) {
            m = Math.min(m, steps[i]);
        }
        return m;
    }

    public boolean isOnGrid(long price) {
        int i = rangeOf(price);
        return i >= 0 && (price - starts[i]) % steps[i] == 0;
    }

    /** Largest grid point ≤ price; {@link #maxPrice()} above the grid; {@link #NO_PRICE} below it. */
    public long floor(long price) {
        if (price >= maxPrice()) {
            return maxPrice();
        }
        int i = rangeOf(price);
        if (i < 0) {
            return NO_PRICE;
        }
        return price - (price - starts[i]) % steps[i];
    }

    /** Smallest grid point ≥ price; {@link #minPrice()} below the grid; {@link #NO_PRICE} above it. */
    public long ceil(long price) {
        if (price <= minPrice()) {
            return minPrice();
        }
        int i = rangeOf(price);
        if (i < 0) {
            return NO_PRICE;
        }
        long r = (price - starts[i]) % steps[i];
        return r == 0 ? price : price - r + steps[i];
    }

    /** Smallest grid point strictly above price, or {@link #NO_PRICE}. */
    public long nextUp(long price) {
        return price >= maxPrice() ? NO_PRICE : ceil(price + 1);
    }

    /** Largest grid point strictly below price, or {@link #NO_PRICE}. */
    public long nextDown(long price) {
        return price <= minPrice() ? NO_PRICE : floor(price - 1);
    }

    /**
     * Step of the range containing the price. A boundary shared by two ranges belongs to the range
     * that starts there (the step going up from it); {@link #maxPrice()} belongs to the last range.
     * {@link #NO_PRICE} outside [min, max].
     */
    public long tickAt(long price) {
        int i = rangeOf(price);
        return i < 0 ? NO_PRICE : steps[i];
    }

    /** Index of the range [start, end) holding price (the last range also holds its end), or -1. */
    private int rangeOf(long price) {
        if (price < starts[0]) {
            return -1;
        }
        int last = starts.length - 1;
        for (int i = 0; i < last; i++) {
            if (price < ends[i]) {
                return i;
            }
        }
        return price <= ends[last] ? last : -1;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof TickGrid)) {
            return false;
        }
        TickGrid g = (TickGrid) o;
        return java.util.Arrays.equals(starts, g.starts) && java.util.Arrays.equals(ends, g.ends)
            && java.util.Arrays.equals(steps, g.steps);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * java.util.Arrays.hashCode(starts) + java.util.Arrays.hashCode(ends)) + java.util.Arrays.hashCode(steps);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("TickGrid[");
        for (int i = 0; i < starts.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('[');
            FixedPoint.appendPrice(sb, starts[i]).append(", ");
            FixedPoint.appendPrice(sb, ends[i]).append("] step ");
            FixedPoint.appendPrice(sb, steps[i]);
        }
        return sb.append(']').toString();
    }
}

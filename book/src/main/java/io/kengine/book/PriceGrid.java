package io.kengine.book;

import io.kengine.protocol.units.FixedPoint;
import io.kengine.protocol.units.TickGrid;

import java.util.Arrays;

/**
 * A market's {@link TickGrid} turned into the tables the ladders need: every grid point gets a
 * dense index (0 = lowest price), so a ladder is an array as long as the grid, not 10,001 slots
 * (a cent market has 101 levels), and price → index is one array load. Immutable; markets with
 * identical ranges share one instance.
 */
final class PriceGrid {
    static final int MAX_PRICE = (int) FixedPoint.PRICE_ONE;

    private final TickGrid ticks;
    private final short[] indexByPrice;   // price -> grid index, -1 off the grid
    private final int[] priceByIndex;
    private final int[] tickByIndex;      // finest step of the ranges a point belongs to
    private final long finestTick;

    PriceGrid(TickGrid ticks) {
        this.ticks = ticks;
        this.indexByPrice = new short[MAX_PRICE + 1];
        Arrays.fill(indexByPrice, (short) -1);
        int[] prices = new int[MAX_PRICE + 1];
        int[] steps = new int[MAX_PRICE + 1];
        int n = 0;
        for (int r = 0; r < ticks.rangeCount(); r++) {
            int start = (int) ticks.rangeStart(r);
            int end = (int) ticks.rangeEnd(r);
            int step = (int) ticks.rangeStep(r);
            for (int p = start; p <= end; p += step) {
                int i = indexByPrice[p];
                if (i < 0) {
                    // ranges are contiguous and increasing, so new points arrive in price order
                    i = n++;
                    indexByPrice[p] = (short) i;
                    prices[i] = p;
                    steps[i] = step;
                } else {
                    steps[i] = Math.min(steps[i], step); // a boundary point shared by two ranges
                }
            }
        }
        this.priceByIndex = Arrays.copyOf(prices, n);
        this.tickByIndex = Arrays.copyOf(steps, n);
        this.finestTick = ticks.finestStep();
    }

    /** From (start, end, step) triples; throws IllegalArgumentException when they are not a grid. */
    static PriceGrid of(long... triples) {
        int n = triples.length / 3;
        long[] starts = new long[n];
        long[] ends = new long[n];
        long[] steps = new long[n];
        for (int i = 0; i < n; i++) {
            starts[i] = triples[3 * i];
            ends[i] = triples[3 * i + 1];
            steps[i] = triples[3 * i + 2];
        }
        return new PriceGrid(new TickGrid(starts, ends, steps));
    }

    TickGrid ticks() {
        return ticks;
    }

    int size() {
        return priceByIndex.length;
    }

    /** Grid index of a YES-leg price, or -1 when the price is not on the grid (or outside [0, 10000]). */
    int indexOf(long price) {
        return price < 0 || price > MAX_PRICE ? -1 : indexByPrice[(int) price];
    }

    long priceAt(int index) {
        return priceByIndex[index];
    }

    /** Finest step at a point: at a boundary between two ranges, the smaller of their steps. */
    long tickAt(int index) {
        return tickByIndex[index];
    }

    long finestTick() {
        return finestTick;
    }
}

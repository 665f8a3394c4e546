package io.kengine.sim.flow;

import io.kengine.protocol.units.FixedPoint;
import io.kengine.protocol.units.TickGrid;

/** One traded market as the participants see it: ticker, price grid and the hidden truth. */
final class MarketFlow {
    final String ticker;
    final TickGrid grid;
    final TrueProbabilityProcess truth;
    /** Lowest and highest prices an order may carry: grid points strictly inside (0, $1). */
    final long lowest;
    final long highest;

    MarketFlow(String ticker, TickGrid grid, TrueProbabilityProcess truth) {
        this.ticker = ticker;
        this.grid = grid;
        this.truth = truth;
        this.lowest = grid.ceil(1);
        this.highest = grid.floor(FixedPoint.PRICE_ONE - 1);
        if (lowest == TickGrid.NO_PRICE || highest == TickGrid.NO_PRICE || lowest > highest) {
            throw new IllegalArgumentException(ticker + ": grid " + grid + " has no price strictly inside (0, 1)");
        }
    }

    /** The true probability at {@code t}; the truth stops at the close, which decides settlement. */
    double trueProbability(long t, long closeTimeMs) {
        return truth.probabilityAt(Math.min(t, closeTimeMs));
    }

    /** Highest tradable grid price ≤ raw, or {@link TickGrid#NO_PRICE} if there is none. */
    long bidPrice(long raw) {
        if (raw < lowest) {
            return TickGrid.NO_PRICE;
        }
        return grid.floor(Math.min(raw, highest));
    }

    /** Lowest tradable grid price ≥ raw, or {@link TickGrid#NO_PRICE} if there is none. */
    long askPrice(long raw) {
        if (raw > highest) {
            return TickGrid.NO_PRICE;
        }
        return grid.ceil(Math.max(raw, lowest));
    }

    /** A model probability as a (not yet gridded) price; doubles stop here. */
    static long rawPrice(double probability) {
        return Math.round(probability * FixedPoint.PRICE_ONE);
    }
}

package io.kengine.sim.flow;

import io.kengine.sim.exchange.MarketResult;

/**
 * A market the flow trades, already listed on the exchange: where its true probability starts ({@link #DRAWN}: from
 * the seed) and how it settles (null: drawn from the final true probability).
 */
public record FlowMarket(String ticker, double startProbability, MarketResult outcome) {
    /** Draw the start probability from the seed. */
    public static final double DRAWN = Double.NaN;

    public FlowMarket {
        if (ticker == null || ticker.isEmpty()) {
            throw new IllegalArgumentException("ticker must not be empty");
        }
        if (!Double.isNaN(startProbability) && !(startProbability > 0 && startProbability < 1)) {
            throw new IllegalArgumentException(ticker + ": start probability must be in (0, 1), got " + startProbability);
        }
        if (outcome == MarketResult.SCALAR) {
            throw new IllegalArgumentException(ticker + ": a binary market settles YES or NO, not " + outcome);
        }
    }

    /** Start and outcome drawn from the seed. */
    public static FlowMarket of(String ticker) {
        return new FlowMarket(ticker, DRAWN, null);
    }

    public static FlowMarket of(String ticker, double startProbability) {
        return new FlowMarket(ticker, startProbability, null);
    }
}

package io.kengine.protocol.wire.rest;

/** One {@code event_positions} entry: money fields and {@code totalCostShares} in 0.01 contracts. */
public record PortfolioEventPosition(String eventTicker, long totalCost, long totalCostShares, long eventExposure,
                                     long realizedPnl, long feesPaid) {
}

package io.kengine.sim.exchange;

import io.kengine.protocol.units.TickGrid;

/**
 * An immutable copy of a market's definition, status and statistics (what {@code GET /markets/{ticker}} and
 * the {@code ticker} channel need). Prices in $0.0001 ({@link #NO_PRICE} when absent), sizes and volume in 0.01
 * contracts. {@code openInterest} is the sum of all long (= all short) positions.
 */
public record MarketState(String ticker, String eventTicker, String seriesTicker, TickGrid grid, FeeSchedule fees,
                          MarketStatus status, long openTimeMs, long closeTimeMs, MarketResult result,
                          long settlementValue, long determinedMs, long settledMs, long bestBid, long bestBidSize,
                          long bestAsk, long bestAskSize, long lastPrice, long lastTradeSize, long volume,
                          long openInterest) {
    public static final long NO_PRICE = -1L;
}

package io.kengine.sim.exchange;

import io.kengine.protocol.units.TickGrid;

import java.util.TreeMap;

/** The exchange's own mutable market: definition, lifecycle state, book, statistics and the positions in it. */
final class Market {
    final String ticker;
    final String eventTicker;
    final String seriesTicker;
    final TickGrid grid;
    final FeeSchedule fees;
    final long openTimeMs;
    final OrderBook book = new OrderBook();
    /** By account id, so settlement pays out in a fixed order. */
    final TreeMap<String, Position> positions = new TreeMap<>();

    long closeTimeMs;
    MarketStatus status = MarketStatus.INITIALIZED;
    MarketResult result;
    long settlementValue = MarketLifecycle.NO_VALUE;
    long determinedMs = -1;
    long settledMs = -1;
    long lastPrice = MarketState.NO_PRICE;
    long lastTradeSize;
    long volume;
    long openInterest;

    Market(MarketSpec spec) {
        this.ticker = spec.ticker();
        this.eventTicker = spec.eventTicker();
        this.seriesTicker = spec.seriesTicker();
        this.grid = spec.grid();
        this.fees = spec.fees();
        this.openTimeMs = spec.openTimeMs();
        this.closeTimeMs = spec.closeTimeMs();
    }

    MarketState snapshot() {
        long bb = book.bestBid();
        long ba = book.bestAsk();
        return new MarketState(ticker, eventTicker, seriesTicker, grid, fees, status, openTimeMs, closeTimeMs, result,
            settlementValue, determinedMs, settledMs, bb, bb == OrderBook.NONE ? 0 : book.levelSize(Side.BID, bb),
            ba, ba == OrderBook.NONE ? 0 : book.levelSize(Side.ASK, ba), lastPrice, lastTradeSize, volume, openInterest);
    }

    MarketLifecycle lifecycle(LifecycleKind kind, long nowMs) {
        return new MarketLifecycle(ticker, kind, status, openTimeMs, closeTimeMs, result, settlementValue, nowMs);
    }
}

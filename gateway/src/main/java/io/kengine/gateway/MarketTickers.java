package io.kengine.gateway;

import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * Engine market id ↔ Kalshi ticker, as the feed's market registry assigns them (the REST API speaks
 * tickers, events speak ids). Read-only after start; called from the sender and reconciler threads.
 */
public interface MarketTickers {
    /** The ticker of a market id, or null when unknown. */
    String ticker(int marketId);

    /** The id of a ticker, or a negative number when unknown. */
    int marketId(String ticker);

    static MarketTickers of(IntFunction<String> ticker, ToIntFunction<String> id) {
        return new MarketTickers() {
            @Override
            public String ticker(int marketId) {
                return ticker.apply(marketId);
            }

            @Override
            public int marketId(String t) {
                return id.applyAsInt(t);
            }
        };
    }

    /** Tickers listed in id order: id i is {@code tickers[i]}. */
    static MarketTickers of(java.util.List<String> tickers) {
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        for (int i = 0; i < tickers.size(); i++) {
            ids.put(tickers.get(i), i);
        }
        java.util.List<String> copy = java.util.List.copyOf(tickers);
        return of(i -> i >= 0 && i < copy.size() ? copy.get(i) : null, t -> ids.getOrDefault(t, -1));
    }
}

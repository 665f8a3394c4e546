package io.kengine.sim.exchange;

import io.kengine.protocol.units.TickGrid;

import java.util.Objects;

/**
 * What it takes to list a market: tickers, the price grid (from Kalshi's {@code price_ranges}), open and close
 * times (Unix ms) and the series' fee model. Kalshi's event-level fee overrides would simply be a different
 * {@link FeeSchedule} here.
 */
public record MarketSpec(String ticker, String eventTicker, String seriesTicker, TickGrid grid, long openTimeMs,
                         long closeTimeMs, FeeSchedule fees) {
    public MarketSpec {
        requireText(ticker, "ticker");
        requireText(eventTicker, "eventTicker");
        requireText(seriesTicker, "seriesTicker");
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(fees, "fees");
        if (closeTimeMs <= openTimeMs) {
            throw new IllegalArgumentException("market " + ticker + " closes at " + closeTimeMs + ", not after it opens at " + openTimeMs);
        }
    }

    private static void requireText(String s, String what) {
        if (s == null || s.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }
}

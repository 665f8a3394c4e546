package io.kengine.engine.kalshi;

import io.kengine.feed.connection.MarketRegistry;
import io.kengine.gateway.MarketTickers;

import java.util.function.Supplier;

/**
 * The gateway's ticker ↔ id map read from the feed's registry. The gateway is built before the feed has
 * resolved its markets (events and series are listed over REST at the feed's start), so the registry is
 * looked up on each call; before the feed starts every ticker is unknown. No intent can name a market
 * before its definition is on the ring, which the feed publishes after filling the registry.
 */
public final class FeedMarketTickers implements MarketTickers {
    private final Supplier<MarketRegistry> registry;

    public FeedMarketTickers(Supplier<MarketRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public String ticker(int marketId) {
        MarketRegistry r = registry.get();
        return r == null || marketId < 0 || marketId >= r.size() ? null : r.ticker(marketId);
    }

    @Override
    public int marketId(String ticker) {
        MarketRegistry r = registry.get();
        return r == null ? -1 : r.id(ticker);
    }
}

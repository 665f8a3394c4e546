package io.kengine.feed.fairvalue;

import io.kengine.feed.connection.MarketRegistry;

/**
 * Market ticker → the engine's market id, for fair values that name markets by ticker. The engine
 * implements it (its market registry); lookups happen on the input threads, so an implementation must
 * be safe to call from them (the feed's {@link MarketRegistry} is, once filled at start).
 */
@FunctionalInterface
public interface FairValueMarkets {
    int UNKNOWN = -1;

    /** The market id of the ticker, or {@link #UNKNOWN}. */
    int marketId(String ticker);

    /** The feed's registry as the mapping. */
    static FairValueMarkets of(MarketRegistry registry) {
        return registry::id;
    }
}

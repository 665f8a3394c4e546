package io.kengine.pricing.engines;

import io.kengine.pricing.quote.MarketInputs;
import io.kengine.pricing.quote.QuoteDraft;
import io.kengine.protocol.event.ConfigChangeEvent;

/**
 * One pricing engine: a function of the market's inputs (book features, position) and its own
 * parameters. The stage asks for the market-implied fair value, chooses between it and an external
 * fair value, then lets the engine shape the quote (base edge, size, regime, lifetime, and for
 * inventory-aware models the centre's shift) before the shared {@code QuotePipeline} runs.
 */
public interface PricingEngine {
    /** The fair value the book implies ($0.0001), or {@link MarketInputs#NO_PRICE} when it implies none. */
    long impliedFair(MarketInputs in);

    /** Sets base edge, size, regime and lifetime around {@code d.fair}. */
    void shape(MarketInputs in, QuoteDraft d);

    /** Applies a ConfigChange for one of this engine's keys; false when the key is not its own. */
    boolean apply(ConfigChangeEvent c);
}

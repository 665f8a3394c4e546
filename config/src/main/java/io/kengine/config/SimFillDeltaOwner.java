package io.kengine.config;

/**
 * {@code feed.simulator.fillDeltaOwner}: whose {@code client_order_id} the embedded simulator puts on a trade's
 * {@code orderbook_delta}. Kalshi tags a delta "your order caused"; whether a trade's delta is the maker's or the
 * taker's is unconfirmed, so the engine can be run against each reading: {@code maker} (the simulator's
 * default), {@code taker}, or {@code none}.
 */
public enum SimFillDeltaOwner implements ConfigChoice {
    MAKER,
    TAKER,
    NONE
}

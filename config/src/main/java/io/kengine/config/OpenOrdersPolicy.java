package io.kengine.config;

/**
 * {@code engine.startup.openOrders}: orders found resting on the exchange at start are either
 * {@code adopt}ed (tracked as the engine's own) or {@code cancel}led before the first quote.
 */
public enum OpenOrdersPolicy implements ConfigChoice {
    ADOPT, CANCEL
}

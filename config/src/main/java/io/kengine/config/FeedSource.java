package io.kengine.config;

/** Where market data comes from; {@code scripted} is the deterministic generator, the only source so far. */
public enum FeedSource implements ConfigChoice {
    SCRIPTED
}

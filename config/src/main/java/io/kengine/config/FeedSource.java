package io.kengine.config;

/**
 * Where market data comes from: {@code simulator} starts the Kalshi-compatible simulator inside the
 * engine and reads it through the real WebSocket feed; {@code kalshi} reads Kalshi's own WebSocket and
 * REST API at the hosts of {@code engine.environment} (or at {@code feed.kalshi.restUrl}/{@code wsUrl},
 * e.g. a standalone simulator); {@code scripted} is the deterministic in-process generator (no sockets),
 * used by determinism tests and benchmarks.
 */
public enum FeedSource implements ConfigChoice {
    SIMULATOR,
    KALSHI,
    SCRIPTED
}

package io.kengine.engine;

/** The built-in scripted feed's knobs (until the Kalshi WebSocket feed lands). */
public record ScriptedFeedSettings(int markets, long seed, long eventsPerSecond, long timerIntervalMs, long maxEvents) {
}

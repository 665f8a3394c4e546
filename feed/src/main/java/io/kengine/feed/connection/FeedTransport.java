package io.kengine.feed.connection;

/** Which WebSocket client carries the feed ({@link FeedConfig.Builder#transport}). */
public enum FeedTransport {
    /**
     * The feed's own RFC 6455 client (default): text frames reach the decoder straight from the socket's read
     * buffer, so the live path allocates nothing per frame.
     */
    DIRECT,
    /** OkHttp's WebSocket: one {@code String} per text frame (re-encoded to UTF-8 for the decoder); the fallback. */
    OKHTTP
}

package io.kengine.config;

/**
 * {@code feed.kalshi.webSocket}: which WebSocket client carries Kalshi's market data. {@code direct} is the
 * feed's own RFC 6455 client (frames decoded straight from the socket's buffer, nothing allocated per frame);
 * {@code okhttp} is OkHttp's, kept as the fallback should a host ever disagree with the direct client.
 */
public enum WebSocketClient implements ConfigChoice {
    DIRECT,
    OKHTTP
}

package io.kengine.protocol.wire;

/**
 * Kalshi's hosts (kalshi-api.md §2). The {@code external-api*} hosts are the recommended ones
 * (documented May 2026); the older hosts are still supported. Keys are per environment.
 */
public enum KalshiEnvironment {
    PRODUCTION("https://external-api.kalshi.com", "https://api.elections.kalshi.com",
            "wss://external-api-ws.kalshi.com", "wss://api.elections.kalshi.com"),
    DEMO("https://external-api.demo.kalshi.co", "https://demo-api.kalshi.co",
            "wss://external-api-ws.demo.kalshi.co", "wss://demo-api.kalshi.co");

    private final String restOrigin;
    private final String restOriginAlternate;
    private final String wsOrigin;
    private final String wsOriginAlternate;

    KalshiEnvironment(String restOrigin, String restOriginAlternate, String wsOrigin, String wsOriginAlternate) {
        this.restOrigin = restOrigin;
        this.restOriginAlternate = restOriginAlternate;
        this.wsOrigin = wsOrigin;
        this.wsOriginAlternate = wsOriginAlternate;
    }

    /** e.g. {@code https://external-api.kalshi.com/trade-api/v2}; append a path below the prefix, or use {@link #restOrigin()} + a full path. */
    public String restBaseUrl() {
        return restOrigin + KalshiPaths.API_PREFIX;
    }

    /** The older, still supported REST base URL. */
    public String restBaseUrlAlternate() {
        return restOriginAlternate + KalshiPaths.API_PREFIX;
    }

    /** Scheme and host only; {@code restOrigin() + KalshiPaths.market(t)} is a full URL. */
    public String restOrigin() {
        return restOrigin;
    }

    /** e.g. {@code wss://external-api-ws.kalshi.com/trade-api/ws/v2}. */
    public String wsUrl() {
        return wsOrigin + KalshiPaths.WS_PATH;
    }

    /** The older, still supported WebSocket URL. */
    public String wsUrlAlternate() {
        return wsOriginAlternate + KalshiPaths.WS_PATH;
    }
}

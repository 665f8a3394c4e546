package io.kengine.protocol.wire;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Kalshi Trade API v2 paths, each the full path from the host root: the exact text that is signed
 * (kalshi-api.md §1.2: the signed path includes {@code /trade-api/v2} and never the query string).
 *
 * <p>Parameterised paths are built by the static methods; a path parameter must be a plain
 * identifier (letters, digits, {@code . _ ~ -}), because the signed text has to equal what the
 * server sees, so nothing is percent-encoded inside a path. Tickers and UUIDs always qualify.
 * Query strings are built by {@link #withQuery} (values URL-encoded; they are not signed).
 */
public final class KalshiPaths {
    /** REST prefix; every REST path below starts with it. */
    public static final String API_PREFIX = "/trade-api/v2";
    /** WebSocket path; signed as {@code ts + "GET" + WS_PATH} on the upgrade request. */
    public static final String WS_PATH = "/trade-api/ws/v2";

    public static final String EXCHANGE_STATUS = API_PREFIX + "/exchange/status";
    public static final String MARKETS = API_PREFIX + "/markets";
    public static final String EVENTS = API_PREFIX + "/events";
    public static final String SERIES = API_PREFIX + "/series";

    public static final String BALANCE = API_PREFIX + "/portfolio/balance";
    public static final String POSITIONS = API_PREFIX + "/portfolio/positions";
    public static final String FILLS = API_PREFIX + "/portfolio/fills";
    /** GET: list orders (reads stay on the legacy path; only mutations moved to V2). */
    public static final String ORDERS = API_PREFIX + "/portfolio/orders";

    /** V2 orders: POST creates one order. */
    public static final String ORDERS_V2 = API_PREFIX + "/portfolio/events/orders";
    /** V2 batch: POST creates a batch, DELETE cancels a batch. */
    public static final String ORDERS_V2_BATCHED = ORDERS_V2 + "/batched";

    private KalshiPaths() {
    }

    /** {@code /trade-api/v2/markets/{ticker}} */
    public static String market(String ticker) {
        return MARKETS + "/" + segment("ticker", ticker);
    }

    /** {@code /trade-api/v2/markets/{ticker}/orderbook} */
    public static String orderbook(String ticker) {
        return market(ticker) + "/orderbook";
    }

    /** {@code /trade-api/v2/events/{event_ticker}} */
    public static String event(String eventTicker) {
        return EVENTS + "/" + segment("event_ticker", eventTicker);
    }

    /** {@code /trade-api/v2/series/{series_ticker}} */
    public static String series(String seriesTicker) {
        return SERIES + "/" + segment("series_ticker", seriesTicker);
    }

    /** GET one order: {@code /trade-api/v2/portfolio/orders/{order_id}} */
    public static String order(String orderId) {
        return ORDERS + "/" + segment("order_id", orderId);
    }

    /** DELETE cancels: {@code /trade-api/v2/portfolio/events/orders/{order_id}} */
    public static String orderV2(String orderId) {
        return ORDERS_V2 + "/" + segment("order_id", orderId);
    }

    /** POST: {@code /trade-api/v2/portfolio/events/orders/{order_id}/amend} */
    public static String amendOrderV2(String orderId) {
        return orderV2(orderId) + "/amend";
    }

    /** POST: {@code /trade-api/v2/portfolio/events/orders/{order_id}/decrease} */
    public static String decreaseOrderV2(String orderId) {
        return orderV2(orderId) + "/decrease";
    }

    /**
     * Appends a query string: {@code withQuery(ORDERS, "limit", "5", "ticker", "A")} →
     * {@code ...?limit=5&ticker=A}. Pairs whose value is null are skipped; values are URL-encoded.
     */
    public static String withQuery(String path, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("query needs name/value pairs, got " + namesAndValues.length + " strings");
        }
        StringBuilder sb = new StringBuilder(path);
        char sep = path.indexOf('?') >= 0 ? '&' : '?';
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String value = namesAndValues[i + 1];
            if (value == null) {
                continue;
            }
            sb.append(sep).append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            sep = '&';
        }
        return sb.toString();
    }

    /** The path with {@code ?} and everything after it removed: what is signed and what routes match. */
    public static String stripQuery(String pathAndQuery) {
        int q = pathAndQuery.indexOf('?');
        return q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    }

    /** True when {@code s} can stand as one path segment unencoded. */
    public static boolean isPlainSegment(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~';
            if (!ok) {
                return false;
            }
        }
        return !s.equals(".") && !s.equals("..");
    }

    private static String segment(String name, String value) {
        if (!isPlainSegment(value)) {
            throw new IllegalArgumentException(name + " must be letters, digits, '.', '_', '~' or '-', got "
                    + (value == null ? "null" : "\"" + value + "\""));
        }
        return value;
    }
}

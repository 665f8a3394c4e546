package io.kengine.protocol.wire;

/**
 * The REST endpoints a market maker and the simulator exchange, as method + path template.
 * {@link #match} routes a request (a server's view); {@link #path} builds one (a client's view).
 *
 * <p>Templates hold at most one parameter, always the last or second-to-last segment. Literal
 * templates are tried before parameterised ones, so {@code DELETE .../orders/batched} is a batch
 * cancel, never a cancel of an order whose id is "batched".
 */
public enum KalshiEndpoint {
    GET_EXCHANGE_STATUS("GET", KalshiPaths.EXCHANGE_STATUS, false),
    GET_MARKETS("GET", KalshiPaths.MARKETS, false),
    GET_MARKET("GET", KalshiPaths.MARKETS + "/{ticker}", false),
    GET_ORDERBOOK("GET", KalshiPaths.MARKETS + "/{ticker}/orderbook", false),
    GET_EVENTS("GET", KalshiPaths.EVENTS, false),
    GET_EVENT("GET", KalshiPaths.EVENTS + "/{event_ticker}", false),
    GET_SERIES_LIST("GET", KalshiPaths.SERIES, false),
    GET_SERIES("GET", KalshiPaths.SERIES + "/{series_ticker}", false),

    GET_BALANCE("GET", KalshiPaths.BALANCE, true),
    GET_POSITIONS("GET", KalshiPaths.POSITIONS, true),
    GET_FILLS("GET", KalshiPaths.FILLS, true),
    GET_ORDERS("GET", KalshiPaths.ORDERS, true),
    GET_ORDER("GET", KalshiPaths.ORDERS + "/{order_id}", true),

    CREATE_ORDER_V2("POST", KalshiPaths.ORDERS_V2, true),
    BATCH_CREATE_ORDERS_V2("POST", KalshiPaths.ORDERS_V2_BATCHED, true),
    BATCH_CANCEL_ORDERS_V2("DELETE", KalshiPaths.ORDERS_V2_BATCHED, true),
    AMEND_ORDER_V2("POST", KalshiPaths.ORDERS_V2 + "/{order_id}/amend", true),
    DECREASE_ORDER_V2("POST", KalshiPaths.ORDERS_V2 + "/{order_id}/decrease", true),
    CANCEL_ORDER_V2("DELETE", KalshiPaths.ORDERS_V2 + "/{order_id}", true);

    /** A routed request: which endpoint, and the path parameter (null when the template has none). */
    public record Match(KalshiEndpoint endpoint, String parameter) {
    }

    private static final KalshiEndpoint[] VALUES = values();

    private final String method;
    private final String template;
    private final boolean authenticated;
    private final String prefix;   // template text before the parameter (the whole template if none)
    private final String suffix;   // template text after the parameter
    private final String parameterName;

    KalshiEndpoint(String method, String template, boolean authenticated) {
        this.method = method;
        this.template = template;
        this.authenticated = authenticated;
        int open = template.indexOf('{');
        if (open < 0) {
            prefix = template;
            suffix = "";
            parameterName = null;
        } else {
            int close = template.indexOf('}', open);
            prefix = template.substring(0, open);
            suffix = template.substring(close + 1);
            parameterName = template.substring(open + 1, close);
        }
    }

    /** Upper-case HTTP method. */
    public String method() {
        return method;
    }

    /** Full path template, e.g. {@code /trade-api/v2/portfolio/events/orders/{order_id}/amend}. */
    public String template() {
        return template;
    }

    /** Name of the path parameter ({@code "order_id"}), or null. */
    public String parameterName() {
        return parameterName;
    }

    /** Whether Kalshi requires the three auth headers (portfolio endpoints; market data is public). */
    public boolean authenticated() {
        return authenticated;
    }

    /** The path for this endpoint; {@code parameter} must be null exactly when the template has none. */
    public String path(String parameter) {
        if (parameterName == null) {
            if (parameter != null) {
                throw new IllegalArgumentException(name() + " takes no path parameter");
            }
            return template;
        }
        if (!KalshiPaths.isPlainSegment(parameter)) {
            throw new IllegalArgumentException(parameterName + " must be letters, digits, '.', '_', '~' or '-', got "
                    + (parameter == null ? "null" : "\"" + parameter + "\""));
        }
        return prefix + parameter + suffix;
    }

    /** The path of a parameterless endpoint. */
    public String path() {
        return path(null);
    }

    /**
     * Routes a request. The query string, if any, is ignored. Returns null when no endpoint has this
     * method and path (a server answers 404, or 405 when {@link #anyMatchesPath} says the path exists).
     */
    public static Match match(String method, String pathAndQuery) {
        if (method == null || pathAndQuery == null) {
            return null;
        }
        String path = KalshiPaths.stripQuery(pathAndQuery);
        for (KalshiEndpoint e : VALUES) {
            if (e.parameterName == null && e.method.equalsIgnoreCase(method) && e.template.equals(path)) {
                return new Match(e, null);
            }
        }
        for (KalshiEndpoint e : VALUES) {
            if (e.parameterName != null && e.method.equalsIgnoreCase(method)) {
                String p = e.parameterIn(path);
                if (p != null) {
                    return new Match(e, p);
                }
            }
        }
        return null;
    }

    /** True when some endpoint serves this path with any method. */
    public static boolean anyMatchesPath(String pathAndQuery) {
        for (KalshiEndpoint e : VALUES) {
            if (match(e.method, pathAndQuery) != null) {
                return true;
            }
        }
        return false;
    }

    private String parameterIn(String path) {
        if (path.length() <= prefix.length() + suffix.length() || !path.startsWith(prefix) || !path.endsWith(suffix)) {
            return null;
        }
        String p = path.substring(prefix.length(), path.length() - suffix.length());
        return KalshiPaths.isPlainSegment(p) ? p : null;
    }
}

package io.kengine.protocol.wire.rest;

/**
 * REST error {@code code} strings named in kalshi-api.md §3.13 (official unless marked). Kalshi
 * does not publish a full list; a client should treat unknown codes by HTTP status.
 */
public final class ApiErrorCodes {
    public static final String INVALID_ORDER = "invalid_order";
    public static final String INVALID_ORDER_SIZE = "invalid_order_size";
    public static final String AVAILABLE_BALANCE_TOO_LOW = "available_balance_too_low";
    public static final String ORDER_ID_AND_CLIENT_ORDER_ID_MISMATCH = "order_id_and_client_order_id_mismatch";
    public static final String ORDER_SIDE_MISMATCH = "order_side_mismatch";
    public static final String ORDER_TICKER_MISMATCH = "order_ticker_mismatch";
    /** Any order operation after close, cancel included (upper case as documented). */
    public static final String MARKET_INACTIVE = "MARKET_INACTIVE";
    /** Post-only cross inside a batch: code {@code "invalid order"} (with a space), details {@value #POST_ONLY_CROSS_DETAILS}. */
    public static final String INVALID_ORDER_SPACED = "invalid order";
    public static final String POST_ONLY_CROSS_DETAILS = "post only cross";
    /** Third-party captures (UNCONFIRMED officially): 409 duplicate client_order_id. */
    public static final String ORDER_ALREADY_EXISTS = "order_already_exists";
    /** Third-party captures: 409 while trading is paused. */
    public static final String TRADING_IS_PAUSED = "trading_is_paused";
    /** Third-party captures: 409. */
    public static final String MARKET_CLOSED = "market_closed";
    /** Third-party captures: 400. */
    public static final String INVALID_PARAMETERS = "invalid_parameters";
    /** Third-party captures: 503. */
    public static final String SERVICE_UNAVAILABLE = "service_unavailable";

    private ApiErrorCodes() {
    }
}

package io.kengine.sim.exchange;

/**
 * Every way an order call can be refused, with what the server should answer: HTTP status and Kalshi's
 * {@code ErrorResponse} fields {@code code}, {@code message}, {@code details}.
 *
 * <p>Confirmed by Kalshi material (reference §3.13): the codes {@code invalid_order},
 * {@code invalid_order_size}, {@code available_balance_too_low}, {@code order_id_and_client_order_id_mismatch},
 * {@code order_side_mismatch}, {@code order_ticker_mismatch}; post-only cross as
 * {@code "invalid order"} / {@code "post only cross"}; {@code MARKET_INACTIVE} for every order operation after
 * close (upper case in the docs). Seen only by third parties: {@code order_already_exists} (409),
 * {@code trading_is_paused} (409), {@code invalid_parameters} (400). Everything else here (404 codes, the
 * lower-case {@code market_inactive}, {@code exchange_paused}, the HTTP status of balance and validation errors,
 * every {@code details} text but "post only cross") is our choice: UNCONFIRMED, see {@link #confirmed()}.
 */
public enum ExchangeError {
    MARKET_NOT_FOUND(404, "market_not_found", "market not found", "", false),
    ORDER_NOT_FOUND(404, "not_found", "order not found", "", false),

    MARKET_INACTIVE(409, "market_inactive", "market inactive", "", true),
    TRADING_IS_PAUSED(409, "trading_is_paused", "trading is paused", "", true),
    EXCHANGE_PAUSED(409, "exchange_paused", "exchange is paused", "", false),

    INVALID_ORDER_SIZE(400, "invalid_order_size", "invalid order size",
        "count must be between 0.01 and 999999999999.99 contracts", true),
    AMEND_COUNT_NOT_ABOVE_FILLED(400, "invalid_order_size", "invalid order size",
        "count is the new total and must exceed the filled count", true),
    PRICE_OUT_OF_RANGE(400, "invalid_order", "invalid order", "price must be strictly between 0 and 1", true),
    PRICE_NOT_ON_GRID(400, "invalid_order", "invalid order", "price is not on the market's price grid", true),
    POST_ONLY_CROSS(400, "invalid_order", "invalid order", "post only cross", true),
    REDUCE_ONLY_WOULD_INCREASE(400, "invalid_order", "invalid order",
        "reduce only order would not reduce the position", true),
    ORDER_NOT_RESTING(400, "invalid_order", "invalid order", "order is not resting", true),

    EXPIRATION_WITH_IMMEDIATE_TIF(400, "invalid_parameters", "invalid parameters",
        "expiration_time cannot be combined with immediate_or_cancel or fill_or_kill", true),
    EXPIRATION_IN_PAST(400, "invalid_parameters", "invalid parameters", "expiration_time is in the past", true),
    POST_ONLY_NOT_GTC(400, "invalid_parameters", "invalid parameters", "post_only requires good_till_canceled", true),
    DECREASE_ONE_OF(400, "invalid_parameters", "invalid parameters",
        "exactly one of reduce_by (at least 0.01) and reduce_to (at least 0) is required", true),

    AVAILABLE_BALANCE_TOO_LOW(400, "available_balance_too_low", "available balance too low", "", true),
    ORDER_ALREADY_EXISTS(409, "order_already_exists", "order already exists", "", true),
    ORDER_SIDE_MISMATCH(400, "order_side_mismatch", "order side mismatch", "", true),
    ORDER_TICKER_MISMATCH(400, "order_ticker_mismatch", "order ticker mismatch", "", true),
    ORDER_ID_AND_CLIENT_ORDER_ID_MISMATCH(400, "order_id_and_client_order_id_mismatch",
        "order id and client order id mismatch", "", true);

    private final int httpStatus;
    private final String code;
    private final String message;
    private final String details;
    private final boolean codeConfirmed;

    ExchangeError(int httpStatus, String code, String message, String details, boolean codeConfirmed) {
        this.httpStatus = httpStatus;
        this.code = code;
        this.message = message;
        this.details = details;
        this.codeConfirmed = codeConfirmed;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Kalshi's {@code ErrorResponse.code}. */
    public String code() {
        return code;
    }

    /** Kalshi's {@code ErrorResponse.message}. */
    public String message() {
        return message;
    }

    /** Kalshi's {@code ErrorResponse.details}; empty when there are none. */
    public String details() {
        return details;
    }

    /**
     * True when the {@code code} string is named by Kalshi docs or seen on the wire by third parties; the HTTP
     * status, message and details are often our choice even then.
     */
    public boolean confirmed() {
        return codeConfirmed;
    }
}

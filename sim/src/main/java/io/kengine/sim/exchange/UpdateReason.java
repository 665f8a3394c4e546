package io.kengine.sim.exchange;

/**
 * Why an order or a book level last changed. Kalshi's schemas have no such field (the changelog mentions a
 * {@code last_update_reason} such as {@code PostOnlyCrossCancel} without a placement), so this is for the
 * server, logs and tests; the FIX reject/cancel texts it corresponds to are noted where one exists.
 */
public enum UpdateReason {
    PLACED,
    FILLED,
    AMENDED,
    DECREASED,
    CANCELED,
    /** Good-till-time order reached its {@code expiration_time}. */
    EXPIRED,
    /** IoC remainder canceled after matching (FIX {@code IMMEDIATE_OR_CANCELLED}). */
    IOC_REMAINDER_CANCELED,
    /** FoK could not be filled completely; nothing traded (FIX {@code FOK_INSUFFICIENT_VOLUME}). */
    FOK_INSUFFICIENT_VOLUME,
    /** Incoming order canceled by self-trade prevention {@code taker_at_cross}. */
    SELF_TRADE_TAKER_CANCELED,
    /** Resting order canceled by an incoming own order with {@code maker} self-trade prevention. */
    SELF_TRADE_MAKER_CANCELED,
    /** Resting order canceled because the market reached its close time. */
    MARKET_CLOSED,
    /** {@code cancel_order_on_pause} order canceled when trading paused. */
    PAUSED,
    /** Resting order canceled when a paused (inactive) market was reactivated. */
    MARKET_REACTIVATED
}

package io.kengine.sim.exchange;

/**
 * Everything a WebSocket client could see, pushed synchronously from inside the exchange call that caused
 * it, on the caller's thread, in the order it happened. Implementations must not call back into the
 * {@link Exchange}. Per match the order is: trade, book delta (maker's level), maker fill, taker fill, maker
 * order update, maker position, taker position; the incoming order's own update (and its resting delta) come
 * after all its matches.
 */
public interface ExchangeListener {
    /** Listens to nothing. */
    ExchangeListener NONE = new ExchangeListener() {
    };

    /** {@code orderbook_delta}. */
    default void onBookDelta(BookDelta delta) {
    }

    /** {@code trade} (public). */
    default void onTrade(Trade trade) {
    }

    /** {@code fill} (private to {@code fill.accountId()}). */
    default void onFill(Fill fill) {
    }

    /** {@code user_orders} (private to {@code order.accountId()}). */
    default void onOrderUpdate(OrderState order) {
    }

    /** {@code market_positions} (private to {@code position.accountId()}). */
    default void onPositionChange(PositionState position) {
    }

    /** {@code market_lifecycle_v2} (only kinds with a wire name are Kalshi messages). */
    default void onMarketLifecycle(MarketLifecycle event) {
    }
}

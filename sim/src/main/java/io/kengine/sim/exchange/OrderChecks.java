package io.kengine.sim.exchange;

import io.kengine.protocol.units.FixedPoint;

/**
 * The refusals of order calls, in the order they are checked: market and exchange state first, then the
 * request's own fields. Balance, reduce-only and post-only checks need the book and the account and stay
 * in {@link Exchange}. Kalshi's own check order is unknown; this one is fixed so replies are reproducible.
 */
final class OrderChecks {
    private OrderChecks() {
    }

    /** Place and amend: exchange pauses, then the market's own state. */
    static ExchangeError tradingStateError(Market m, boolean exchangePaused, boolean tradingPaused) {
        if (exchangePaused) {
            return ExchangeError.EXCHANGE_PAUSED;
        }
        if (m.status.isPastClose()) {
            return ExchangeError.MARKET_INACTIVE;
        }
        if (tradingPaused) {
            return ExchangeError.TRADING_IS_PAUSED;
        }
        return m.status.isTrading() ? null : ExchangeError.MARKET_INACTIVE;
    }

    /** Cancel and decrease: allowed during a trading pause and in a paused market, not after close. */
    static ExchangeError cancelStateError(Market m, boolean exchangePaused) {
        if (exchangePaused) {
            return ExchangeError.EXCHANGE_PAUSED;
        }
        return m.status.isPastClose() ? ExchangeError.MARKET_INACTIVE : null;
    }

    static ExchangeError requestError(Market m, OrderRequest req, long now) {
        if (req.hasExpiration() && req.timeInForce().isImmediate()) {
            return ExchangeError.EXPIRATION_WITH_IMMEDIATE_TIF;
        }
        if (req.postOnly() && req.timeInForce().isImmediate()) {
            return ExchangeError.POST_ONLY_NOT_GTC;
        }
        if (req.hasExpiration() && req.expirationTimeSeconds() * 1000L <= now) {
            return ExchangeError.EXPIRATION_IN_PAST;
        }
        if (req.count() < 1 || req.count() > FixedPoint.MAX_COUNT) {
            return ExchangeError.INVALID_ORDER_SIZE;
        }
        return priceError(m, req.price());
    }

    static ExchangeError priceError(Market m, long price) {
        if (price <= 0 || price >= FixedPoint.PRICE_ONE) {
            return ExchangeError.PRICE_OUT_OF_RANGE;
        }
        return m.grid.isOnGrid(price) ? null : ExchangeError.PRICE_NOT_ON_GRID;
    }

    static ExchangeError amendError(Account a, Order o, AmendRequest req) {
        if (!req.ticker().equals(o.market.ticker)) {
            return ExchangeError.ORDER_TICKER_MISMATCH;
        }
        if (req.side() != o.side) {
            return ExchangeError.ORDER_SIDE_MISMATCH;
        }
        if (req.clientOrderId() != null && !req.clientOrderId().equals(o.clientOrderId)) {
            return ExchangeError.ORDER_ID_AND_CLIENT_ORDER_ID_MISMATCH;
        }
        if (!o.inBook) {
            return ExchangeError.ORDER_NOT_RESTING;
        }
        ExchangeError e = priceError(o.market, req.price());
        if (e != null) {
            return e;
        }
        if (req.count() < 1 || req.count() > FixedPoint.MAX_COUNT) {
            return ExchangeError.INVALID_ORDER_SIZE;
        }
        if (req.count() - o.filled < 1) {
            return ExchangeError.AMEND_COUNT_NOT_ABOVE_FILLED;
        }
        String updated = req.updatedClientOrderId();
        if (updated != null && !updated.equals(o.clientOrderId) && a.clientOrderIds.containsKey(updated)) {
            return ExchangeError.ORDER_ALREADY_EXISTS;
        }
        return null;
    }
}

package io.kengine.sim.exchange;

import java.util.Objects;

/**
 * A V2 create-order request ({@code CreateOrderV2Request}) already parsed into units: price in $0.0001 (YES
 * leg), count in 0.01 contracts, {@code expirationTimeSeconds} Unix seconds or {@link #NO_EXPIRATION}.
 * {@code clientOrderId} and {@code orderGroupId} may be null; the group is recorded but has no effect.
 * Start from {@link #of} and adjust with the {@code with…} methods.
 */
public record OrderRequest(String ticker, Side side, long price, long count, TimeInForce timeInForce,
                           SelfTradePrevention selfTradePrevention, String clientOrderId, long expirationTimeSeconds,
                           boolean postOnly, boolean reduceOnly, boolean cancelOnPause, String orderGroupId) {
    /** No {@code expiration_time}. */
    public static final long NO_EXPIRATION = 0L;

    public OrderRequest {
        Objects.requireNonNull(ticker, "ticker");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(timeInForce, "timeInForce");
        Objects.requireNonNull(selfTradePrevention, "selfTradePrevention");
        if (expirationTimeSeconds < 0) {
            throw new IllegalArgumentException("expiration_time " + expirationTimeSeconds + " is negative");
        }
    }

    /** Good-till-canceled, {@code taker_at_cross}, no flags: Kalshi's quick-start example order. */
    public static OrderRequest of(String ticker, Side side, long price, long count) {
        return new OrderRequest(ticker, side, price, count, TimeInForce.GOOD_TILL_CANCELED,
            SelfTradePrevention.TAKER_AT_CROSS, null, NO_EXPIRATION, false, false, false, null);
    }

    public boolean hasExpiration() {
        return expirationTimeSeconds != NO_EXPIRATION;
    }

    public OrderRequest withTimeInForce(TimeInForce tif) {
        return new OrderRequest(ticker, side, price, count, tif, selfTradePrevention, clientOrderId, expirationTimeSeconds,
            postOnly, reduceOnly, cancelOnPause, orderGroupId);
    }

    public OrderRequest withSelfTradePrevention(SelfTradePrevention stp) {
        return new OrderRequest(ticker, side, price, count, timeInForce, stp, clientOrderId, expirationTimeSeconds,
            postOnly, reduceOnly, cancelOnPause, orderGroupId);
    }

    public OrderRequest withClientOrderId(String id) {
        return new OrderRequest(ticker, side, price, count, timeInForce, selfTradePrevention, id, expirationTimeSeconds,
            postOnly, reduceOnly, cancelOnPause, orderGroupId);
    }

    public OrderRequest withExpirationTimeSeconds(long seconds) {
        return new OrderRequest(ticker, side, price, count, timeInForce, selfTradePrevention, clientOrderId, seconds,
            postOnly, reduceOnly, cancelOnPause, orderGroupId);
    }

    public OrderRequest withPostOnly(boolean v) {
        return new OrderRequest(ticker, side, price, count, timeInForce, selfTradePrevention, clientOrderId, expirationTimeSeconds,
            v, reduceOnly, cancelOnPause, orderGroupId);
    }

    public OrderRequest withReduceOnly(boolean v) {
        return new OrderRequest(ticker, side, price, count, timeInForce, selfTradePrevention, clientOrderId, expirationTimeSeconds,
            postOnly, v, cancelOnPause, orderGroupId);
    }

    public OrderRequest withCancelOnPause(boolean v) {
        return new OrderRequest(ticker, side, price, count, timeInForce, selfTradePrevention, clientOrderId, expirationTimeSeconds,
            postOnly, reduceOnly, v, orderGroupId);
    }

    public OrderRequest withOrderGroupId(String id) {
        return new OrderRequest(ticker, side, price, count, timeInForce, selfTradePrevention, clientOrderId, expirationTimeSeconds,
            postOnly, reduceOnly, cancelOnPause, id);
    }
}

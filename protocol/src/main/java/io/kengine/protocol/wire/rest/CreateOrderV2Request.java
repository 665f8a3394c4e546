package io.kengine.protocol.wire.rest;

import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.model.BookSide;
import io.kengine.protocol.wire.model.SelfTradePrevention;
import io.kengine.protocol.wire.model.TimeInForce;

/**
 * Body of {@code POST /portfolio/events/orders} (kalshi-api.md §3.1). {@code price} is the YES price
 * in $0.0001, {@code count} in 0.01 contracts; both written as Kalshi requests accept them
 * ({@code "0.5600"}, {@code "10.00"}). {@code expirationTimeSec} is Unix seconds (GTC + expiration =
 * good-till-time). The first six components are required.
 */
public record CreateOrderV2Request(String ticker, BookSide side, long count, long price, TimeInForce timeInForce,
                                   SelfTradePrevention selfTradePrevention, String clientOrderId,
                                   long expirationTimeSec, Boolean postOnly, Boolean reduceOnly,
                                   Boolean cancelOrderOnPause, Integer subaccount, String orderGroupId,
                                   Integer exchangeIndex) {
    /** The required fields and a client order id; everything else absent. */
    public static CreateOrderV2Request of(String ticker, BookSide side, long count, long price, TimeInForce tif,
                                          SelfTradePrevention stp, String clientOrderId) {
        return new CreateOrderV2Request(ticker, side, count, price, tif, stp, clientOrderId,
                Wire.ABSENT, null, null, null, null, null, null);
    }
}

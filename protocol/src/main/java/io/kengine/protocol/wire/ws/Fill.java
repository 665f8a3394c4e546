package io.kengine.protocol.wire.ws;

import io.kengine.protocol.wire.model.OutcomeSide;

/**
 * {@code fill}: one of the receiver's orders traded. {@code feeCost} is money; {@code postPosition}
 * is the signed position after the fill. The direction is {@code outcomeSide}; the deprecated
 * {@code side}/{@code action}/{@code purchased_side} the schema still requires are written as
 * "buy {@code outcomeSide}" (how Kalshi fills them for V2 orders is UNCONFIRMED).
 */
public record Fill(long sid, String tradeId, String orderId, String marketTicker, Integer exchangeIndex,
                   boolean isTaker, OutcomeSide outcomeSide, long yesPrice, long count, long feeCost,
                   long postPosition, String clientOrderId, Integer subaccount, long tsMs) implements WsMessage {
    public static final String TYPE = "fill";

    @Override
    public String type() {
        return TYPE;
    }
}

package io.kengine.protocol.wire.ws;

import io.kengine.protocol.wire.model.OutcomeSide;

/**
 * {@code orderbook_delta}: the resting count at ({@code side}, {@code price}) changes by the signed
 * {@code delta}. {@code clientOrderId} and {@code subaccount} are present only when the receiver's
 * own order caused the change. {@code tsMs} is written as {@code ts_ms} and the deprecated RFC 3339
 * {@code ts}.
 */
public record OrderbookDelta(long sid, long seq, String marketTicker, String marketId, long price, long delta,
                             OutcomeSide side, String clientOrderId, Integer subaccount, long tsMs)
        implements WsMessage {
    public static final String TYPE = "orderbook_delta";

    @Override
    public String type() {
        return TYPE;
    }
}

package io.kengine.protocol.wire.ws;

import io.kengine.protocol.wire.model.OutcomeSide;

/**
 * {@code trade}: a public print. {@code noPrice} is always $1 − {@code yesPrice} and is derived.
 * The taker's direction is written three ways ({@code taker_outcome_side}, {@code taker_book_side},
 * and the deprecated {@code taker_side}, assumed equal to the outcome side: UNCONFIRMED).
 */
public record Trade(long sid, String tradeId, String marketTicker, long yesPrice, long count,
                    OutcomeSide takerOutcomeSide, Boolean isBlockTrade, long tsMs) implements WsMessage {
    public static final String TYPE = "trade";

    @Override
    public String type() {
        return TYPE;
    }
}

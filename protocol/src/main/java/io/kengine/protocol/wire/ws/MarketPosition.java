package io.kengine.protocol.wire.ws;

/**
 * {@code market_position} (channel {@code market_positions}): signed {@code position} (+ YES, − NO),
 * {@code volume} in counts, the rest money.
 */
public record MarketPosition(long sid, String userId, String marketTicker, long position, long positionCost,
                             long realizedPnl, long feesPaid, long positionFeeCost, long volume, Integer subaccount)
        implements WsMessage {
    public static final String TYPE = "market_position";

    @Override
    public String type() {
        return TYPE;
    }
}

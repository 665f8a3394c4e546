package io.kengine.protocol.wire.ws;

import io.kengine.protocol.wire.Wire;
import java.util.List;

/**
 * {@code update_subscription}: exactly one of {@code sid} / {@code sids} (a one-element array), an
 * {@code action} and the markets. {@code sid} is {@link io.kengine.protocol.wire.Wire#ABSENT} when not
 * sent. {@code action} stays a string so a server can answer an unknown one with error 13.
 */
public record UpdateSubscription(long id, long sid, List<Long> sids, String action, String marketTicker,
                                 List<String> marketTickers, String marketId, List<String> marketIds,
                                 Boolean sendInitialSnapshot) implements WsCommand {
    public static final String CMD = "update_subscription";
    public static final String ADD_MARKETS = "add_markets";
    public static final String DELETE_MARKETS = "delete_markets";
    /** Orderbook only: an {@code orderbook_snapshot} for {@code market_tickers}, subscription unchanged. */
    public static final String GET_SNAPSHOT = "get_snapshot";

    /** The common form: one sid (sent as {@code "sids":[sid]}), an action, tickers. */
    public static UpdateSubscription of(long id, long sid, String action, List<String> marketTickers) {
        return new UpdateSubscription(id, Wire.ABSENT, List.of(sid), action, null,
                marketTickers, null, null, null);
    }

    @Override
    public String cmd() {
        return CMD;
    }
}

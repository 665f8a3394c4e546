package io.kengine.protocol.wire.ws;

import io.kengine.protocol.wire.model.PriceLevel;
import java.util.List;

/**
 * {@code orderbook_snapshot}: bids only, YES and NO, each level [price, count], ascending. An empty
 * side is written as an absent key (Kalshi omits it) and read back as an empty list. NO levels are
 * in NO-leg prices unless the subscription set {@code use_yes_price}.
 */
public record OrderbookSnapshot(long sid, long seq, String marketTicker, String marketId,
                                List<PriceLevel> yes, List<PriceLevel> no) implements WsMessage {
    public static final String TYPE = "orderbook_snapshot";

    /** Null sides become empty lists: the wire cannot tell them apart. */
    public OrderbookSnapshot {
        yes = yes == null ? List.of() : List.copyOf(yes);
        no = no == null ? List.of() : List.copyOf(no);
    }

    @Override
    public String type() {
        return TYPE;
    }
}

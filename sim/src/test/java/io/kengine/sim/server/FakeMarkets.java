package io.kengine.sim.server;

import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.model.OutcomeSide;
import io.kengine.protocol.wire.model.PriceLevel;
import io.kengine.protocol.wire.ws.Fill;
import io.kengine.protocol.wire.ws.MarketLifecycleV2;
import io.kengine.protocol.wire.ws.OrderbookDelta;
import io.kengine.protocol.wire.ws.OrderbookSnapshot;
import io.kengine.protocol.wire.ws.Ticker;

import java.util.List;
import java.util.Set;

/** A hand-made market view for the WebSocket tests: markets MKT-A and MKT-B, one-level books. */
final class FakeMarkets implements MarketView {
    static final Set<String> TICKERS = Set.of("MKT-A", "MKT-B");
    private static final long A = Wire.ABSENT;

    @Override
    public boolean marketExists(String ticker) {
        return TICKERS.contains(ticker);
    }

    @Override
    public ChannelMessage orderbookSnapshot(String ticker) {
        return new ChannelMessage(WsChannel.ORDERBOOK_DELTA, ticker, null, (owner, yes) ->
                new OrderbookSnapshot(A, A, ticker, null, List.of(new PriceLevel(4_200, 1_000)), List.of()));
    }

    @Override
    public ChannelMessage tickerSnapshot(String ticker) {
        return ticker(ticker, 4_200);
    }

    static ChannelMessage ticker(String ticker, long price) {
        return new ChannelMessage(WsChannel.TICKER, ticker, null, (owner, yes) ->
                new Ticker(A, ticker, null, price, price, price + 100, 100, 100, 100, 100, 100, 1, 1, 1_700_000_000_000L));
    }

    /** A delta of {@code delta} contracts at 0.42 caused by {@code owner}'s order {@code clientOrderId}. */
    static ChannelMessage delta(String ticker, long delta, String owner, String clientOrderId) {
        return new ChannelMessage(WsChannel.ORDERBOOK_DELTA, ticker, owner, (forOwner, yes) ->
                new OrderbookDelta(A, A, ticker, null, 4_200, delta * 100, OutcomeSide.YES,
                        forOwner ? clientOrderId : null, null, 1_700_000_000_000L));
    }

    static ChannelMessage fill(String ticker, String owner) {
        return new ChannelMessage(WsChannel.FILL, ticker, owner, (forOwner, yes) ->
                new Fill(A, "t-1", "o-1", ticker, null, true, OutcomeSide.YES, 4_200, 100, 0, 100, null, null,
                        1_700_000_000_000L));
    }

    static ChannelMessage lifecycle(String ticker) {
        return new ChannelMessage(WsChannel.MARKET_LIFECYCLE_V2, ticker, null, (forOwner, yes) ->
                new MarketLifecycleV2(A, ticker, MarketLifecycleV2.DEACTIVATED, null, A, A, null, A, A, A, true,
                        null, null, null, null, null, null, null));
    }
}

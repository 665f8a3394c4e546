package io.kengine.sim.server;

import io.kengine.protocol.units.FixedPoint;
import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.ws.MarketLifecycleV2;
import io.kengine.protocol.wire.ws.MarketPosition;
import io.kengine.protocol.wire.ws.OrderbookDelta;
import io.kengine.protocol.wire.ws.OrderbookSnapshot;
import io.kengine.protocol.wire.ws.Ticker;
import io.kengine.protocol.wire.ws.UserOrder;
import io.kengine.sim.exchange.BookDelta;
import io.kengine.sim.exchange.BookSnapshot;
import io.kengine.sim.exchange.Exchange;
import io.kengine.sim.exchange.ExchangeListener;
import io.kengine.sim.exchange.Fill;
import io.kengine.sim.exchange.Ladder;
import io.kengine.sim.exchange.LifecycleKind;
import io.kengine.sim.exchange.MarketLifecycle;
import io.kengine.sim.exchange.MarketState;
import io.kengine.sim.exchange.OrderState;
import io.kengine.sim.exchange.PositionState;
import io.kengine.sim.exchange.Trade;
import io.kengine.sim.exchange.UpdateReason;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns the exchange core's events into channel messages, on the exchange thread, in the order the
 * core produced them, and answers the hub's market questions. A {@code ticker} message is not an
 * event of the core: after each exchange call the bridge publishes one per market whose
 * ticker fields (last price, top of book with sizes, volume, open interest) changed.
 */
final class ExchangeBridge implements ExchangeListener, MarketView {
    /** The one shard the simulator has; {@code fill} must carry it (Kalshi: "currently only 0 supported"). */
    private static final Integer EXCHANGE_INDEX = 0;

    private final WsHub hub;
    private final FillDeltaOwner fillDeltaOwner;
    private Exchange exchange;
    private final Set<String> touched = new LinkedHashSet<>();
    private final Map<String, TickerKey> lastTicker = new HashMap<>();
    private final Map<String, String> marketIds = new HashMap<>();

    private record TickerKey(long bid, long bidSize, long ask, long askSize, long last, long lastSize, long volume,
                             long openInterest) {
        static TickerKey of(MarketState m) {
            return new TickerKey(m.bestBid(), m.bestBidSize(), m.bestAsk(), m.bestAskSize(), m.lastPrice(),
                    m.lastTradeSize(), m.volume(), m.openInterest());
        }
    }

    ExchangeBridge(WsHub hub, FillDeltaOwner fillDeltaOwner) {
        this.hub = hub;
        this.fillDeltaOwner = fillDeltaOwner;
    }

    void exchange(Exchange exchange) {
        this.exchange = exchange;
    }

    /**
     * The market's {@code market_id}, which Kalshi's schema requires on book and ticker messages. The
     * core keys markets by ticker only, so the id is a name-based UUID of the ticker: stable across
     * runs and seeds, cached because it is asked for on every delta.
     */
    private String marketId(String ticker) {
        return marketIds.computeIfAbsent(ticker,
                t -> UUID.nameUUIDFromBytes(("kengine-sim-market:" + t).getBytes(StandardCharsets.UTF_8)).toString());
    }

    // ------------------------------------------------------------------ core events → channels

    @Override
    public void onBookDelta(BookDelta d) {
        touched.add(d.ticker());
        String marketId = marketId(d.ticker());
        String account = d.accountId();
        String clientOrderId = d.clientOrderId();
        if (d.reason() == UpdateReason.FILLED && fillDeltaOwner != FillDeltaOwner.MAKER) {
            account = fillDeltaOwner == FillDeltaOwner.TAKER ? d.takerAccountId() : null;
            clientOrderId = fillDeltaOwner == FillDeltaOwner.TAKER ? d.takerClientOrderId() : null;
        }
        String tag = clientOrderId;
        hub.publish(new ChannelMessage(WsChannel.ORDERBOOK_DELTA, d.ticker(), account, (owner, yesPrice) ->
                new OrderbookDelta(Wire.ABSENT, Wire.ABSENT, d.ticker(), marketId,
                        yesPrice && d.ladder() == Ladder.NO ? d.yesPrice() : d.ladderPrice(), d.delta(),
                        WireMapping.outcome(d.ladder()), owner ? tag : null, null, d.tsMs())));
    }

    @Override
    public void onTrade(Trade t) {
        touched.add(t.ticker());
        hub.publish(new ChannelMessage(WsChannel.TRADE, t.ticker(), null, (owner, yesPrice) ->
                new io.kengine.protocol.wire.ws.Trade(Wire.ABSENT, t.tradeId(), t.ticker(), t.yesPrice(), t.count(),
                        WireMapping.outcome(t.takerOutcomeSide()), false, t.tsMs())));
    }

    @Override
    public void onFill(Fill f) {
        hub.publish(new ChannelMessage(WsChannel.FILL, f.ticker(), f.accountId(), (owner, yesPrice) ->
                new io.kengine.protocol.wire.ws.Fill(Wire.ABSENT, f.tradeId(), f.orderId(), f.ticker(), EXCHANGE_INDEX, f.taker(),
                        WireMapping.outcome(f.side()), f.yesPrice(), f.count(), WireMapping.fee(f.feeMicros()),
                        f.postPosition(), f.clientOrderId(), null, f.tsMs())));
    }

    @Override
    public void onOrderUpdate(OrderState o) {
        hub.publish(new ChannelMessage(WsChannel.USER_ORDERS, o.ticker(), o.accountId(), (owner, yesPrice) ->
                new UserOrder(Wire.ABSENT, o.orderId(), o.accountId(), o.ticker(), WireMapping.status(o.status()),
                        WireMapping.outcome(o.side()), o.price(), o.fillCount(), o.remainingCount(), o.initialCount(),
                        WireMapping.money(o.takerFillCostMicros()), WireMapping.money(o.makerFillCostMicros()),
                        WireMapping.fee(o.takerFeesMicros()), WireMapping.fee(o.makerFeesMicros()), o.clientOrderId(),
                        o.orderGroupId(), WireMapping.stp(o.selfTradePrevention()), o.createdMs(), o.lastUpdateMs(),
                        WireMapping.secondsToMs(o.expirationTimeSeconds()), null)));
    }

    @Override
    public void onPositionChange(PositionState p) {
        hub.publish(new ChannelMessage(WsChannel.MARKET_POSITIONS, p.ticker(), p.accountId(), (owner, yesPrice) ->
                new MarketPosition(Wire.ABSENT, p.accountId(), p.ticker(), p.position(), WireMapping.money(p.costMicros()),
                        WireMapping.money(p.realizedPnlMicros()), WireMapping.fee(p.feesPaidMicros()),
                        WireMapping.fee(p.feesPaidMicros()), p.volume(), null)));
    }

    @Override
    public void onMarketLifecycle(MarketLifecycle e) {
        String type = e.kind().wireName();
        if (type == null) {
            return; // implicit transitions (open, close): Kalshi sends nothing
        }
        LifecycleKind k = e.kind();
        hub.publish(new ChannelMessage(WsChannel.MARKET_LIFECYCLE_V2, e.ticker(), null, (owner, yesPrice) ->
                new MarketLifecycleV2(Wire.ABSENT, e.ticker(), type, null,
                        k == LifecycleKind.CREATED ? WireMapping.seconds(e.openTimeMs()) : Wire.ABSENT,
                        k == LifecycleKind.CREATED || k == LifecycleKind.CLOSE_DATE_UPDATED
                                ? WireMapping.seconds(e.closeTimeMs()) : Wire.ABSENT,
                        k == LifecycleKind.DETERMINED && e.result() != null ? e.result().wireName() : null,
                        k == LifecycleKind.DETERMINED ? WireMapping.seconds(e.tsMs()) : Wire.ABSENT,
                        k == LifecycleKind.DETERMINED && e.settlementValue() != MarketLifecycle.NO_VALUE
                                ? e.settlementValue() : Wire.ABSENT,
                        k == LifecycleKind.SETTLED ? WireMapping.seconds(e.tsMs()) : Wire.ABSENT,
                        k == LifecycleKind.ACTIVATED ? Boolean.FALSE : k == LifecycleKind.DEACTIVATED ? Boolean.TRUE : null,
                        null, null, null, null, null, null, null)));
    }

    /** After every exchange call: a {@code ticker} for each market whose ticker fields changed. */
    void afterCall() {
        if (touched.isEmpty()) {
            return;
        }
        for (String ticker : touched) {
            Optional<MarketState> found = exchange.findMarket(ticker);
            if (found.isEmpty()) {
                continue;
            }
            MarketState m = found.get();
            TickerKey key = TickerKey.of(m);
            if (key.equals(lastTicker.put(ticker, key))) {
                continue;
            }
            hub.publish(tickerMessage(m, marketId(ticker), exchange.now()));
        }
        touched.clear();
    }

    private static ChannelMessage tickerMessage(MarketState m, String marketId, long nowMs) {
        return new ChannelMessage(WsChannel.TICKER, m.ticker(), null, (owner, yesPrice) -> {
            long bid = m.bestBid() == MarketState.NO_PRICE ? 0 : m.bestBid();
            long ask = m.bestAsk() == MarketState.NO_PRICE ? FixedPoint.PRICE_ONE : m.bestAsk();
            long last = m.lastPrice() == MarketState.NO_PRICE ? 0 : m.lastPrice();
            return new Ticker(Wire.ABSENT, m.ticker(), marketId, last, bid, ask, m.bestBidSize(), m.bestAskSize(),
                    m.lastTradeSize(), m.volume(), m.openInterest(), m.volume() / FixedPoint.COUNT_ONE,
                    m.openInterest() / FixedPoint.COUNT_ONE, nowMs);
        });
    }

    // ------------------------------------------------------------------ MarketView

    @Override
    public boolean marketExists(String ticker) {
        return exchange.findMarket(ticker).isPresent();
    }

    @Override
    public ChannelMessage orderbookSnapshot(String ticker) {
        BookSnapshot book = exchange.book(ticker, 0).orElseThrow();
        String marketId = marketId(ticker);
        return new ChannelMessage(WsChannel.ORDERBOOK_DELTA, ticker, null, (owner, yesPrice) ->
                new OrderbookSnapshot(Wire.ABSENT, Wire.ABSENT, ticker, marketId, WireMapping.levels(book.yes()),
                        yesPrice ? WireMapping.levelsInYesPrice(book.no()) : WireMapping.levels(book.no())));
    }

    @Override
    public ChannelMessage tickerSnapshot(String ticker) {
        return exchange.findMarket(ticker).map(m -> tickerMessage(m, marketId(ticker), exchange.now())).orElse(null);
    }
}

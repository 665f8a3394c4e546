package io.kengine.feed.decode;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.model.OrderStatus;
import io.kengine.protocol.wire.model.OutcomeSide;
import io.kengine.protocol.wire.model.PriceLevel;
import io.kengine.protocol.event.MarketLifecycleEvent;
import io.kengine.protocol.wire.model.PriceRange;
import io.kengine.protocol.wire.ws.Fill;
import io.kengine.protocol.wire.ws.MarketLifecycleV2;
import io.kengine.protocol.wire.ws.OrderbookDelta;
import io.kengine.protocol.wire.ws.OrderbookSnapshot;
import io.kengine.protocol.wire.ws.Subscribed;
import io.kengine.protocol.wire.ws.SubscriptionList;
import io.kengine.protocol.wire.ws.Ticker;
import io.kengine.protocol.wire.ws.Trade;
import io.kengine.protocol.wire.ws.Unsubscribed;
import io.kengine.protocol.wire.ws.UpdateOk;
import io.kengine.protocol.wire.ws.UserOrder;
import io.kengine.protocol.wire.ws.WsError;
import io.kengine.protocol.wire.ws.WsMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Field-for-field comparison of a {@link DecodedFrame} with what the reference reader ({@code WsCodec})
 * read from the same bytes. Every field the decoder keeps is compared.
 */
final class Oracle {
    private Oracle() {
    }

    /** Null when they agree, else a list of the differing fields. */
    static String mismatch(WsMessage m, DecodedFrame f) {
        List<String> d = new ArrayList<>();
        if (m instanceof OrderbookSnapshot) {
            OrderbookSnapshot s = (OrderbookSnapshot) m;
            kind(d, f, FrameKind.ORDERBOOK_SNAPSHOT);
            eq(d, "sid", s.sid(), f.sid());
            eq(d, "seq", id(s.seq()), f.seq());
            eq(d, "ticker", s.marketTicker(), f.marketTicker().stringOrNull());
            eq(d, "market_id", s.marketId(), f.marketId().stringOrNull());
            eq(d, "yes", s.yes(), levels(f, true));
            eq(d, "no", s.no(), levels(f, false));
        } else if (m instanceof OrderbookDelta) {
            OrderbookDelta x = (OrderbookDelta) m;
            kind(d, f, FrameKind.ORDERBOOK_DELTA);
            eq(d, "sid", x.sid(), f.sid());
            eq(d, "seq", id(x.seq()), f.seq());
            eq(d, "ticker", x.marketTicker(), f.marketTicker().stringOrNull());
            eq(d, "market_id", x.marketId(), f.marketId().stringOrNull());
            eq(d, "price", x.price(), f.price());
            eq(d, "delta", x.delta(), f.delta());
            eq(d, "side", x.side() == OutcomeSide.YES ? Codes.BOOK_YES : Codes.BOOK_NO, f.bookSide());
            eq(d, "own", x.clientOrderId() != null, f.ownOrder());
            eq(d, "ts", x.tsMs(), f.tsMs());
        } else if (m instanceof Ticker) {
            Ticker t = (Ticker) m;
            kind(d, f, FrameKind.TICKER);
            eq(d, "sid", t.sid(), f.sid());
            eq(d, "seq", -1L, f.seq());
            eq(d, "ticker", t.marketTicker(), f.marketTicker().stringOrNull());
            eq(d, "market_id", t.marketId(), f.marketId().stringOrNull());
            eq(d, "price", t.price(), f.lastPrice());
            eq(d, "yes_bid", t.yesBid(), f.yesBid());
            eq(d, "yes_ask", t.yesAsk(), f.yesAsk());
            eq(d, "yes_bid_size", t.yesBidSize(), f.yesBidSize());
            eq(d, "yes_ask_size", t.yesAskSize(), f.yesAskSize());
            eq(d, "last_trade_size", t.lastTradeSize(), f.lastTradeSize());
            eq(d, "volume", t.volume(), f.volume());
            eq(d, "open_interest", t.openInterest(), f.openInterest());
            eq(d, "dollar_volume", t.dollarVolume(), f.dollarVolume());
            eq(d, "dollar_open_interest", t.dollarOpenInterest(), f.dollarOpenInterest());
            eq(d, "ts", t.tsMs(), f.tsMs());
        } else if (m instanceof Trade) {
            Trade t = (Trade) m;
            kind(d, f, FrameKind.TRADE);
            eq(d, "sid", t.sid(), f.sid());
            eq(d, "trade_id", t.tradeId(), f.tradeId().stringOrNull());
            eq(d, "ticker", t.marketTicker(), f.marketTicker().stringOrNull());
            eq(d, "yes_price", t.yesPrice(), f.price());
            eq(d, "count", t.count(), f.count());
            eq(d, "taker", t.takerOutcomeSide() == null ? 0 : t.takerOutcomeSide() == OutcomeSide.YES
                    ? Codes.TAKER_YES : Codes.TAKER_NO, f.takerSide());
            eq(d, "ts", t.tsMs(), f.tsMs());
        } else if (m instanceof Fill) {
            Fill x = (Fill) m;
            kind(d, f, FrameKind.FILL);
            eq(d, "sid", x.sid(), f.sid());
            eq(d, "trade_id", x.tradeId(), f.tradeId().stringOrNull());
            eq(d, "order_id", x.orderId(), f.orderId().stringOrNull());
            eq(d, "ticker", x.marketTicker(), f.marketTicker().stringOrNull());
            eq(d, "is_taker", x.isTaker(), f.isTaker());
            eq(d, "side", side(x.outcomeSide()), f.orderSide());
            eq(d, "yes_price", x.yesPrice(), f.price());
            eq(d, "count", x.count(), f.count());
            eq(d, "fee", x.feeCost(), f.fee());
            eq(d, "post_position", x.postPosition(), f.postPosition());
            eq(d, "client_order_id", x.clientOrderId(), f.clientOrderId().stringOrNull());
            eq(d, "ts", x.tsMs(), f.tsMs());
        } else if (m instanceof UserOrder) {
            UserOrder u = (UserOrder) m;
            kind(d, f, FrameKind.USER_ORDER);
            eq(d, "sid", u.sid(), f.sid());
            eq(d, "order_id", u.orderId(), f.orderId().stringOrNull());
            eq(d, "ticker", u.ticker(), f.marketTicker().stringOrNull());
            eq(d, "status", status(u.status()), f.status());
            eq(d, "side", side(u.outcomeSide()), f.orderSide());
            eq(d, "yes_price", u.yesPrice(), f.price());
            eq(d, "filled", u.fillCount(), f.filled());
            eq(d, "remaining", u.remainingCount(), f.remaining());
            eq(d, "initial", u.initialCount(), f.initialCount());
            eq(d, "client_order_id", u.clientOrderId(), f.clientOrderId().stringOrNull());
            eq(d, "created", u.createdTsMs(), f.createdTsMs());
            eq(d, "last_updated", u.lastUpdatedTsMs(), f.lastUpdatedTsMs());
            eq(d, "expiration", u.expirationTsMs(), f.expirationTsMs());
        } else if (m instanceof MarketLifecycleV2) {
            MarketLifecycleV2 l = (MarketLifecycleV2) m;
            kind(d, f, FrameKind.MARKET_LIFECYCLE);
            eq(d, "sid", l.sid(), f.sid());
            eq(d, "seq", -1L, f.seq());
            eq(d, "ticker", l.marketTicker(), f.marketTicker().stringOrNull());
            eq(d, "event_type", l.eventType(), f.eventType().stringOrNull());
            eq(d, "lifecycle_type", lifecycleType(l.eventType()), f.lifecycleType());
            eq(d, "open_ts", millis(l.openTsSec()), f.openTimeMs());
            eq(d, "close_ts", millis(l.closeTsSec()), f.closeTimeMs());
            eq(d, "result", result(l.result()), f.result());
            eq(d, "determination_ts", millis(l.determinationTsSec()), f.determinationTimeMs());
            eq(d, "settlement_value", l.settlementValue(), f.settlementValue());
            eq(d, "settled_ts", millis(l.settledTsSec()), f.settledTimeMs());
            eq(d, "is_deactivated", l.isDeactivated() == null ? -1 : l.isDeactivated() ? 1 : 0, f.deactivated());
            eq(d, "price_ranges", l.priceRanges() == null ? List.of() : l.priceRanges(), ranges(f));
        } else if (m instanceof Subscribed) {
            Subscribed s = (Subscribed) m;
            control(d, f, ControlType.SUBSCRIBED);
            eq(d, "id", id(s.id()), f.id());
            eq(d, "channel", s.channel(), f.channel().stringOrNull());
            eq(d, "sid", s.sid(), f.sid());
        } else if (m instanceof Unsubscribed) {
            Unsubscribed u = (Unsubscribed) m;
            control(d, f, ControlType.UNSUBSCRIBED);
            eq(d, "id", id(u.id()), f.id());
            eq(d, "sid", u.sid(), f.sid());
            eq(d, "seq", id(u.seq()), f.seq());
        } else if (m instanceof UpdateOk) {
            UpdateOk u = (UpdateOk) m;
            control(d, f, ControlType.OK);
            eq(d, "id", id(u.id()), f.id());
            eq(d, "sid", id(u.sid()), f.sid());
            eq(d, "seq", id(u.seq()), f.seq());
        } else if (m instanceof SubscriptionList) {
            control(d, f, ControlType.LIST);
            eq(d, "id", id(((SubscriptionList) m).id()), f.id());
        } else if (m instanceof WsError) {
            WsError e = (WsError) m;
            control(d, f, ControlType.ERROR);
            eq(d, "id", id(e.id()), f.id());
            eq(d, "code", e.code(), f.errorCode());
            eq(d, "ticker", e.marketTicker(), f.marketTicker().stringOrNull());
            eq(d, "market_id", e.marketId(), f.marketId().stringOrNull());
        } else {
            kind(d, f, FrameKind.UNKNOWN);
        }
        return d.isEmpty() ? null : m.type() + " differs: " + d;
    }

    private static long id(long wire) {
        return wire == Wire.ABSENT ? -1 : wire;
    }

    private static long millis(long seconds) {
        return seconds == Wire.ABSENT ? DecodedFrame.ABSENT : seconds * 1000;
    }

    /** The decoder's lifecycle type for an event_type string: MarketLifecycleEvent's kinds, then its own. */
    static byte lifecycleType(String t) {
        switch (t) {
            case MarketLifecycleV2.CREATED: return MarketLifecycleEvent.CREATED;
            case MarketLifecycleV2.ACTIVATED: return MarketLifecycleEvent.ACTIVATED;
            case MarketLifecycleV2.DEACTIVATED: return MarketLifecycleEvent.DEACTIVATED;
            case MarketLifecycleV2.CLOSE_DATE_UPDATED: return MarketLifecycleEvent.CLOSE_DATE_UPDATED;
            case MarketLifecycleV2.DETERMINED: return MarketLifecycleEvent.DETERMINED;
            case MarketLifecycleV2.SETTLED: return MarketLifecycleEvent.SETTLED;
            case MarketLifecycleV2.PRICE_LEVEL_STRUCTURE_UPDATED: return DecodedFrame.LIFECYCLE_PRICE_LEVEL_STRUCTURE_UPDATED;
            case MarketLifecycleV2.METADATA_UPDATED: return DecodedFrame.LIFECYCLE_METADATA_UPDATED;
            default: return DecodedFrame.LIFECYCLE_OTHER;
        }
    }

    /** Null and "" are no result; an unknown result never gets here (the decoder refuses it). */
    static byte result(String r) {
        if (r == null) {
            return MarketLifecycleEvent.RESULT_NONE;
        }
        switch (r) {
            case "yes": return MarketLifecycleEvent.RESULT_YES;
            case "no": return MarketLifecycleEvent.RESULT_NO;
            case "scalar": return MarketLifecycleEvent.RESULT_SCALAR;
            case "": return MarketLifecycleEvent.RESULT_NONE;
            default: return -1;
        }
    }

    static List<PriceRange> ranges(DecodedFrame f) {
        List<PriceRange> l = new ArrayList<>();
        for (int i = 0; i < f.priceRangeCount(); i++) {
            l.add(new PriceRange(f.rangeStart(i), f.rangeEnd(i), f.rangeStep(i)));
        }
        return l;
    }

    private static byte side(OutcomeSide o) {
        return o == null ? 0 : o == OutcomeSide.YES ? Codes.BID : Codes.ASK;
    }

    private static byte status(OrderStatus s) {
        switch (s) {
            case RESTING: return DecodedFrame.STATUS_RESTING;
            case CANCELED: return DecodedFrame.STATUS_CANCELED;
            case EXECUTED: return DecodedFrame.STATUS_EXECUTED;
            default: return DecodedFrame.STATUS_PENDING;
        }
    }

    static List<PriceLevel> levels(DecodedFrame f, boolean yes) {
        List<PriceLevel> l = new ArrayList<>();
        int n = yes ? f.yesCount() : f.noCount();
        for (int i = 0; i < n; i++) {
            l.add(yes ? new PriceLevel(f.yesPrice(i), f.yesQuantity(i)) : new PriceLevel(f.noPrice(i), f.noQuantity(i)));
        }
        return l;
    }

    private static void kind(List<String> d, DecodedFrame f, FrameKind want) {
        if (f.kind() != want) {
            d.add("kind " + want + " != " + f);
        }
    }

    private static void control(List<String> d, DecodedFrame f, ControlType want) {
        kind(d, f, FrameKind.CONTROL);
        if (f.controlType() != want) {
            d.add("control " + want + " != " + f.controlType());
        }
    }

    private static void eq(List<String> d, String field, Object want, Object got) {
        if (!Objects.equals(want, got)) {
            d.add(field + ": reference " + want + ", decoder " + got);
        }
    }

    private static void eq(List<String> d, String field, long want, long got) {
        if (want != got) {
            d.add(field + ": reference " + want + ", decoder " + got);
        }
    }
}

package io.kengine.feed.connection;

import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.MarketLifecycleEvent;
import io.kengine.protocol.event.TickerEvent;
import io.kengine.protocol.event.TradeEvent;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.wire.WireFormatException;
import io.kengine.protocol.wire.model.OutcomeSide;
import io.kengine.protocol.wire.model.PriceLevel;
import io.kengine.protocol.wire.ws.Fill;
import io.kengine.protocol.wire.ws.MarketLifecycleV2;
import io.kengine.protocol.wire.ws.OrderbookDelta;
import io.kengine.protocol.wire.ws.OrderbookSnapshot;
import io.kengine.protocol.wire.ws.SubscriptionList;
import io.kengine.protocol.wire.ws.Subscribed;
import io.kengine.protocol.wire.ws.Ticker;
import io.kengine.protocol.wire.ws.Trade;
import io.kengine.protocol.wire.ws.Unsubscribed;
import io.kengine.protocol.wire.ws.UpdateOk;
import io.kengine.protocol.wire.ws.UserOrder;
import io.kengine.protocol.wire.ws.WsCodec;
import io.kengine.protocol.wire.ws.WsError;
import io.kengine.protocol.wire.ws.WsMessage;
import org.agrona.DirectBuffer;

import java.util.List;

/**
 * A stand-in decoder on top of protocol's {@link WsCodec} (a small tree per frame: allocates). It exists so
 * the connection logic can be built and tested before the zero-allocation decoder of
 * {@code io.kengine.feed.decode} is wired in. Publishes books (snapshots, deltas), tickers, trades and
 * lifecycle events; fills and user orders are classified as data but not turned into events here.
 */
public final class WsCodecFrameSink implements FrameSink {
    private static final long NONE = Long.MIN_VALUE;

    private final MarketRegistry markets;
    private final BookEvents bookEvents = new BookEvents();
    private final BookDeltaEvent delta = new BookDeltaEvent();
    private final TickerEvent ticker = new TickerEvent();
    private final TradeEvent trade = new TradeEvent();
    private final MarketLifecycleEvent lifecycle = new MarketLifecycleEvent();
    private byte[] scratch = new byte[4096];
    private long[] yesP = new long[64];
    private long[] yesQ = new long[64];
    private long[] noP = new long[64];
    private long[] noQ = new long[64];

    private WsMessage message;
    private long sid;
    private long seq;
    private int marketId;

    public WsCodecFrameSink(MarketRegistry markets) {
        this.markets = markets;
    }

    @Override
    public int decode(DirectBuffer buffer, int offset, int length) {
        message = null;
        sid = NONE;
        seq = NONE;
        marketId = MarketRegistry.UNKNOWN;
        if (scratch.length < length) {
            scratch = new byte[Math.max(length, scratch.length * 2)];
        }
        buffer.getBytes(offset, scratch, 0, length);
        WsMessage m;
        try {
            m = WsCodec.readMessage(scratch, 0, length);
        } catch (WireFormatException | IllegalArgumentException e) {
            return FrameCategory.MALFORMED;
        }
        message = m;
        if (m instanceof OrderbookSnapshot) {
            OrderbookSnapshot s = (OrderbookSnapshot) m;
            return data(FrameCategory.SNAPSHOT, s.sid(), s.seq(), s.marketTicker());
        }
        if (m instanceof OrderbookDelta) {
            OrderbookDelta d = (OrderbookDelta) m;
            return data(FrameCategory.DELTA, d.sid(), d.seq(), d.marketTicker());
        }
        if (m instanceof Ticker) {
            Ticker t = (Ticker) m;
            return data(FrameCategory.DATA, t.sid(), NONE, t.marketTicker());
        }
        if (m instanceof Trade) {
            Trade t = (Trade) m;
            return data(FrameCategory.DATA, t.sid(), NONE, t.marketTicker());
        }
        if (m instanceof Fill) {
            Fill f = (Fill) m;
            return data(FrameCategory.DATA, f.sid(), NONE, f.marketTicker());
        }
        if (m instanceof UserOrder) {
            UserOrder u = (UserOrder) m;
            return data(FrameCategory.DATA, u.sid(), NONE, u.ticker());
        }
        if (m instanceof MarketLifecycleV2) {
            MarketLifecycleV2 l = (MarketLifecycleV2) m;
            return data(FrameCategory.LIFECYCLE, l.sid(), NONE, l.marketTicker());
        }
        if (m instanceof Subscribed || m instanceof UpdateOk || m instanceof Unsubscribed || m instanceof WsError
                || m instanceof SubscriptionList) {
            return FrameCategory.CONTROL;
        }
        return FrameCategory.UNKNOWN;
    }

    private int data(int kind, long sid, long seq, String tickerName) {
        this.sid = sid;
        this.seq = seq;
        this.marketId = markets.id(tickerName);
        return kind;
    }

    @Override
    public long sid() {
        return sid;
    }

    @Override
    public long seq() {
        return seq;
    }

    @Override
    public int marketId() {
        return marketId;
    }

    @Override
    public int publish(EventPublisher publisher, int source) {
        if (marketId == MarketRegistry.UNKNOWN) {
            return 0;
        }
        WsMessage m = message;
        if (m instanceof OrderbookSnapshot) {
            OrderbookSnapshot s = (OrderbookSnapshot) m;
            int ny = copy(s.yes(), true);
            int nn = copy(s.no(), false);
            return bookEvents.publishSnapshot(publisher, marketId, source, sid, seq, yesP, yesQ, ny, noP, noQ, nn);
        }
        if (m instanceof OrderbookDelta) {
            OrderbookDelta d = (OrderbookDelta) m;
            delta.wrapForEncode(publisher.claim(), 0, marketId, source)
                    .subscriptionId(sid).exchangeSeq(seq).price(d.price()).delta(d.delta())
                    .exchangeTimeMs(d.tsMs())
                    .side(d.side() == OutcomeSide.YES ? Codes.BOOK_YES : Codes.BOOK_NO)
                    .ownOrder(d.clientOrderId() != null);
            publisher.publish();
            return 1;
        }
        if (m instanceof Ticker) {
            Ticker t = (Ticker) m;
            ticker.wrapForEncode(publisher.claim(), 0, marketId, source)
                    .yesBid(t.yesBid()).yesAsk(t.yesAsk()).lastPrice(t.price()).yesBidSize(t.yesBidSize())
                    .yesAskSize(t.yesAskSize()).volume(t.volume()).openInterest(t.openInterest())
                    .exchangeTimeMs(t.tsMs());
            publisher.publish();
            return 1;
        }
        if (m instanceof Trade) {
            Trade t = (Trade) m;
            trade.wrapForEncode(publisher.claim(), 0, marketId, source)
                    .yesPrice(t.yesPrice()).count(t.count()).exchangeTimeMs(t.tsMs())
                    .takerSide(t.takerOutcomeSide() == OutcomeSide.NO ? Codes.TAKER_NO : Codes.TAKER_YES);
            if (t.tradeId() != null && t.tradeId().length() < TradeEvent.ID_CAPACITY) {
                trade.tradeId(t.tradeId());
            }
            publisher.publish();
            return 1;
        }
        if (m instanceof MarketLifecycleV2) {
            return publishLifecycle((MarketLifecycleV2) m, publisher, source);
        }
        return 0;
    }

    private int publishLifecycle(MarketLifecycleV2 l, EventPublisher publisher, int source) {
        byte kind;
        switch (l.eventType()) {
            case MarketLifecycleV2.CREATED: kind = MarketLifecycleEvent.CREATED; break;
            case MarketLifecycleV2.ACTIVATED: kind = MarketLifecycleEvent.ACTIVATED; break;
            case MarketLifecycleV2.DEACTIVATED: kind = MarketLifecycleEvent.DEACTIVATED; break;
            case MarketLifecycleV2.CLOSE_DATE_UPDATED: kind = MarketLifecycleEvent.CLOSE_DATE_UPDATED; break;
            case MarketLifecycleV2.DETERMINED: kind = MarketLifecycleEvent.DETERMINED; break;
            case MarketLifecycleV2.SETTLED: kind = MarketLifecycleEvent.SETTLED; break;
            default: return 0;
        }
        byte result = l.result() == null ? MarketLifecycleEvent.RESULT_NONE : switch (l.result()) {
            case "yes" -> MarketLifecycleEvent.RESULT_YES;
            case "no" -> MarketLifecycleEvent.RESULT_NO;
            case "scalar" -> MarketLifecycleEvent.RESULT_SCALAR;
            default -> MarketLifecycleEvent.RESULT_NONE;
        };
        long exchangeSeconds = l.settledTsSec() != NONE ? l.settledTsSec() : l.determinationTsSec();
        lifecycle.wrapForEncode(publisher.claim(), 0, marketId, source)
                .kind(kind).result(result).openTimeMs(millis(l.openTsSec())).closeTimeMs(millis(l.closeTsSec()))
                .settlementValue(l.settlementValue()).exchangeTimeMs(millis(exchangeSeconds));
        publisher.publish();
        return 1;
    }

    private static long millis(long seconds) {
        return seconds == NONE ? NONE : seconds * 1000; // NONE = Wire.ABSENT = the flyweight's null
    }

    private int copy(List<PriceLevel> levels, boolean yes) {
        int n = levels.size();
        if (yes && yesP.length < n) {
            yesP = new long[n];
            yesQ = new long[n];
        } else if (!yes && noP.length < n) {
            noP = new long[n];
            noQ = new long[n];
        }
        long[] p = yes ? yesP : noP;
        long[] q = yes ? yesQ : noQ;
        for (int i = 0; i < n; i++) {
            p[i] = levels.get(i).price();
            q[i] = levels.get(i).count();
        }
        return n;
    }
}

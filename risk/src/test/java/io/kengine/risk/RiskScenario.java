package io.kengine.risk;

import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.event.MarketLifecycleEvent;
import io.kengine.protocol.event.OperatorCommandEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.event.TimerEvent;
import io.kengine.protocol.stage.BasketNote;
import io.kengine.protocol.stage.BookFeaturesNote;
import io.kengine.protocol.stage.BookTrust;
import io.kengine.protocol.stage.DecisionKind;
import io.kengine.protocol.stage.DecisionNote;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.protocol.stage.Regime;
import io.kengine.protocol.stage.TopOfBookNote;

import java.util.ArrayList;
import java.util.List;

/**
 * Drives a {@link RiskStage} (or any stage) with hand-built events as the ring would deliver them: the
 * book stage's notes, pricing's wanted quote, fills, replies, operator commands, config. Event time
 * advances only when told. Every event's approved quote and RISK decisions are captured, so a test (or
 * the lead's end-to-end harness) reads what risk did. Reusable: plain objects, no threads, no clock.
 */
public final class RiskScenario {
    public static final long START_NANOS = 1_795_244_400_000_000_000L; // 2026-11-21T…Z
    public static final long FAR_CLOSE_MS = START_NANOS / 1_000_000 + 30L * 86_400_000;

    /** One decision risk journaled. */
    public record Decision(long atNanos, int kind, int reason, int market, long value1, long value2) {
        @Override
        public String toString() {
            return DecisionKind.name(kind) + "(" + QuoteReason.name(reason) + ", m=" + market + ", " + value1 + ", " + value2 + ")";
        }
    }

    /** The approved quote risk wrote on one event (RISK region), or absent. */
    public record Approved(int market, int flags, long bidPrice, long bidQty, int bidReason, long askPrice, long askQty,
                           int askReason) {
        public boolean present() { return (flags & QuoteNote.FLAG_PRESENT) != 0; }
        public boolean pull() { return (flags & QuoteNote.FLAG_PULL) != 0; }
    }

    private final RiskStage stage;
    private final EventSlot slot = new EventSlot();
    private final QuoteNote note = new QuoteNote();
    private final DecisionNote decisionNote = new DecisionNote();
    private final List<Decision> decisions = new ArrayList<>();
    private final long[] bid = new long[RiskStage.MAX_MARKETS];
    private final long[] ask = new long[RiskStage.MAX_MARKETS];
    private final boolean[] trusted = new boolean[RiskStage.MAX_MARKETS];
    private long now = START_NANOS;
    private long seq;
    private long tradeIds;
    private Approved last;

    public RiskScenario(RiskStage stage) {
        this.stage = stage;
    }

    public RiskScenario() {
        this(new RiskStage());
    }

    public RiskStage stage() { return stage; }
    public long now() { return now; }
    public Approved last() { return last; }
    public List<Decision> decisions() { return decisions; }

    public List<Decision> decisions(int kind) {
        List<Decision> out = new ArrayList<>();
        for (Decision d : decisions) {
            if (d.kind() == kind) {
                out.add(d);
            }
        }
        return out;
    }

    public RiskScenario advanceMs(long ms) {
        now += ms * 1_000_000L;
        return this;
    }

    public RiskScenario config(String key, String value) {
        begin();
        new ConfigChangeEvent().wrapForEncode(slot.event(), 0, EventSource.ENGINE).key(key).value(value);
        return send(EventHeader.NO_MARKET);
    }

    /** An open market of an event, closing in 30 days, tick $0.01. */
    public RiskScenario define(int m, String ticker, String event, String series) {
        return define(m, ticker, event, series, Codes.STATUS_OPEN, FAR_CLOSE_MS);
    }

    public RiskScenario define(int m, String ticker, String event, String series, byte status, long closeMs) {
        begin();
        new MarketDefinitionEvent().wrapForEncode(slot.event(), 0, m, EventSource.FEED).ticker(ticker).eventTicker(event)
            .seriesTicker(series).status(status).closeTimeMs(closeMs).openTimeMs(START_NANOS / 1_000_000 - 86_400_000)
            .addPriceRange(0, 10_000, 100);
        return send(m);
    }

    /** A book update for the market: new top, trusted or not. */
    public RiskScenario book(int m, long bestBid, long bestAsk, boolean isTrusted) {
        bid[m] = bestBid;
        ask[m] = bestAsk;
        trusted[m] = isTrusted;
        begin();
        new BookDeltaEvent().wrapForEncode(slot.event(), 0, m, EventSource.FEED).side(Codes.BOOK_YES).price(bestBid).delta(100);
        writeBook(m);
        return send(m);
    }

    public RiskScenario book(int m, long bestBid, long bestAsk) {
        return book(m, bestBid, bestAsk, true);
    }

    /** Pricing wants this quote (on a book event of the market, with the last top of book). */
    public RiskScenario quote(int m, long bidPrice, long bidQty, long askPrice, long askQty, long fair, int regime) {
        begin();
        new BookDeltaEvent().wrapForEncode(slot.event(), 0, m, EventSource.FEED).side(Codes.BOOK_YES).price(bid[m]).delta(1);
        writeBook(m);
        QuoteNote q = new QuoteNote().wrap(slot, QuoteNote.PRICING);
        q.set(m, QuoteNote.FLAG_PRESENT, bidPrice, bidQty, bidQty > 0 ? QuoteReason.QUOTED : QuoteReason.NO_EDGE,
            askPrice, askQty, askQty > 0 ? QuoteReason.QUOTED : QuoteReason.NO_EDGE, fair);
        q.meta(regime, 0);
        return send(m);
    }

    public RiskScenario quote(int m, long bidPrice, long bidQty, long askPrice, long askQty) {
        return quote(m, bidPrice, bidQty, askPrice, askQty, (bidPrice + askPrice) / 2, Regime.CALM);
    }

    /** A basket pricing proposes: legs as {market, side, price, qty}. */
    public BasketNote basket(long groupId, long[]... legs) {
        begin();
        new TimerEvent().wrapForEncode(slot.event(), 0, EventSource.TIMER);
        BasketNote b = new BasketNote().wrap(slot);
        b.propose(groupId, 1, 100);
        for (long[] l : legs) {
            b.addLeg((int) l[0], (byte) l[1], l[2], l[3], (byte) 2);
        }
        send(EventHeader.NO_MARKET);
        return b;
    }

    public RiskScenario fill(int m, byte side, long price, long qty, boolean taker) {
        return fill(m, side, price, qty, taker, "T" + (++tradeIds));
    }

    public RiskScenario fill(int m, byte side, long price, long qty, boolean taker, String tradeId) {
        begin();
        new FillEvent().wrapForEncode(slot.event(), 0, m, EventSource.FEED).side(side).price(price).count(qty)
            .isTaker(taker).tradeId(tradeId);
        return send(m);
    }

    public RiskScenario reply(int m, byte type, String reason) {
        begin();
        new OrderReplyEvent().wrapForEncode(slot.event(), 0, m, EventSource.GATEWAY).replyType(type).reason(reason)
            .httpStatus((short) (type == OrderReplyEvent.REJECTED ? 500 : 201));
        return send(m);
    }

    public RiskScenario command(byte command, int market) {
        begin();
        new OperatorCommandEvent().wrapForEncode(slot.event(), 0, market, EventSource.OPERATOR).command(command);
        return send(market);
    }

    public RiskScenario lifecycle(int m, byte kind, byte result) {
        begin();
        new MarketLifecycleEvent().wrapForEncode(slot.event(), 0, m, EventSource.FEED).kind(kind).result(result);
        return send(m);
    }

    public RiskScenario timer() {
        begin();
        new TimerEvent().wrapForEncode(slot.event(), 0, EventSource.TIMER).scheduledAtNanos(now);
        return send(EventHeader.NO_MARKET);
    }

    private void begin() {
        slot.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0);
        new TopOfBookNote().wrap(slot).clear();
        new BookFeaturesNote().wrap(slot).clear();
        new QuoteNote().wrap(slot, QuoteNote.PRICING).clear();
        new BasketNote().wrap(slot).clear();
    }

    private void writeBook(int m) {
        int flags = TopOfBookNote.FLAG_VALID | (trusted[m] ? TopOfBookNote.FLAG_TRUSTED : 0);
        new TopOfBookNote().wrap(slot).set(m, flags, bid[m], 1000, ask[m], 1000, 100);
        new BookFeaturesNote().wrap(slot).set(m, trusted[m] ? BookTrust.TRUSTED : BookTrust.STALE, now,
            (bid[m] + ask[m]) / 2, (bid[m] + ask[m]) / 2, 0, 0, 0, 0, 60_000);
    }

    private RiskScenario send(int market) {
        EventHeader.sequence(slot.event(), 0, ++seq);
        EventHeader.timestampNanos(slot.event(), 0, now);
        stage.onEvent(slot, true);
        note.wrap(slot, QuoteNote.RISK);
        last = note.isPresent()
            ? new Approved(note.marketId(), note.flags(), note.bidPrice(), note.bidQty(), note.bidReason(), note.askPrice(),
                note.askQty(), note.askReason())
            : null;
        decisionNote.wrap(slot, DecisionNote.RISK);
        for (int i = 0; i < decisionNote.count(); i++) {
            decisions.add(new Decision(now, decisionNote.kind(i), decisionNote.reason(i), decisionNote.marketId(i),
                decisionNote.value1(i), decisionNote.value2(i)));
        }
        return this;
    }

    /** The slot of the last event (to read notes directly). */
    public EventSlot slot() { return slot; }
}

package io.kengine.pricing;

import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.FairValueEvent;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.event.MarketLifecycleEvent;
import io.kengine.protocol.event.TimerEvent;
import io.kengine.protocol.event.TradeEvent;
import io.kengine.protocol.stage.BasketNote;
import io.kengine.protocol.stage.BookFeaturesNote;
import io.kengine.protocol.stage.BookTrust;
import io.kengine.protocol.stage.DecisionNote;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.Stage;
import io.kengine.protocol.stage.TopOfBookNote;

/**
 * Hand-built events for a pricing stage: each method writes one event (and, for books, the book
 * stage's notes as it would write them) into one slot and runs the stage on it. Time moves only when
 * a test says so.
 */
final class Slots {
    static final long T0 = 1_790_000_000_000_000_000L;
    static final int LIVE = TopOfBookNote.FLAG_VALID | TopOfBookNote.FLAG_TRUSTED | TopOfBookNote.FLAG_CHANGED;

    final EventSlot slot = new EventSlot();
    final QuoteNote quote = new QuoteNote().wrap(slot, QuoteNote.PRICING);
    final DecisionNote decisions = new DecisionNote().wrap(slot, DecisionNote.PRICING);
    final BasketNote basket = new BasketNote().wrap(slot);
    private final Stage stage;
    long now = T0;
    long sequence;

    Slots(Stage stage) {
        this.stage = stage;
    }

    Slots at(long nanos) {
        now = nanos;
        return this;
    }

    Slots advanceMs(long ms) {
        now += ms * 1_000_000L;
        return this;
    }

    private void run() {
        EventHeader.timestampNanos(slot.event(), 0, now);
        EventHeader.sequence(slot.event(), 0, ++sequence);
        stage.onEvent(slot, true);
    }

    /** A trusted two-sided book (features for the same market: trusted, microprice = mid, no imbalance). */
    void book(int m, long bid, long ask) {
        book(m, bid, 1000, ask, 1000, 100);
    }

    void book(int m, long bid, long bidQty, long ask, long askQty, long tick) {
        long mid = bid >= 0 && ask >= 0 ? (bid + ask) / 2 : BookFeaturesNote.NO_VALUE;
        book(m, LIVE, bid, bidQty, ask, askQty, tick, BookTrust.TRUSTED, mid, 0, 0, 0);
    }

    void book(int m, int flags, long bid, long bidQty, long ask, long askQty, long tick, BookTrust trust,
              long microprice, long imbalanceDepthBps, long volatility, long tradeIntensity) {
        new BookDeltaEvent().wrapForEncode(slot.event(), 0, m, EventSource.FEED).side(Codes.BOOK_YES).price(Math.max(0, bid)).delta(1);
        writeNotes(m, flags, bid, bidQty, ask, askQty, tick, trust, microprice, imbalanceDepthBps, volatility, tradeIntensity);
        run();
    }

    private void writeNotes(int m, int flags, long bid, long bidQty, long ask, long askQty, long tick, BookTrust trust,
                            long microprice, long imbalanceDepthBps, long volatility, long tradeIntensity) {
        new TopOfBookNote().wrap(slot).set(m, flags, bid, bidQty, ask, askQty, tick);
        long mid = bid >= 0 && ask >= 0 ? (bid + ask) / 2 : BookFeaturesNote.NO_VALUE;
        new BookFeaturesNote().wrap(slot).set(m, trust, now, mid, microprice, imbalanceDepthBps, imbalanceDepthBps,
            volatility, tradeIntensity, BookFeaturesNote.NO_VALUE);
    }

    void define(int m, String ticker, String event, String series, long closeTimeMs, long[]... ranges) {
        MarketDefinitionEvent d = new MarketDefinitionEvent().wrapForEncode(slot.event(), 0, m, EventSource.FEED)
            .status(Codes.STATUS_OPEN).ticker(ticker).eventTicker(event).seriesTicker(series).closeTimeMs(closeTimeMs)
            .fractionalTrading(true);
        if (ranges.length == 0) {
            d.addPriceRange(0, 10_000, 100);
        }
        for (long[] r : ranges) {
            d.addPriceRange(r[0], r[1], r[2]);
        }
        clearNotes();
        run();
    }

    void define(int m, String ticker) {
        define(m, ticker, "", "", 0);
    }

    void config(String key, String value) {
        new ConfigChangeEvent().wrapForEncode(slot.event(), 0, EventSource.ENGINE).key(key).value(value);
        clearNotes();
        run();
    }

    void fill(int m, byte side, long count, long postPosition) {
        fill(m, side, count, postPosition, "");
    }

    /** A fill with the exchange's trade id ("" = none). */
    void fill(int m, byte side, long count, long postPosition, String tradeId) {
        FillEvent f = new FillEvent().wrapForEncode(slot.event(), 0, m, EventSource.GATEWAY).side(side).count(count).price(5000)
            .tradeId(tradeId);
        if (postPosition != Long.MIN_VALUE) {
            f.postPosition(postPosition);
        }
        clearNotes();
        run();
    }

    void position(int m, long position) {
        fill(m, Codes.BID, 0, position);
    }

    void fairValue(int m, long price, int confidenceBps, long lifetimeMs) {
        new FairValueEvent().wrapForEncode(slot.event(), 0, m, EventSource.FAIR_VALUE).fairPrice(price)
            .confidenceBps(confidenceBps).expiresAtNanos(now + lifetimeMs * 1_000_000L)
            .sourceKind(FairValueEvent.SOURCE_MODEL).sourceName("test-v1");
        clearNotes();
        run();
    }

    void trade(int m, byte takerSide, long count) {
        new TradeEvent().wrapForEncode(slot.event(), 0, m, EventSource.FEED).takerSide(takerSide).count(count).yesPrice(5000);
        // the book stage writes the notes for a trade of a known market, CHANGED only on a trust change
        new TopOfBookNote().wrap(slot).clear();
        new BookFeaturesNote().wrap(slot).clear();
        run();
    }

    void timer() {
        new TimerEvent().wrapForEncode(slot.event(), 0, EventSource.TIMER);
        clearNotes();
        run();
    }

    void lifecycle(int m, byte kind) {
        new MarketLifecycleEvent().wrapForEncode(slot.event(), 0, m, EventSource.FEED).kind(kind);
        clearNotes();
        run();
    }

    private void clearNotes() {
        new TopOfBookNote().wrap(slot).clear();
        new BookFeaturesNote().wrap(slot).clear();
    }

    /** True when the pricing decisions of this event include one of the kind. */
    boolean decided(int kind) {
        for (int i = 0; i < decisions.count(); i++) {
            if (decisions.kind(i) == kind) {
                return true;
            }
        }
        return false;
    }

    int decisionIndex(int kind) {
        for (int i = 0; i < decisions.count(); i++) {
            if (decisions.kind(i) == kind) {
                return i;
            }
        }
        return -1;
    }
}

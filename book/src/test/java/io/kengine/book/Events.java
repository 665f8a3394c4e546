package io.kengine.book;

import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.event.TickerEvent;
import io.kengine.protocol.event.TimerEvent;
import io.kengine.protocol.event.TradeEvent;
import io.kengine.protocol.stage.EventSlot;
import org.agrona.MutableDirectBuffer;

/** Hand-built events encoded into a slot, the way the ring hands them to stages (the slot is reused). */
final class Events {
    static final long[] CENT = {0, 10_000, 100};
    static final long[] TAPERED = {0, 1_000, 10, 1_000, 9_000, 100, 9_000, 10_000, 10};
    static final long[] SUBPENNY = {0, 10_000, 1};
    /** Covers only part of [0, 1]: prices outside it are off the grid. */
    static final long[] PARTIAL = {500, 9_500, 50};

    private final MarketDefinitionEvent definition = new MarketDefinitionEvent();
    private final BookSnapshotEvent snapshot = new BookSnapshotEvent();
    private final BookDeltaEvent delta = new BookDeltaEvent();
    private final TradeEvent trade = new TradeEvent();
    private final FillEvent fill = new FillEvent();
    private final TickerEvent ticker = new TickerEvent();
    private final TimerEvent timer = new TimerEvent();
    private final EventSlot slot;
    private long sequence;
    private long nanos;
    private int source = EventSource.FEED;

    Events() {
        this(new EventSlot());
    }

    Events(EventSlot slot) {
        this.slot = slot;
    }

    EventSlot slot() {
        return slot;
    }

    private MutableDirectBuffer buffer() {
        return slot.event();
    }

    private EventSlot stamp() {
        EventHeader.sequence(slot.event(), 0, ++sequence);
        EventHeader.timestampNanos(slot.event(), 0, nanos);
        return slot;
    }

    /** Receive timestamp (epoch ns) stamped on the following events; 0 until set. */
    Events at(long timestampNanos) {
        this.nanos = timestampNanos;
        return this;
    }

    /** Header source of the following snapshots (FEED until set), e.g. EventSource.REST_POLLER. */
    Events from(int snapshotSource) {
        this.source = snapshotSource;
        return this;
    }

    EventSlot definitionClosing(int marketId, byte status, long closeTimeMs, long... triples) {
        EventSlot s = definition(marketId, status, triples);
        definition.closeTimeMs(closeTimeMs);
        return s;
    }

    EventSlot definition(int marketId, byte status, long... triples) {
        definition.wrapForEncode(buffer(), 0, marketId, EventSource.FEED).status(status).ticker("KX-" + marketId);
        for (int i = 0; i < triples.length; i += 3) {
            definition.addPriceRange(triples[i], triples[i + 1], triples[i + 2]);
        }
        return stamp();
    }

    /** @param yes (price, quantity) pairs of YES bids; @param no (price, quantity) pairs of NO bids */
    EventSlot snapshot(int marketId, byte flags, long[] yes, long[] no) {
        snapshot.wrapForEncode(buffer(), 0, marketId, source).flags(flags);
        for (int i = 0; i < yes.length; i += 2) {
            snapshot.addYesLevel(yes[i], yes[i + 1]);
        }
        for (int i = 0; i < no.length; i += 2) {
            snapshot.addNoLevel(no[i], no[i + 1]);
        }
        return stamp();
    }

    EventSlot fullSnapshot(int marketId, long[] yes, long[] no) {
        return snapshot(marketId, (byte) (BookSnapshotEvent.FLAG_FIRST | BookSnapshotEvent.FLAG_LAST), yes, no);
    }

    EventSlot delta(int marketId, byte side, long price, long change) {
        delta.wrapForEncode(buffer(), 0, marketId, EventSource.FEED).side(side).price(price).delta(change);
        return stamp();
    }

    /** A delta Kalshi tagged with one of our client order ids: our own order changed the level. */
    EventSlot ownDelta(int marketId, byte side, long price, long change) {
        delta.wrapForEncode(buffer(), 0, marketId, EventSource.FEED).side(side).price(price).delta(change).ownOrder(true);
        return stamp();
    }

    /** A fill of ours: {@code side} Codes.BID (our YES bid) or Codes.ASK (our NO bid), at a YES price. */
    EventSlot fill(int marketId, String tradeId, byte side, long yesPrice, long count, boolean taker) {
        fill.wrapForEncode(buffer(), 0, marketId, EventSource.FEED).tradeId(tradeId).side(side).price(yesPrice)
            .count(count).isTaker(taker);
        return stamp();
    }

    EventSlot trade(int marketId, long yesPrice, long count) {
        trade.wrapForEncode(buffer(), 0, marketId, EventSource.FEED).yesPrice(yesPrice).count(count);
        return stamp();
    }

    EventSlot ticker(int marketId) {
        ticker.wrapForEncode(buffer(), 0, marketId, EventSource.FEED);
        return stamp();
    }

    EventSlot timer() {
        timer.wrapForEncode(buffer(), 0, EventSource.TIMER);
        return stamp();
    }

    static long[] levels(long... pairs) {
        return pairs;
    }
}

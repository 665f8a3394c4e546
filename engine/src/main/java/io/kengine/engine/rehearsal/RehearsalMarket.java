package io.kengine.engine.rehearsal;

import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.stage.EventPublisher;

/**
 * The one market a rehearsal trades: a cent-grid market with 20 levels a side (YES bids from 0.40
 * down, NO bids from 0.50 down, so asks from 0.50 up) that never closes within the engine's lifetime.
 * Each {@link #nextDelta} adds or takes away 10 contracts at a new best YES bid of 0.42, so every
 * delta moves the mid by one cent and the quote with it, as a busy real market would.
 */
final class RehearsalMarket {
    static final int MARKET_ID = 0;
    static final String TICKER = "KENGINE-REHEARSAL";
    static final long CLOSE_MS = 7_258_118_400_000L; // 2200-01-01: the synthetic clock cannot reach it
    private static final long BEST_BID = 4_000;
    private static final long BEST_NO_BID = 5_000;
    private static final long INSIDE_BID = 4_200;
    private static final long INSIDE_SIZE = 1_000;
    private static final int LEVELS = 20;

    private final MarketDefinitionEvent definition = new MarketDefinitionEvent();
    private final BookSnapshotEvent snapshot = new BookSnapshotEvent();
    private final BookDeltaEvent delta = new BookDeltaEvent();
    private long exchangeSeq;

    void publishDefinitionAndSnapshot(EventPublisher out) {
        definition.wrapForEncode(out.claim(), 0, MARKET_ID, EventSource.FEED).status(Codes.STATUS_OPEN).ticker(TICKER)
            .eventTicker("KENGINE").seriesTicker("KENGINE").closeTimeMs(CLOSE_MS).addPriceRange(0, 10_000, 100);
        out.publish();
        snapshot.wrapForEncode(out.claim(), 0, MARKET_ID, EventSource.FEED)
            .flags((byte) (BookSnapshotEvent.FLAG_FIRST | BookSnapshotEvent.FLAG_LAST));
        for (int l = 0; l < LEVELS; l++) {
            snapshot.addYesLevel(BEST_BID - 100L * l, 5_000 + 100L * l);
        }
        for (int l = 0; l < LEVELS; l++) {
            snapshot.addNoLevel(BEST_NO_BID - 100L * l, 5_000 + 100L * l);
        }
        out.publish();
    }

    /** Publishes the next delta: even ones add the inside bid, odd ones take it away. */
    void nextDelta(EventPublisher out, long exchangeTimeMs) {
        long seq = ++exchangeSeq;
        delta.wrapForEncode(out.claim(), 0, MARKET_ID, EventSource.FEED)
            .subscriptionId(1).exchangeSeq(seq).price(INSIDE_BID).delta((seq & 1) == 1 ? INSIDE_SIZE : -INSIDE_SIZE)
            .exchangeTimeMs(exchangeTimeMs).side(Codes.BOOK_YES).ownOrder(false);
        out.publish();
    }
}

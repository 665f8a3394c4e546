package io.kengine.pricing;

import io.kengine.book.BookSettings;
import io.kengine.book.BookStage;
import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.FairValueEvent;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.event.TimerEvent;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.QuoteReason;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real book stage in front of the pricing stage: a quiet book goes stale on a timer tick (the book
 * stage announces it in that timer's notes) and the quote is pulled; a fresh delta quotes again; a fair
 * value event requotes from the remembered book.
 */
class StaleBookPricingStageTest {
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_700_000_000_000L * MS;
    private static final int M = 4;

    private final BookStage book = new BookStage(8, BookSettings.DEFAULT.withMaxAgeNanos(1_000 * MS));
    private final PricingStage pricing = new PricingStage(8);
    private final EventSlot slot = new EventSlot();
    private final QuoteNote quote = new QuoteNote().wrap(slot, QuoteNote.PRICING);

    private void run(long ms) {
        EventHeader.timestampNanos(slot.event(), 0, T0 + ms * MS);
        book.onEvent(slot, true);
        pricing.onEvent(slot, true);
    }

    @Test
    void staleBookPullsOnTheTimerAndAFreshDeltaQuotesAgain() {
        new MarketDefinitionEvent().wrapForEncode(slot.event(), 0, M, EventSource.FEED)
            .status(Codes.STATUS_OPEN).ticker("KX-4").addPriceRange(0, 10_000, 100);
        run(0);
        BookSnapshotEvent snapshot = new BookSnapshotEvent().wrapForEncode(slot.event(), 0, M, EventSource.FEED)
            .flags((byte) (BookSnapshotEvent.FLAG_FIRST | BookSnapshotEvent.FLAG_LAST));
        snapshot.addYesLevel(4500, 1000);
        snapshot.addNoLevel(4500, 1000);
        run(0);
        assertTrue(quote.isPresent());
        assertFalse(quote.isPull());
        assertEquals(5000, quote.fairValue());

        new TimerEvent().wrapForEncode(slot.event(), 0, EventSource.TIMER);
        run(900);
        assertFalse(quote.isPresent(), "fresh book, nothing to say on a timer");
        new TimerEvent().wrapForEncode(slot.event(), 0, EventSource.TIMER);
        run(1_100);
        assertEquals(M, quote.marketId());
        assertTrue(quote.isPull());
        assertEquals(QuoteReason.STALE_BOOK, quote.bidReason());

        new FairValueEvent().wrapForEncode(slot.event(), 0, M, EventSource.FAIR_VALUE).fairPrice(5200)
            .confidenceBps(9_000).expiresAtNanos(T0 + 60_000 * MS).sourceName("m");
        run(1_150);
        assertTrue(quote.isPull(), "a fair value does not make a stale book quotable");
        assertEquals(QuoteReason.STALE_BOOK, quote.bidReason());

        new BookDeltaEvent().wrapForEncode(slot.event(), 0, M, EventSource.FEED).side(Codes.BOOK_YES).price(4600).delta(100);
        run(1_200);
        assertFalse(quote.isPull());
        assertEquals(QuoteReason.QUOTED, quote.bidReason());
        assertEquals(5200, quote.fairValue(), "the external value is in use on the fresh book");
    }
}

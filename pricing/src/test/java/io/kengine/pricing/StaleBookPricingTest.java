package io.kengine.pricing;

import io.kengine.book.BookSettings;
import io.kengine.book.BookStage;
import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.event.TimerEvent;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.QuoteReason;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real book stage in front of M0: a quiet book goes stale on a timer tick and M0 pulls its quote. */
class StaleBookPricingTest {
    private static final long MS = 1_000_000L;
    private static final long T0 = 1_700_000_000_000L * MS;
    private static final int M = 4;

    private final BookStage book = new BookStage(8, BookSettings.DEFAULT.withMaxAgeNanos(1_000 * MS));
    private final MidEdgePricingStage pricing = new MidEdgePricingStage();
    private final EventSlot slot = new EventSlot();
    private final QuoteNote quote = new QuoteNote().wrap(slot, QuoteNote.PRICING);

    private void run(long ms) {
        EventHeader.timestampNanos(slot.event(), 0, T0 + ms * MS);
        book.onEvent(slot, true);
        pricing.onEvent(slot, true);
    }

    @Test
    void staleBookPullsAndAFreshDeltaQuotesAgain() {
        new MarketDefinitionEvent().wrapForEncode(slot.event(), 0, M, EventSource.FEED)
            .status(Codes.STATUS_OPEN).ticker("KX-4").addPriceRange(0, 10_000, 100);
        run(0);
        BookSnapshotEvent snapshot = new BookSnapshotEvent().wrapForEncode(slot.event(), 0, M, EventSource.FEED)
            .flags((byte) (BookSnapshotEvent.FLAG_FIRST | BookSnapshotEvent.FLAG_LAST));
        snapshot.addYesLevel(4500, 1000);
        snapshot.addNoLevel(4500, 1000); // ask 0.55
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
        assertEquals(QuoteReason.STALE_BOOK, quote.askReason());

        new BookDeltaEvent().wrapForEncode(slot.event(), 0, M, EventSource.FEED).side(Codes.BOOK_YES).price(4600).delta(100);
        run(1_200);
        assertFalse(quote.isPull());
        assertEquals(QuoteReason.QUOTED, quote.bidReason());
    }
}

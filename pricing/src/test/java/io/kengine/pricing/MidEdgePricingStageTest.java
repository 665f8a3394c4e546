package io.kengine.pricing;

import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.TimerEvent;
import io.kengine.protocol.stage.BookFeaturesNote;
import io.kengine.protocol.stage.BookTrust;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.protocol.stage.TopOfBookNote;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MidEdgePricingStageTest {
    private final MidEdgePricingStage stage = new MidEdgePricingStage();
    private final EventSlot slot = new EventSlot();
    private final QuoteNote quote = new QuoteNote();

    @Test
    void quotesMidPlusMinusEdgeOnTheGrid() {
        book(3, 4500, 5500, TopOfBookNote.FLAG_VALID | TopOfBookNote.FLAG_TRUSTED | TopOfBookNote.FLAG_CHANGED, 100);
        quote.wrap(slot, QuoteNote.PRICING);
        assertTrue(quote.isPresent());
        assertEquals(3, quote.marketId());
        assertEquals(5000, quote.fairValue());
        assertEquals(4800, quote.bidPrice());
        assertEquals(5200, quote.askPrice());
        assertEquals(1000, quote.bidQty());
        assertEquals(QuoteReason.QUOTED, quote.askReason());
    }

    @Test
    void roundsBidDownAndAskUpAndNeverCrosses() {
        // mid 0.4950 - 0.0200 = 0.4750 -> bid 0.47; ask 0.5150 -> 0.52 on a cent grid
        book(1, 4900, 5000, TopOfBookNote.FLAG_VALID | TopOfBookNote.FLAG_TRUSTED | TopOfBookNote.FLAG_CHANGED, 100);
        quote.wrap(slot, QuoteNote.PRICING);
        assertEquals(4700, quote.bidPrice());
        assertEquals(5200, quote.askPrice());

        config(MidEdgePricingStage.EDGE_KEY, "0.0000");
        book(1, 4900, 5000, TopOfBookNote.FLAG_VALID | TopOfBookNote.FLAG_TRUSTED | TopOfBookNote.FLAG_CHANGED, 100);
        assertTrue(quote.bidPrice() < 5000, "bid must stay below the best ask");
        assertTrue(quote.askPrice() > 4900, "ask must stay above the best bid");
    }

    @Test
    void untrustedOrOneSidedBookPullsTheQuote() {
        book(2, 4500, 5500, TopOfBookNote.FLAG_VALID | TopOfBookNote.FLAG_CHANGED, 100);
        quote.wrap(slot, QuoteNote.PRICING);
        assertTrue(quote.isPull());
        assertEquals(QuoteReason.NO_BOOK, quote.bidReason());

        book(2, TopOfBookNote.NO_PRICE, 5500, TopOfBookNote.FLAG_VALID | TopOfBookNote.FLAG_TRUSTED | TopOfBookNote.FLAG_CHANGED, 100);
        assertTrue(quote.isPull());
    }

    @Test
    void staleBookPullsWithItsOwnReasonAndOtherStatesPullAsNoBook() {
        // as the book stage writes it: a stale book is not FLAG_TRUSTED, the features say why
        features(4, BookTrust.STALE);
        book(4, 4500, 5500, TopOfBookNote.FLAG_VALID | TopOfBookNote.FLAG_CHANGED, 100);
        quote.wrap(slot, QuoteNote.PRICING);
        assertTrue(quote.isPull());
        assertEquals(0, quote.bidQty());
        assertEquals(0, quote.askQty());
        assertEquals(QuoteReason.STALE_BOOK, quote.bidReason());
        assertEquals("stale-book", QuoteReason.name(quote.askReason()));

        // belt and braces: a state other than TRUSTED pulls even if the flag said trusted
        features(4, BookTrust.REST_SOURCED);
        book(4, 4500, 5500, TopOfBookNote.FLAG_VALID | TopOfBookNote.FLAG_TRUSTED | TopOfBookNote.FLAG_CHANGED, 100);
        assertTrue(quote.isPull());
        assertEquals(QuoteReason.NO_BOOK, quote.bidReason());

        features(4, BookTrust.TRUSTED);
        book(4, 4500, 5500, TopOfBookNote.FLAG_VALID | TopOfBookNote.FLAG_TRUSTED | TopOfBookNote.FLAG_CHANGED, 100);
        assertFalse(quote.isPull());
        assertEquals(QuoteReason.QUOTED, quote.bidReason());

        // features of another market are not this book's
        features(9, BookTrust.STALE);
        book(4, 4500, 5500, TopOfBookNote.FLAG_VALID | TopOfBookNote.FLAG_TRUSTED | TopOfBookNote.FLAG_CHANGED, 100);
        assertFalse(quote.isPull());
    }

    private void features(int market, BookTrust trust) {
        new BookFeaturesNote().wrap(slot).set(market, trust, 0, 5000, 5000, 0, 0, 0, 0, BookFeaturesNote.NO_VALUE);
    }

    @Test
    void unchangedTopOfBookWritesNoQuote() {
        book(2, 4500, 5500, TopOfBookNote.FLAG_VALID | TopOfBookNote.FLAG_TRUSTED, 100);
        assertFalse(quote.wrap(slot, QuoteNote.PRICING).isPresent());
    }

    @Test
    void sideOutsideTheUnitIntervalIsNotQuoted() {
        book(2, 100, 300, TopOfBookNote.FLAG_VALID | TopOfBookNote.FLAG_TRUSTED | TopOfBookNote.FLAG_CHANGED, 100);
        quote.wrap(slot, QuoteNote.PRICING);
        assertEquals(0, quote.bidQty());
        assertEquals(QuoteReason.OUTSIDE_BOUNDS, quote.bidReason());
        assertEquals(1000, quote.askQty());
    }

    @Test
    void configChangesApplyAndBadValuesAreRefused() {
        config(MidEdgePricingStage.SIZE_KEY, "2.50");
        assertEquals(250, stage.size());
        assertThrows(IllegalArgumentException.class, () -> config(MidEdgePricingStage.EDGE_KEY, "0.00001"));
        assertEquals(200, stage.edge(), "a refused value leaves the parameter as it was");
    }

    private void book(int market, long bid, long ask, int flags, long tick) {
        new TimerEvent().wrapForEncode(slot.event(), 0, EventSource.TIMER);
        new TopOfBookNote().wrap(slot).set(market, flags, bid, 1000, ask, 1000, tick);
        stage.onEvent(slot, true);
    }

    private void config(String key, String value) {
        new ConfigChangeEvent().wrapForEncode(slot.event(), 0, EventSource.ENGINE).key(key).value(value);
        stage.onEvent(slot, true);
    }
}

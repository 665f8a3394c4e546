package io.kengine.pricing;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.MarketLifecycleEvent;
import io.kengine.protocol.stage.BookTrust;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.protocol.stage.TopOfBookNote;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pricing stage with the default rule {@code *=m0}: what MidEdgePricingStage did, through the shared pipeline. */
class PricingStageM0Test {
    private final PricingStage stage = new PricingStage(64);
    private final Slots s = new Slots(stage);

    @Test
    void quotesMidPlusMinusEdgeOnTheGrid() {
        s.book(3, 4500, 5500);
        assertTrue(s.quote.isPresent());
        assertFalse(s.quote.isPull());
        assertEquals(3, s.quote.marketId());
        assertEquals(5000, s.quote.fairValue());
        assertEquals(4800, s.quote.bidPrice());
        assertEquals(5200, s.quote.askPrice());
        assertEquals(1000, s.quote.bidQty());
        assertEquals(1000, s.quote.askQty());
        assertEquals(QuoteReason.QUOTED, s.quote.bidReason());
        assertEquals(QuoteReason.QUOTED, s.quote.askReason());
    }

    @Test
    void theOldKeysStillSetEdgeAndSize() {
        s.config("pricing.m0.edge", "0.0500");
        s.config("pricing.m0.size", "2.50");
        assertEquals(500, stage.m0().edge());
        assertEquals(250, stage.m0().size());
        s.book(3, 4500, 5500);
        assertEquals(4500, s.quote.bidPrice());
        assertEquals(5500, s.quote.askPrice());
        assertEquals(250, s.quote.bidQty());
        assertThrows(IllegalArgumentException.class, () -> s.config("pricing.m0.edge", "0.00001"));
        assertEquals(500, stage.m0().edge(), "a refused value leaves the parameter as it was");
    }

    @Test
    void roundsBidDownAndAskUpAndNeverCrosses() {
        s.book(1, 4900, 5000);
        assertEquals(4700, s.quote.bidPrice());
        assertEquals(5200, s.quote.askPrice());
        s.config("pricing.m0.edge", "0.0000");
        s.book(1, 4900, 5000);
        assertTrue(s.quote.bidPrice() < 5000);
        assertTrue(s.quote.askPrice() > 4900);
    }

    @Test
    void untrustedStaleOrOneSidedBooksPull() {
        s.book(2, TopOfBookNote.FLAG_VALID | TopOfBookNote.FLAG_CHANGED, 4500, 10, 5500, 10, 100, BookTrust.RESYNCING, 5000, 0, 0, 0);
        assertTrue(s.quote.isPull());
        assertEquals(QuoteReason.NO_BOOK, s.quote.bidReason());
        s.book(2, TopOfBookNote.FLAG_VALID | TopOfBookNote.FLAG_CHANGED, 4500, 10, 5500, 10, 100, BookTrust.STALE, 5000, 0, 0, 0);
        assertEquals(QuoteReason.STALE_BOOK, s.quote.bidReason());
        // the flag says trusted but the features disagree: pull
        s.book(2, Slots.LIVE, 4500, 10, 5500, 10, 100, BookTrust.REST_SOURCED, 5000, 0, 0, 0);
        assertTrue(s.quote.isPull());
        s.book(2, TopOfBookNote.NO_PRICE, 0, 5500, 10, 100);
        assertTrue(s.quote.isPull(), "one-sided book, no fair value");
        assertEquals(QuoteReason.NO_BOOK, s.quote.askReason());
        s.book(2, TopOfBookNote.NO_PRICE, 0, TopOfBookNote.NO_PRICE, 0, 100);
        assertTrue(s.quote.isPull(), "empty book, no fair value");
    }

    @Test
    void unchangedTopOfBookWritesNoQuoteAndEveryEventClearsTheNote() {
        s.book(2, 4500, 5500);
        assertTrue(s.quote.isPresent());
        s.book(2, TopOfBookNote.FLAG_VALID | TopOfBookNote.FLAG_TRUSTED, 4500, 10, 5500, 10, 100, BookTrust.TRUSTED, 5000, 0, 0, 0);
        assertFalse(s.quote.isPresent());
        assertEquals(-1, s.quote.marketId());
    }

    @Test
    void sideOutsideTheUnitIntervalIsNotQuoted() {
        s.book(2, 100, 300);
        assertEquals(0, s.quote.bidQty());
        assertEquals(QuoteReason.OUTSIDE_BOUNDS, s.quote.bidReason());
        assertEquals(1000, s.quote.askQty());
    }

    @Test
    void crossedBookIsAnIntegrityFailureNotATrade() {
        // YES bid 0.56 and NO bid 0.46 (ask 0.54) sum to $1.02: on Kalshi these would have matched
        s.book(5, 5600, 5400);
        assertTrue(s.quote.isPull());
        assertEquals(QuoteReason.BOOK_CROSSED, s.quote.bidReason());
        assertEquals(1, stage.crossedBooks());
    }

    @Test
    void closedOrPausedMarketsPullAndReopenQuotes() {
        s.define(6, "KX-A");
        s.book(6, 4500, 5500);
        assertFalse(s.quote.isPull());
        s.lifecycle(6, MarketLifecycleEvent.DEACTIVATED);
        assertTrue(s.quote.isPull());
        assertEquals(QuoteReason.MARKET_NOT_OPEN, s.quote.bidReason());
        s.book(6, 4500, 5500);
        assertEquals(QuoteReason.MARKET_NOT_OPEN, s.quote.bidReason());
        s.lifecycle(6, MarketLifecycleEvent.ACTIVATED);
        assertFalse(s.quote.isPull(), "activation requotes from the remembered book");
        assertEquals(4800, s.quote.bidPrice());
    }

    @Test
    void nearTheCloseStopsQuoting() {
        long closeMs = Slots.T0 / 1_000_000L + 60_000;
        s.define(7, "KX-B", "", "", closeMs);
        s.config("pricing.nearCloseMs", "2m");
        s.book(7, 4500, 5500);
        assertEquals(QuoteReason.NEAR_CLOSE, s.quote.bidReason());
        s.config("pricing.nearCloseMs", "30s");
        s.book(7, 4500, 5500);
        assertFalse(s.quote.isPull());
    }

    @Test
    void engineRulesChooseOrSwitchOffMarkets() {
        s.config("pricing.engines", "KXOFF*=off;*=m0");
        s.define(8, "KXOFF-1");
        s.book(8, 4500, 5500);
        assertEquals(QuoteReason.NOT_CONFIGURED, s.quote.bidReason());
        s.config("pricing.engines", "KXOFF*=m1;*=m0");
        s.book(8, 4500, 5500);
        assertFalse(s.quote.isPull());
        assertThrows(IllegalArgumentException.class, () -> s.config("pricing.engines", "KX*=m9"));
    }

    @Test
    void positionFromFillsSkewsTheQuote() {
        s.book(9, 4500, 5500);
        long bid0 = s.quote.bidPrice();
        s.fill(9, Codes.BID, 2_000, Long.MIN_VALUE); // bought 20 contracts: skew 20 x 0.0005 = 0.01
        assertEquals(2_000, stage.position(9));
        assertEquals(bid0 - 100, s.quote.bidPrice(), "requoted on the fill, leaning against the long");
        assertEquals(5100, s.quote.askPrice());
        s.fill(9, Codes.ASK, 500, 1_500); // the exchange's post-position wins
        assertEquals(1_500, stage.position(9));
    }

    @Test
    void aFillDeliveredTwiceMovesThePositionOnce() {
        s.book(9, 4500, 5500);
        s.fill(9, Codes.BID, 2_000, Long.MIN_VALUE, "d2f1e0c4-trade-1");
        long bid = s.quote.bidPrice();
        s.fill(9, Codes.BID, 2_000, Long.MIN_VALUE, "d2f1e0c4-trade-1"); // the reconciler's copy of the same trade
        assertEquals(2_000, stage.position(9), "the repeat is not applied");
        assertEquals(1, stage.duplicateFills());
        s.book(9, 4500, 5500);
        assertEquals(bid, s.quote.bidPrice(), "the quote leans against one fill, not two");
        s.fill(9, Codes.BID, 1_000, Long.MIN_VALUE, "d2f1e0c4-trade-2");
        assertEquals(3_000, stage.position(9), "a new trade id is applied");
    }
}

package io.kengine.pricing;

import io.kengine.protocol.stage.DecisionKind;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.protocol.stage.TopOfBookNote;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** External fair values in the pricing stage: used, widened by confidence, expired, refused. */
class FairValueInputTest {
    private final PricingStage stage = new PricingStage(64);
    private final Slots s = new Slots(stage);

    @Test
    void aFreshConfidentExternalValueIsUsedAndRequotesAtOnce() {
        s.book(1, 4500, 5500);
        assertEquals(5000, s.quote.fairValue());
        s.fairValue(1, 5300, 10_000, 60_000);
        assertTrue(s.quote.isPresent(), "the fair value event itself requotes from the remembered book");
        assertEquals(5300, s.quote.fairValue());
        assertEquals(5100, s.quote.bidPrice());
        assertEquals(5500, s.quote.askPrice());
    }

    @Test
    void lowerConfidenceQuotesWider() {
        s.book(1, 4000, 6000);
        s.fairValue(1, 5000, 10_000, 60_000);
        long full = s.quote.askPrice() - s.quote.bidPrice();
        s.fairValue(1, 5000, 5_000, 60_000);
        long half = s.quote.askPrice() - s.quote.bidPrice();
        assertEquals(full + 200, half, "(1 - 0.5) x 0.02 on each side");
    }

    @Test
    void zeroConfidenceIsBelowTheFloorAndFallsBack() {
        s.book(1, 4500, 5500);
        s.fairValue(1, 8000, 0, 60_000);
        assertEquals(5000, s.quote.fairValue());
        s.config("pricing.fairValue.minConfidence", "0.0000");
        s.book(1, 4500, 5500);
        assertEquals(8000, s.quote.fairValue(), "floor 0 accepts it");
        assertEquals(5400, s.quote.bidPrice(), "post-only under 0.55; fair 0.80 leaves all the edge");
        assertEquals(8000 + 200 + 200, s.quote.askPrice(), "zero confidence: the whole widening");
    }

    @Test
    void anExpiredValueFallsBackAndIsJournaledOnce() {
        s.book(1, 4500, 5500);
        s.fairValue(1, 6000, 9_000, 1_000);
        assertEquals(6000, s.quote.fairValue());
        s.advanceMs(1_000);
        s.book(1, 4500, 5500);
        assertEquals(5000, s.quote.fairValue(), "market-implied again");
        int i = s.decisionIndex(DecisionKind.FAIR_VALUE_EXPIRED);
        assertTrue(i >= 0);
        assertEquals(6000, s.decisions.value1(i));
        assertEquals(1, s.decisions.marketId(i));
        s.book(1, 4500, 5500);
        assertFalse(s.decided(DecisionKind.FAIR_VALUE_EXPIRED), "journaled once");
    }

    @Test
    void stopModePullsOnStaleAndOnLowConfidence() {
        s.config("pricing.fairValue.onStale", "stop");
        s.book(1, 4500, 5500);
        assertFalse(s.quote.isPull(), "no external value at all: market-implied");
        s.fairValue(1, 6000, 3_000, 10_000);
        assertTrue(s.quote.isPull());
        assertEquals(QuoteReason.LOW_CONFIDENCE, s.quote.bidReason());
        s.fairValue(1, 6000, 9_000, 10_000);
        assertFalse(s.quote.isPull());
        s.advanceMs(10_000);
        s.book(1, 4500, 5500);
        assertTrue(s.quote.isPull());
        assertEquals(QuoteReason.FAIR_VALUE_STALE, s.quote.bidReason());
        assertTrue(s.decided(DecisionKind.FAIR_VALUE_EXPIRED));
    }

    @Test
    void aTimerFindsTheExpiryWhenTheBookIsQuiet() {
        s.config("pricing.fairValue.onStale", "stop");
        s.book(2, 4500, 5500);
        s.fairValue(2, 6000, 9_000, 500);
        s.advanceMs(400);
        s.timer();
        assertFalse(s.quote.isPresent());
        s.advanceMs(200);
        s.timer();
        assertTrue(s.decided(DecisionKind.FAIR_VALUE_EXPIRED));
        assertEquals(2, s.quote.marketId());
        assertTrue(s.quote.isPull(), "the timer pulls the quote resting on the stale value");
        s.timer();
        assertFalse(s.decided(DecisionKind.FAIR_VALUE_EXPIRED));
    }

    @Test
    void anExternalValueQuotesOneSidedAndEmptyBooks() {
        s.book(3, TopOfBookNote.NO_PRICE, 0, 5500, 1000, 100);
        assertTrue(s.quote.isPull());
        s.fairValue(3, 5000, 10_000, 60_000);
        assertFalse(s.quote.isPull());
        assertEquals(4800, s.quote.bidPrice());
        assertEquals(5200, s.quote.askPrice());
        s.book(3, TopOfBookNote.NO_PRICE, 0, TopOfBookNote.NO_PRICE, 0, 100);
        assertFalse(s.quote.isPull());
        assertEquals(4800, s.quote.bidPrice());
    }
}

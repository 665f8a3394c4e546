package io.kengine.pricing;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.stage.BookTrust;
import io.kengine.protocol.stage.DecisionKind;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.protocol.stage.Regime;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** M1 and M2 through the stage. */
class EnginesTest {
    private final PricingStage stage = new PricingStage(64);
    private final Slots s = new Slots(stage);

    private void m1Book(int m, long microprice, long imbalanceBps) {
        s.book(m, Slots.LIVE, 4800, 1000, 5200, 1000, 100, BookTrust.TRUSTED, microprice, imbalanceBps, 0, 0);
    }

    @Test
    void m1FairIsTheMicropriceShiftedByImbalanceAndFlow() {
        s.config("pricing.engines", "*=m1");
        m1Book(1, 5030, 0);
        assertEquals(5030, s.quote.fairValue());
        m1Book(1, 5030, 10_000); // all depth on the bid: + 0.0050
        assertEquals(5080, s.quote.fairValue());
        m1Book(1, 5030, -5_000);
        assertEquals(5005, s.quote.fairValue());
        s.trade(1, Codes.TAKER_YES, 1_000); // YES buyers lifting: + 0.0050 at full flow
        m1Book(1, 5030, 0);
        assertEquals(5080, s.quote.fairValue());
        s.trade(1, Codes.TAKER_NO, 1_000); // equal and just as recent: flow 0
        m1Book(1, 5030, 0);
        assertEquals(5030, s.quote.fairValue());
        // fair never past the touch
        s.config("pricing.m1.imbalanceWeight", "0.9000");
        m1Book(1, 5030, 10_000);
        assertEquals(5200, s.quote.fairValue());
    }

    @Test
    void m1FlowDecaysWithEventTime() {
        s.config("pricing.engines", "*=m1");
        s.trade(1, Codes.TAKER_YES, 1_000);
        s.advanceMs(30_000); // one half-life later the same NO flow outweighs it
        s.trade(1, Codes.TAKER_NO, 1_000);
        m1Book(1, 5000, 0);
        // flow = (0.5 - 1) / 1.5 = -1/3 -> -0.0017
        assertEquals(4983, s.quote.fairValue());
    }

    @Test
    void m1AvellanedaStoikovReservationLeansAgainstInventory() {
        s.config("pricing.engines", "*=m1");
        s.config("pricing.m1.as.enabled", "true");
        s.config("pricing.skew.max", "0.5000");
        // volatility 0.01 $/sqrt(s), horizon 1 h: gamma sigma^2 T = 0.1 x 1e-4 x 3600 = 0.036
        s.book(2, Slots.LIVE, 4000, 1000, 6000, 1000, 1, BookTrust.TRUSTED, 5000, 0, 10_000, 0);
        long bidFlat = s.quote.bidPrice();
        long askFlat = s.quote.askPrice();
        // half-spread = (0.036 + 20 ln(1.001)) / 2 = 0.028 -> 280
        assertEquals(5000 - 280, bidFlat);
        assertEquals(5000 + 280, askFlat);
        s.position(2, 100); // one contract long: reservation 0.036 lower
        s.book(2, Slots.LIVE, 4000, 1000, 6000, 1000, 1, BookTrust.TRUSTED, 5000, 0, 10_000, 0);
        assertEquals(bidFlat - 360, s.quote.bidPrice());
        assertEquals(askFlat - 360, s.quote.askPrice());
    }

    @Test
    void m2ClassifiesCalmActiveAndEventAndJournalsEachChange() {
        s.config("pricing.engines", "KXCPI*=m2;*=m0");
        long windowStartMs = Slots.T0 / 1_000_000L + 60_000;
        s.config("pricing.m2.eventWindows", "KXCPI*@" + windowStartMs + "-" + (windowStartMs + 60_000));
        s.config("pricing.m2.minDwellMs", "0");
        s.define(3, "KXCPI-26JAN-T0.3", "KXCPI-26JAN", "KXCPI", 0);

        s.book(3, 4900, 5100);
        assertEquals(Regime.CALM, s.quote.regime());
        assertEquals(30_000, s.quote.lifetimeMs());
        assertEquals(4900 - 100, s.quote.bidPrice(), "calm edge 0.015 on a cent grid, bid rounded down");
        int i = s.decisionIndex(DecisionKind.REGIME_CHANGE);
        assertTrue(i >= 0);
        assertEquals(Regime.UNKNOWN, s.decisions.value1(i));
        assertEquals(Regime.CALM, s.decisions.value2(i));

        s.book(3, 4700, 5300); // spread 0.06 >= 0.04
        assertEquals(Regime.ACTIVE, s.quote.regime());
        assertEquals(5_000, s.quote.lifetimeMs());
        assertEquals(Regime.ACTIVE, s.decisions.value2(s.decisionIndex(DecisionKind.REGIME_CHANGE)));

        s.book(3, 4700, 5300);
        assertFalse(s.decided(DecisionKind.REGIME_CHANGE), "no change, no decision");

        s.advanceMs(60_000);
        s.book(3, 4900, 5100);
        assertEquals(Regime.EVENT, s.quote.regime(), "inside the CPI window");
        assertEquals(1_000, s.quote.lifetimeMs());
        assertEquals(200, s.quote.bidQty(), "event size 2");

        s.advanceMs(60_000);
        s.book(3, 4900, 5100);
        assertEquals(Regime.CALM, s.quote.regime(), "the window ended");
    }

    @Test
    void m2HysteresisHoldsTheMoreIntenseRegimeForTheDwell() {
        s.config("pricing.engines", "*=m2");
        s.book(4, 4700, 5300);
        assertEquals(Regime.ACTIVE, s.quote.regime());
        s.advanceMs(1_000);
        s.book(4, 4900, 5100);
        assertEquals(Regime.ACTIVE, s.quote.regime(), "calm for 0 s of the 5 s dwell");
        s.advanceMs(4_000);
        s.book(4, 4900, 5100);
        assertEquals(Regime.ACTIVE, s.quote.regime());
        s.advanceMs(1_000);
        s.book(4, 4900, 5100);
        assertEquals(Regime.CALM, s.quote.regime());
        assertTrue(s.decided(DecisionKind.REGIME_CHANGE));
    }

    @Test
    void m2VolatilityIntensityAndTheCloseDriveTheRegime() {
        s.config("pricing.engines", "*=m2");
        s.book(5, Slots.LIVE, 4900, 1000, 5100, 1000, 100, BookTrust.TRUSTED, 5000, 0, 2_500, 0);
        assertEquals(Regime.ACTIVE, s.quote.regime());
        s.book(6, Slots.LIVE, 4900, 1000, 5100, 1000, 100, BookTrust.TRUSTED, 5000, 0, 0, 300);
        assertEquals(Regime.ACTIVE, s.quote.regime());
        s.define(7, "KX-CLOSING", "", "", Slots.T0 / 1_000_000L + 600_000);
        s.book(7, 4900, 5100);
        assertEquals(Regime.EVENT, s.quote.regime(), "10 minutes to the close");
    }

    @Test
    void m2EventRegimeWithSizeZeroPausesQuoting() {
        s.config("pricing.engines", "*=m2");
        s.config("pricing.m2.event.size", "0.00");
        s.define(8, "KX-CLOSING", "", "", Slots.T0 / 1_000_000L + 600_000);
        s.book(8, 4900, 5100);
        assertTrue(s.quote.isPull());
        assertEquals(QuoteReason.EVENT_WINDOW, s.quote.bidReason());
        assertEquals(Regime.EVENT, s.quote.regime());
    }
}

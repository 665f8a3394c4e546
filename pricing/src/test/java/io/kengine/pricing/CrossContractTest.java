package io.kengine.pricing;

import io.kengine.pricing.crosscontract.BasketKind;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.stage.BasketNote;
import io.kengine.protocol.stage.DecisionKind;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** M3: exclusive-set and ladder baskets, ladder-consistent and pair-implied fair values. */
class CrossContractTest {
    private final PricingStage stage = new PricingStage(64);
    private final Slots s = new Slots(stage);

    private void threeOutcomes() {
        s.config("pricing.m3.exclusiveEvents", "KXWIN-*");
        s.define(1, "KXWIN-26-A", "KXWIN-26", "KXWIN", 0);
        s.define(2, "KXWIN-26-B", "KXWIN-26", "KXWIN", 0);
        s.define(3, "KXWIN-26-C", "KXWIN-26", "KXWIN", 0);
    }

    @Test
    void asksSummingBelowADollarAfterFeesProposeABuyBasket() {
        threeOutcomes();
        s.book(1, 2500, 1000, 3000, 1000, 100);
        s.book(2, 2500, 1000, 3000, 1500, 100);
        assertEquals(BasketNote.STATUS_NONE, s.basket.status(), "the third outcome has no book yet");
        s.book(3, 2500, 1000, 3000, 2000, 100);
        assertTrue(s.basket.isProposed());
        assertEquals(BasketKind.EXCLUSIVE_BUY, s.basket.kind());
        assertEquals(3, s.basket.legCount());
        assertEquals(s.sequence, s.basket.groupId(), "group id = the event's sequence");
        // 10 x (1 - 0.90) = $1.00, minus 3 x round-up(0.07 x 10 x 0.3 x 0.7) = 3 x $0.15
        assertEquals(10_000 - 4_500, s.basket.edge());
        for (int i = 0; i < 3; i++) {
            assertEquals(i + 1, s.basket.legMarketId(i));
            assertEquals(Codes.BID, s.basket.legSide(i));
            assertEquals(3000, s.basket.legPrice(i));
            assertEquals(1000, s.basket.legWantedQuantity(i), "smallest ask size, 10 contracts");
            assertEquals(OrderIntentEvent.TIF_IOC, s.basket.legTimeInForce(i));
        }
        int d = s.decisionIndex(DecisionKind.BASKET_PROPOSED);
        assertTrue(d >= 0);
        assertEquals(s.sequence, s.decisions.value1(d));
        assertEquals(3, s.decisions.value2(d));
        assertTrue(s.quote.isPresent(), "the market's own quote is written next to the basket");
        assertEquals(1, stage.basketsProposed());
    }

    @Test
    void bidsSummingAboveADollarProposeASellBasket() {
        threeOutcomes();
        s.book(1, 4000, 1000, 4500, 1000, 100);
        s.book(2, 4000, 1000, 4500, 1000, 100);
        s.book(3, 4000, 500, 4500, 1000, 100);
        assertTrue(s.basket.isProposed());
        assertEquals(BasketKind.EXCLUSIVE_SELL, s.basket.kind());
        assertEquals(Codes.ASK, s.basket.legSide(0));
        assertEquals(4000, s.basket.legPrice(2));
        assertEquals(500, s.basket.legWantedQuantity(0));
    }

    @Test
    void feesThatEatTheGapProposeNothing() {
        threeOutcomes();
        s.book(1, 3000, 1000, 3300, 1000, 100);
        s.book(2, 3000, 1000, 3300, 1000, 100);
        s.book(3, 3000, 1000, 3300, 1000, 100); // asks 0.99: $0.10 gap, $0.48 of fees
        assertEquals(BasketNote.STATUS_NONE, s.basket.status());
        assertEquals(0, stage.basketsProposed());
    }

    @Test
    void notAConfiguredSetOrAnUntrustedMemberProposesNothing() {
        s.define(1, "KXWIN-26-A", "KXWIN-26", "KXWIN", 0);
        s.define(2, "KXWIN-26-B", "KXWIN-26", "KXWIN", 0);
        s.book(1, 2500, 1000, 3000, 1000, 100);
        s.book(2, 2500, 1000, 3000, 1000, 100);
        assertEquals(BasketNote.STATUS_NONE, s.basket.status(), "event not flagged exclusive");
        s.config("pricing.m3.exclusiveEvents", "KXWIN-*");
        s.book(2, 2500, 1000, 3000, 1000, 100);
        assertTrue(s.basket.isProposed(), "flagging applies to events already defined");
        s.config("pricing.m3.baskets", "false");
        s.advanceMs(5_000);
        s.book(2, 2500, 1000, 3000, 1000, 100);
        assertEquals(BasketNote.STATUS_NONE, s.basket.status());
    }

    @Test
    void aGroupProposesAtMostOncePerCooldown() {
        threeOutcomes();
        s.book(1, 2500, 1000, 3000, 1000, 100);
        s.book(2, 2500, 1000, 3000, 1000, 100);
        s.book(3, 2500, 1000, 3000, 1000, 100);
        long first = s.basket.groupId();
        s.advanceMs(500);
        s.book(3, 2500, 1000, 3000, 1000, 100);
        assertEquals(BasketNote.STATUS_NONE, s.basket.status());
        s.advanceMs(500);
        s.book(3, 2500, 1000, 3000, 1000, 100);
        assertTrue(s.basket.isProposed());
        assertTrue(s.basket.groupId() > first, "a new, deterministic group id");
    }

    private void ladder() {
        s.config("pricing.m3.ladderEvents", "KXFED-*");
        s.config("pricing.engines", "KXFED*=m3;*=m0");
        s.define(1, "KXFED-26DEC-T3.00", "KXFED-26DEC", "KXFED", 0);
        s.define(2, "KXFED-26DEC-T3.50", "KXFED-26DEC", "KXFED", 0); // defined out of strike order
        s.define(3, "KXFED-26DEC-T3.25", "KXFED-26DEC", "KXFED", 0);
    }

    @Test
    void aLadderPricedOutOfOrderProposesTheConsistencyTrade() {
        ladder();
        s.book(1, 6000, 1000, 6200, 1000, 100);
        s.book(2, 2000, 1000, 2200, 1000, 100);
        assertEquals(BasketNote.STATUS_NONE, s.basket.status());
        s.book(3, 7000, 1000, 7200, 1000, 100); // above 3.25 bid 0.70 > above 3.00 ask 0.62
        assertTrue(s.basket.isProposed());
        assertEquals(BasketKind.LADDER, s.basket.kind());
        assertEquals(2, s.basket.legCount());
        assertEquals(1, s.basket.legMarketId(0));
        assertEquals(Codes.BID, s.basket.legSide(0));
        assertEquals(6200, s.basket.legPrice(0));
        assertEquals(3, s.basket.legMarketId(1));
        assertEquals(Codes.ASK, s.basket.legSide(1));
        assertEquals(7000, s.basket.legPrice(1));
        // 10 x 0.08 = $0.80 - $0.17 - $0.15
        assertEquals(8_000 - 1_700 - 1_500, s.basket.edge());
    }

    @Test
    void m3QuotesALadderMemberBackInsideItsNeighbours() {
        ladder();
        s.config("pricing.m3.baskets", "false");
        s.book(1, 6000, 1000, 6200, 1000, 100);
        s.book(2, 2000, 1000, 2200, 1000, 100);
        s.book(3, 7000, 1000, 7200, 1000, 100);
        assertEquals(6100, s.quote.fairValue(), "capped by the lower strike's mid");
        assertEquals(7100, s.quote.askPrice(), "post-only: one tick above the best bid");
        s.book(3, 1000, 1000, 1200, 1000, 100);
        assertEquals(2100, s.quote.fairValue(), "floored by the higher strike's mid");
        s.book(3, 4000, 1000, 4200, 1000, 100);
        assertEquals(4100, s.quote.fairValue(), "consistent: its own value");
    }

    @Test
    void m3BlendsAPairedMarketWithThePairImpliedValue() {
        s.config("pricing.engines", "KX*=m3");
        s.config("pricing.m3.pairs", "KXA-1~KXB-1");
        s.define(1, "KXA-1");
        s.define(2, "KXB-1");
        s.book(1, 5000, 1000, 5200, 1000, 100);
        assertEquals(5100, s.quote.fairValue(), "no partner book yet");
        s.book(2, 4000, 1000, 4200, 1000, 100); // spread seeded: 5100 - 4100 = 1000
        assertEquals(4100, s.quote.fairValue());
        s.book(2, 4500, 1000, 4700, 1000, 100); // mean 1000 + 0.05 x (500 - 1000) = 975
        assertEquals(Math.round(0.5 * 4600 + 0.5 * (5100 - 975)), s.quote.fairValue());
        s.book(1, 5000, 1000, 5200, 1000, 100); // A's own update moves the mean first: 975 + 0.05 x (500 - 975)
        assertEquals(Math.round(0.5 * 5100 + 0.5 * (4600 + 975 + 0.05 * (500 - 975))), s.quote.fairValue());
    }

    @Test
    void ruleTextIsValidated() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> s.config("pricing.m3.pairs", "KXA-1~KXA-1"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> s.config("pricing.m3.exclusiveEvents", "KX WIN"));
        assertFalse(s.basket.isProposed());
    }
}

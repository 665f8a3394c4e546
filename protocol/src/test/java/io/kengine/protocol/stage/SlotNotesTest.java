package io.kengine.protocol.stage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The notes regions of a slot: disjoint, inside the notes buffer, and each stage's writes stay in its region. */
class SlotNotesTest {

    @Test
    void regionsAreDisjointAndFit() {
        assertEquals(48, TopOfBookNote.END);
        assertTrue(TopOfBookNote.END <= QuoteNote.PRICING);
        assertTrue(QuoteNote.PRICING + QuoteNote.LENGTH <= QuoteNote.RISK);
        assertTrue(QuoteNote.RISK + QuoteNote.LENGTH <= BookFeaturesNote.OFFSET);
        assertEquals(176, BookFeaturesNote.OFFSET);
        assertTrue(BookFeaturesNote.END <= DecisionNote.PRICING);
        assertTrue(DecisionNote.PRICING + DecisionNote.LENGTH <= DecisionNote.RISK);
        assertTrue(DecisionNote.RISK + DecisionNote.LENGTH <= DecisionNote.END);
        assertTrue(DecisionNote.END <= BasketNote.OFFSET);
        assertTrue(BasketNote.END <= EventSlot.NOTES_LENGTH);
        assertEquals(0, EventSlot.NOTES_LENGTH % 64);
    }

    @Test
    void quoteNoteCarriesRegimeAndLifetimeInsideItsRegion() {
        EventSlot slot = new EventSlot();
        slot.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0x7F);
        QuoteNote q = new QuoteNote().wrap(slot, QuoteNote.PRICING);
        q.clear();
        assertEquals(0, q.regime());
        q.set(3, QuoteNote.FLAG_PRESENT, 4000, 100, QuoteReason.QUOTED, 4200, 100, QuoteReason.QUOTED, 4100);
        q.meta(Regime.EVENT, 1500);
        assertEquals(Regime.EVENT, q.regime());
        assertEquals(1500, q.lifetimeMs());
        assertEquals(4100, q.fairValue());
        assertEquals((byte) 0x7F, slot.notes().getByte(QuoteNote.PRICING + QuoteNote.LENGTH));
        QuoteNote r = new QuoteNote().wrap(slot, QuoteNote.RISK);
        r.copyFrom(q);
        assertEquals(1500, r.lifetimeMs());
    }

    @Test
    void decisionNoteHoldsFourEntriesPerRegionAndRefusesMore() {
        EventSlot slot = new EventSlot();
        slot.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0x7F);
        DecisionNote p = new DecisionNote().wrap(slot, DecisionNote.PRICING);
        DecisionNote r = new DecisionNote().wrap(slot, DecisionNote.RISK);
        p.clear();
        r.clear();
        for (int i = 0; i < DecisionNote.MAX_ENTRIES; i++) {
            assertTrue(p.add(DecisionKind.REGIME_CHANGE, QuoteReason.NONE, i, i, -i));
        }
        assertTrue(p.isFull());
        assertFalse(p.add(DecisionKind.REGIME_CHANGE, 0, 9, 9, 9));
        assertEquals(0, r.count(), "the pricing region does not spill into risk's");
        assertTrue(r.add(DecisionKind.HALT, QuoteReason.RISK_LOSS_HALT, -1, 5, 6));
        assertEquals(DecisionNote.MAX_ENTRIES, p.count());
        assertEquals(3, p.marketId(3));
        assertEquals(-3, p.value2(3));
        assertEquals(QuoteReason.RISK_LOSS_HALT, r.reason(0));
        assertEquals((byte) 0x7F, slot.notes().getByte(DecisionNote.END));
    }

    @Test
    void basketNoteProposesAndRiskDecidesInPlace() {
        EventSlot slot = new EventSlot();
        slot.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0x7F);
        BasketNote b = new BasketNote().wrap(slot);
        b.clear();
        assertFalse(b.isProposed());
        b.propose(77, 2, 350);
        for (int i = 0; i < BasketNote.MAX_LEGS; i++) {
            assertTrue(b.addLeg(i, (byte) 1, 1000 + i, 500, (byte) 2));
        }
        assertFalse(b.addLeg(99, (byte) 1, 1, 1, (byte) 2));
        assertEquals(BasketNote.MAX_LEGS, b.legCount());
        b.approvedQuantity(23, 400);
        b.verdict(BasketNote.STATUS_BLOCKED, QuoteReason.RISK_GROUP_CAP);
        assertEquals(400, b.legApprovedQuantity(23));
        assertEquals(1023, b.legPrice(23));
        assertEquals(77, b.groupId());
        assertEquals(350, b.edge());
        assertEquals(QuoteReason.RISK_GROUP_CAP, b.reason());
        assertEquals((byte) 0x7F, slot.notes().getByte(BasketNote.END));
        assertEquals((byte) 0x7F, slot.notes().getByte(BasketNote.OFFSET - 1));
    }

    @Test
    void bookFeaturesNoteStaysInItsRegionAndClearsToNoState() {
        EventSlot slot = new EventSlot();
        slot.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0x7F);
        BookFeaturesNote f = new BookFeaturesNote().wrap(slot);
        f.set(5, BookTrust.STALE, 11, 12, 13, -14, 15, 16, 17, BookFeaturesNote.NO_VALUE);
        assertEquals(5, f.marketId());
        assertEquals(BookTrust.STALE, f.trust());
        assertEquals(11, f.lastUpdateNanos());
        assertEquals(12, f.mid());
        assertEquals(13, f.microprice());
        assertEquals(-14, f.imbalanceTopBps());
        assertEquals(15, f.imbalanceDepthBps());
        assertEquals(16, f.volatility());
        assertEquals(17, f.tradeIntensity());
        assertEquals(BookFeaturesNote.NO_VALUE, f.timeToCloseMs());
        assertEquals((byte) 0x7F, slot.notes().getByte(BookFeaturesNote.OFFSET - 1));
        assertEquals((byte) 0x7F, slot.notes().getByte(BookFeaturesNote.END));
        f.clear();
        assertEquals(-1, f.marketId());
        assertEquals(null, f.trust(), "a cleared note is no state, never TRUSTED");
        for (BookTrust t : BookTrust.values()) {
            assertEquals(t, BookTrust.of(t.code()));
        }
    }

    @Test
    void stagesWriteTheirOwnRegions() {
        EventSlot slot = new EventSlot();
        slot.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0x7F);
        TopOfBookNote top = new TopOfBookNote().wrap(slot);
        QuoteNote wanted = new QuoteNote().wrap(slot, QuoteNote.PRICING);
        QuoteNote approved = new QuoteNote().wrap(slot, QuoteNote.RISK);

        top.set(5, TopOfBookNote.FLAG_VALID | TopOfBookNote.FLAG_TRUSTED, 5_500, 1_000, 5_700, 2_000, 100);
        wanted.clear();
        assertEquals(-1, wanted.marketId());
        assertFalse(wanted.isPresent());
        wanted.set(5, QuoteNote.FLAG_PRESENT, 5_600, 500, QuoteReason.QUOTED, 5_650, 500, QuoteReason.QUOTED, 5_625);
        approved.clear();
        approved.copyFrom(wanted);
        approved.askQty(0, QuoteReason.RISK_POSITION_CAP);

        assertEquals(5, top.marketId());
        assertTrue(top.isValid());
        assertTrue(top.isTrusted());
        assertFalse(top.isChanged());
        assertEquals(5_500, top.bestBid());
        assertEquals(2_000, top.bestAskQty());
        assertEquals(100, top.tick());

        assertEquals(500, wanted.askQty());
        assertEquals(QuoteReason.QUOTED, wanted.askReason());
        assertEquals(5_625, wanted.fairValue());
        assertTrue(approved.isPresent());
        assertFalse(approved.isPull());
        assertEquals(5_600, approved.bidPrice());
        assertEquals(500, approved.bidQty());
        assertEquals(0, approved.askQty());
        assertEquals("risk-position-cap", QuoteReason.name(approved.askReason()));

        assertEquals((byte) 0x7F, slot.notes().getByte(QuoteNote.RISK + QuoteNote.LENGTH), "nothing written past the last region");
    }
}

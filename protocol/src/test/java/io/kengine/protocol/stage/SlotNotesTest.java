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
        assertTrue(QuoteNote.RISK + QuoteNote.LENGTH <= EventSlot.NOTES_LENGTH);
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

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
        assertTrue(BookFeaturesNote.END <= EventSlot.NOTES_LENGTH);
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

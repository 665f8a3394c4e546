package io.kengine.protocol.event;

import io.kengine.protocol.stage.EventSlot;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static io.kengine.protocol.event.EventAssertions.assertWellFormed;
import static io.kengine.protocol.event.EventAssertions.dirtySlot;
import static io.kengine.protocol.event.EventAssertions.rawLong;
import static io.kengine.protocol.event.EventAssertions.rawShort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookSnapshotEventTest {

    @Test
    void layout() {
        assertEquals(56, BookSnapshotEvent.BASE_LENGTH, "levels start 8-aligned");
        assertEquals(60, BookSnapshotEvent.MAX_LEVELS);
        assertTrue(BookSnapshotEvent.BASE_LENGTH + BookSnapshotEvent.MAX_LEVELS * 16 <= EventHeader.MAX_EVENT_LENGTH);
    }

    @Test
    void emptySnapshotIsValid() {
        EventSlot slot = dirtySlot();
        BookSnapshotEvent e = new BookSnapshotEvent().wrapForEncode(slot.event(), 0, 1, EventSource.FEED);
        e.flags((byte) (BookSnapshotEvent.FLAG_FIRST | BookSnapshotEvent.FLAG_LAST));
        assertEquals(0, e.yesCount());
        assertEquals(0, e.noCount());
        assertTrue(e.isFirst());
        assertTrue(e.isLast());
        assertWellFormed(slot.event(), 0, EventType.BOOK_SNAPSHOT, BookSnapshotEvent.BASE_LENGTH);
    }

    @Test
    void carriesBothLaddersInOrder() {
        EventSlot slot = dirtySlot();
        BookSnapshotEvent e = new BookSnapshotEvent().wrapForEncode(slot.event(), 0, 17, EventSource.FEED);
        e.subscriptionId(2).exchangeSeq(1).flags(BookSnapshotEvent.FLAG_FIRST)
            .addYesLevel(800, 30_000).addYesLevel(2_200, 33_300)
            .addNoLevel(5_400, 2_000).addNoLevel(5_600, 14_600).addNoLevel(5_700, 1);

        BookSnapshotEvent r = new BookSnapshotEvent();
        r.wrap(slot.event(), 0);
        assertWellFormed(slot.event(), 0, EventType.BOOK_SNAPSHOT, BookSnapshotEvent.BASE_LENGTH + 5 * 16);
        assertEquals(2, r.subscriptionId());
        assertEquals(1, r.exchangeSeq());
        assertTrue(r.isFirst());
        assertFalse(r.isLast());
        assertEquals(2, r.yesCount());
        assertEquals(3, r.noCount());
        assertEquals(800, r.yesPrice(0));
        assertEquals(30_000, r.yesQuantity(0));
        assertEquals(2_200, r.yesPrice(1));
        assertEquals(33_300, r.yesQuantity(1));
        assertEquals(5_400, r.noPrice(0));
        assertEquals(2_000, r.noQuantity(0));
        assertEquals(5_700, r.noPrice(2));
        assertEquals(1, r.noQuantity(2));
        assertThrows(IndexOutOfBoundsException.class, () -> r.yesPrice(2));
        assertThrows(IndexOutOfBoundsException.class, () -> r.yesQuantity(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> r.noPrice(3));
        assertThrows(IndexOutOfBoundsException.class, () -> r.noQuantity(-1));

        UnsafeBuffer b = slot.event();
        assertEquals(2, rawLong(b, 32));
        assertEquals(1, rawLong(b, 40));
        assertEquals(BookSnapshotEvent.FLAG_FIRST, b.getByte(48));
        assertEquals(2, rawShort(b, 50));
        assertEquals(3, rawShort(b, 52));
        assertEquals(800, rawLong(b, 56));
        assertEquals(30_000, rawLong(b, 64));
        assertEquals(5_400, rawLong(b, 56 + 2 * 16), "NO levels follow the YES levels");
        assertEquals(1, rawLong(b, 56 + 4 * 16 + 8));
    }

    @Test
    void yesLevelsMustPrecedeNoLevels() {
        EventSlot slot = dirtySlot();
        BookSnapshotEvent e = new BookSnapshotEvent().wrapForEncode(slot.event(), 0, 1, EventSource.FEED);
        e.addYesLevel(100, 100).addNoLevel(9_000, 100);
        assertThrows(IllegalStateException.class, () -> e.addYesLevel(200, 100));
        assertEquals(1, e.yesCount());
        assertEquals(1, e.noCount());
        assertWellFormed(slot.event(), 0, EventType.BOOK_SNAPSHOT, BookSnapshotEvent.BASE_LENGTH + 2 * 16);
    }

    @Test
    void fillsToMaxLevelsThenRefuses() {
        EventSlot slot = dirtySlot();
        BookSnapshotEvent e = new BookSnapshotEvent().wrapForEncode(slot.event(), 0, 1, EventSource.FEED);
        int yes = BookSnapshotEvent.MAX_LEVELS / 2;
        for (int i = 0; i < yes; i++) {
            assertFalse(e.isFull());
            e.addYesLevel(100L * (i + 1), i + 1);
        }
        for (int i = yes; i < BookSnapshotEvent.MAX_LEVELS; i++) {
            assertFalse(e.isFull());
            e.addNoLevel(100L * (i - yes + 1), 1_000 + i);
        }
        assertTrue(e.isFull());
        int full = BookSnapshotEvent.BASE_LENGTH + BookSnapshotEvent.MAX_LEVELS * 16;
        assertWellFormed(slot.event(), 0, EventType.BOOK_SNAPSHOT, full);
        assertThrows(IllegalStateException.class, () -> e.addNoLevel(9_900, 1));
        assertThrows(IllegalStateException.class, () -> e.addYesLevel(9_900, 1));
        assertEquals(BookSnapshotEvent.MAX_LEVELS, e.yesCount() + e.noCount());
        assertWellFormed(slot.event(), 0, EventType.BOOK_SNAPSHOT, full);
        assertEquals(yes, e.yesQuantity(yes - 1));
        assertEquals(1_000 + BookSnapshotEvent.MAX_LEVELS - 1, e.noQuantity(BookSnapshotEvent.MAX_LEVELS - yes - 1));
    }

    @Test
    void allYesChunkFillsToMaxLevels() {
        EventSlot slot = dirtySlot();
        BookSnapshotEvent e = new BookSnapshotEvent().wrapForEncode(slot.event(), 0, 1, EventSource.FEED);
        for (int i = 0; i < BookSnapshotEvent.MAX_LEVELS; i++) {
            e.addYesLevel(i, i);
        }
        assertThrows(IllegalStateException.class, () -> e.addYesLevel(1, 1));
        assertWellFormed(slot.event(), 0, EventType.BOOK_SNAPSHOT, BookSnapshotEvent.BASE_LENGTH + BookSnapshotEvent.MAX_LEVELS * 16);
    }

    @Test
    void badLevelCountsFailValidation() {
        EventSlot slot = dirtySlot();
        BookSnapshotEvent e = new BookSnapshotEvent().wrapForEncode(slot.event(), 0, 1, EventSource.FEED);
        e.addYesLevel(100, 1).addNoLevel(200, 1);
        UnsafeBuffer b = slot.event();
        int len = EventHeader.length(b, 0);

        b.putShort(50, (short) 3, EventHeader.ORDER); // counts claim 4 levels, length holds 2
        assertTrue(EventHeader.validate(b, 0, len).contains("expected " + (len + 32)), EventHeader.validate(b, 0, len));

        b.putShort(50, (short) -1, EventHeader.ORDER);
        assertEquals("BookSnapshot event has an invalid entry count", EventHeader.validate(b, 0, len));

        b.putShort(50, (short) BookSnapshotEvent.MAX_LEVELS, EventHeader.ORDER); // 60 + 1 > MAX_LEVELS
        assertEquals("BookSnapshot event has an invalid entry count", EventHeader.validate(b, 0, len));

        b.putShort(50, (short) 1, EventHeader.ORDER);
        b.putShort(52, (short) -5, EventHeader.ORDER);
        assertNotNull(EventHeader.validate(b, 0, len));
    }
}

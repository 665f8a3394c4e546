package io.kengine.protocol.event;

import io.kengine.protocol.stage.EventSlot;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static io.kengine.protocol.event.EventAssertions.dirtySlot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** validate() is what the journal reader and replay trust: every failure is a message, never an exception. */
class EventHeaderValidateTest {

    private static EventSlot trade() {
        EventSlot slot = dirtySlot();
        new TradeEvent().wrapForEncode(slot.event(), 0, 1, EventSource.FEED).yesPrice(100).tradeId("t");
        return slot;
    }

    @Test
    void validEvent() {
        assertNull(EventHeader.validate(trade().event(), 0, TradeEvent.LENGTH));
    }

    @Test
    void recordShorterThanTheHeader() {
        assertEquals("record of 31 bytes is shorter than the 32-byte event header",
            EventHeader.validate(trade().event(), 0, 31));
        assertEquals("record of 0 bytes is shorter than the 32-byte event header",
            EventHeader.validate(new UnsafeBuffer(new byte[0]), 0, 0));
    }

    @Test
    void truncatedRecord() {
        assertEquals("event length 104 exceeds the 103 bytes present (truncated)",
            EventHeader.validate(trade().event(), 0, TradeEvent.LENGTH - 1));
    }

    @Test
    void lengthOutsideBounds() {
        EventSlot slot = trade();
        slot.event().putInt(0, 31, EventHeader.ORDER);
        assertEquals("event length 31 outside [32, 1024]", EventHeader.validate(slot.event(), 0, 1024));
        slot.event().putInt(0, 1025, EventHeader.ORDER);
        assertEquals("event length 1025 outside [32, 1024]", EventHeader.validate(slot.event(), 0, 1024));
        slot.event().putInt(0, -8, EventHeader.ORDER);
        assertEquals("event length -8 outside [32, 1024]", EventHeader.validate(slot.event(), 0, 1024));
    }

    @Test
    void wrongSchemaVersion() {
        EventSlot slot = trade();
        slot.event().putByte(EventHeader.VERSION_OFFSET, (byte) 2);
        assertEquals("event schema version 2 is not the supported version 1", EventHeader.validate(slot.event(), 0, 1024));
        slot.event().putByte(EventHeader.VERSION_OFFSET, (byte) 0);
        assertEquals("event schema version 0 is not the supported version 1", EventHeader.validate(slot.event(), 0, 1024));
    }

    @Test
    void unknownType() {
        EventSlot slot = trade();
        for (short t : new short[] {0, 14, 19, 22, -3}) {
            slot.event().putShort(EventHeader.TYPE_OFFSET, t, EventHeader.ORDER);
            assertEquals("unknown event type " + t, EventHeader.validate(slot.event(), 0, 1024));
        }
    }

    @Test
    void fixedEventWithTheWrongLength() {
        EventSlot slot = trade();
        slot.event().putInt(0, TradeEvent.LENGTH + 8, EventHeader.ORDER);
        assertEquals("Trade event has length 112, expected 104", EventHeader.validate(slot.event(), 0, 1024));
        slot.event().putInt(0, 40, EventHeader.ORDER);
        assertEquals("Trade event has length 40, shorter than its fixed part of 104", EventHeader.validate(slot.event(), 0, 1024));
    }

    @Test
    void listEventShorterThanItsFixedPartIsReportedNotReadBeyondTheRecord() {
        // A 40-byte record claiming to be a snapshot: its level counts would lie past the record's end.
        UnsafeBuffer exact = new UnsafeBuffer(new byte[40]);
        EventHeader.init(exact, 0, EventType.BOOK_SNAPSHOT, 40, 1, EventSource.FEED);
        assertEquals("BookSnapshot event has length 40, shorter than its fixed part of 56", EventHeader.validate(exact, 0, 40));

        UnsafeBuffer intent = new UnsafeBuffer(new byte[48]);
        EventHeader.init(intent, 0, EventType.ORDER_INTENT, 48, 1, EventSource.ORDERS_STAGE);
        assertEquals("OrderIntent event has length 48, shorter than its fixed part of 56", EventHeader.validate(intent, 0, 48));
    }

    @Test
    void validatesAtAnOffset() {
        UnsafeBuffer b = new UnsafeBuffer(new byte[2048]);
        new TimerEvent().wrapForEncode(b, 0, EventSource.TIMER).timerId(1);
        new TradeEvent().wrapForEncode(b, TimerEvent.LENGTH, 3, EventSource.FEED).tradeId("x");
        assertNull(EventHeader.validate(b, 0, TimerEvent.LENGTH));
        assertNull(EventHeader.validate(b, TimerEvent.LENGTH, TradeEvent.LENGTH));
        assertEquals("event length 104 exceeds the 100 bytes present (truncated)", EventHeader.validate(b, TimerEvent.LENGTH, 100));
    }
}

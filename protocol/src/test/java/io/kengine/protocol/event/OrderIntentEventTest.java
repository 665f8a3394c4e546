package io.kengine.protocol.event;

import io.kengine.protocol.stage.EventSlot;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.kengine.protocol.event.EventAssertions.assertWellFormed;
import static io.kengine.protocol.event.EventAssertions.dirtySlot;
import static io.kengine.protocol.event.EventAssertions.rawAscii;
import static io.kengine.protocol.event.EventAssertions.rawInt;
import static io.kengine.protocol.event.EventAssertions.rawLong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderIntentEventTest {
    private static final UnsafeBuffer IDS = new UnsafeBuffer(
        "run7-000001run7-000002run7-000003run7-000004run7-000005run7-000006run7-000007".getBytes(StandardCharsets.US_ASCII));

    @Test
    void layout() {
        assertEquals(56, OrderIntentEvent.BASE_LENGTH);
        assertEquals(152, OrderIntentEvent.LEG_LENGTH);
        assertEquals(6, OrderIntentEvent.MAX_LEGS);
        assertTrue(OrderIntentEvent.BASE_LENGTH + OrderIntentEvent.MAX_LEGS * OrderIntentEvent.LEG_LENGTH <= EventHeader.MAX_EVENT_LENGTH);
    }

    @Test
    void oneCreateLegRoundTrips() {
        EventSlot slot = dirtySlot();
        OrderIntentEvent e = new OrderIntentEvent().wrapForEncode(slot.event(), 0, 31, 1_000L, 987_654_321L);
        assertEquals(0, e.legCount());
        assertTrue(EventHeader.validate(slot.event(), 0, OrderIntentEvent.BASE_LENGTH).contains("invalid entry count"),
            "an intent without legs is not a valid event");
        e.groupId(0);
        int leg = e.addLeg(OrderIntentEvent.CREATE, 31, Codes.BID, 5_600, 1_000, OrderIntentEvent.TIF_GTC,
            (byte) (OrderIntentEvent.FLAG_POST_ONLY | OrderIntentEvent.FLAG_CANCEL_ON_PAUSE), IDS, 0, 11);
        assertEquals(0, leg);
        e.legExpirationSeconds(0, 1_700_000_060L);
        EventHeader.sequence(slot.event(), 0, 55);

        OrderIntentEvent r = new OrderIntentEvent();
        r.wrap(slot.event(), 0);
        assertWellFormed(slot.event(), 0, EventType.ORDER_INTENT, OrderIntentEvent.BASE_LENGTH + OrderIntentEvent.LEG_LENGTH);
        assertEquals(31, r.marketId());
        assertEquals(EventSource.ORDERS_STAGE, r.source());
        assertEquals(55, r.sequence());
        assertEquals(987_654_321L, r.timestampNanos(), "the header carries the cause's timestamp");
        assertEquals(1_000L, r.causeSequence());
        assertEquals(0, r.groupId());
        assertEquals(1, r.legCount());
        assertEquals(OrderIntentEvent.CREATE, r.legAction(0));
        assertEquals(31, r.legMarketId(0));
        assertEquals(Codes.BID, r.legSide(0));
        assertEquals(5_600, r.legPrice(0));
        assertEquals(1_000, r.legCount(0));
        assertEquals(OrderIntentEvent.TIF_GTC, r.legTimeInForce(0));
        assertEquals(OrderIntentEvent.FLAG_POST_ONLY | OrderIntentEvent.FLAG_CANCEL_ON_PAUSE, r.legFlags(0));
        assertEquals(1_700_000_060L, r.legExpirationSeconds(0));
        assertEquals("run7-000001", r.legClientOrderId(0));
        assertEquals("", r.legUpdatedClientOrderId(0), "slot garbage must not leak into an unset id");
        assertEquals("", r.legOrderId(0));
        assertThrows(IndexOutOfBoundsException.class, () -> r.legPrice(1));
        assertThrows(IndexOutOfBoundsException.class, () -> r.legAction(-1));

        UnsafeBuffer b = slot.event();
        assertEquals(0, rawLong(b, 32));
        assertEquals(1_000L, rawLong(b, 40));
        assertEquals(1, rawInt(b, 48));
        int leg0 = 56;
        assertEquals(5_600, rawLong(b, leg0));
        assertEquals(1_000, rawLong(b, leg0 + 8));
        assertEquals(1_700_000_060L, rawLong(b, leg0 + 16));
        assertEquals(31, rawInt(b, leg0 + 24));
        assertEquals(OrderIntentEvent.CREATE, b.getByte(leg0 + 28));
        assertEquals(Codes.BID, b.getByte(leg0 + 29));
        assertEquals(OrderIntentEvent.TIF_GTC, b.getByte(leg0 + 30));
        assertEquals(OrderIntentEvent.FLAG_POST_ONLY | OrderIntentEvent.FLAG_CANCEL_ON_PAUSE, b.getByte(leg0 + 31));
        assertEquals("run7-000001", rawAscii(b, leg0 + 32));
    }

    @Test
    void amendAndCancelLegsCarryTheirIds() {
        EventSlot slot = dirtySlot();
        OrderIntentEvent e = new OrderIntentEvent().wrapForEncode(slot.event(), 0, 31, 7, 8);
        e.groupId(99);
        e.addLeg(OrderIntentEvent.AMEND, 31, Codes.ASK, 5_700, 500, OrderIntentEvent.TIF_GTC, (byte) 0, IDS, 11, 11);
        e.legUpdatedClientOrderId(0, IDS, 22, 11).legOrderId(0, "ord-amend");
        e.addLeg(OrderIntentEvent.CANCEL, 32, Codes.BID, 0, 0, (byte) 0, (byte) 0, null, 0, 0);
        UnsafeBuffer orderId = new UnsafeBuffer("ord-cancel".getBytes(StandardCharsets.US_ASCII));
        e.legOrderId(1, orderId, 0, orderId.capacity());

        OrderIntentEvent r = new OrderIntentEvent();
        r.wrap(slot.event(), 0);
        assertWellFormed(slot.event(), 0, EventType.ORDER_INTENT, OrderIntentEvent.BASE_LENGTH + 2 * OrderIntentEvent.LEG_LENGTH);
        assertEquals(99, r.groupId());
        assertEquals("run7-000002", r.legClientOrderId(0));
        assertEquals("run7-000003", r.legUpdatedClientOrderId(0));
        assertEquals("ord-amend", r.legOrderId(0));
        assertEquals(OrderIntentEvent.CANCEL, r.legAction(1));
        assertEquals(32, r.legMarketId(1));
        assertEquals("", r.legClientOrderId(1));
        assertEquals("ord-cancel", r.legOrderId(1));
        int leg1 = 56 + 152;
        assertEquals("run7-000003", rawAscii(slot.event(), 56 + 72));
        assertEquals("ord-amend", rawAscii(slot.event(), 56 + 112));
        assertEquals("ord-cancel", rawAscii(slot.event(), leg1 + 112));
        assertEquals("amend", OrderIntentEvent.actionName(r.legAction(0)));
        assertEquals("good_till_canceled", OrderIntentEvent.tifName(r.legTimeInForce(0)));
    }

    @Test
    void holdsUpToMaxLegsAndRefusesMore() {
        EventSlot slot = dirtySlot();
        OrderIntentEvent e = new OrderIntentEvent().wrapForEncode(slot.event(), 0, 1, 1, 1);
        for (int i = 0; i < OrderIntentEvent.MAX_LEGS; i++) {
            assertFalse(e.isFull());
            assertEquals(i, e.addLeg(OrderIntentEvent.CREATE, 100 + i, Codes.BID, 100L * (i + 1), 100, OrderIntentEvent.TIF_IOC,
                (byte) 0, IDS, 11 * i, 11));
            assertWellFormed(slot.event(), 0, EventType.ORDER_INTENT, OrderIntentEvent.BASE_LENGTH + (i + 1) * OrderIntentEvent.LEG_LENGTH);
        }
        assertTrue(e.isFull());
        IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> e.addLeg(OrderIntentEvent.CREATE, 1, Codes.BID, 1, 1, OrderIntentEvent.TIF_IOC, (byte) 0, IDS, 0, 11));
        assertTrue(ex.getMessage().contains(String.valueOf(OrderIntentEvent.MAX_LEGS)), ex.getMessage());
        assertEquals(OrderIntentEvent.MAX_LEGS, e.legCount());
        for (int i = 0; i < OrderIntentEvent.MAX_LEGS; i++) {
            assertEquals(100 + i, e.legMarketId(i));
            assertEquals(100L * (i + 1), e.legPrice(i));
            assertEquals("run7-00000" + (i + 1), e.legClientOrderId(i));
        }
    }

    @Test
    void aTooLongIdIsRefusedAndTheLegNotAdded() {
        EventSlot slot = dirtySlot();
        OrderIntentEvent e = new OrderIntentEvent().wrapForEncode(slot.event(), 0, 1, 1, 1);
        UnsafeBuffer longId = new UnsafeBuffer(new byte[OrderIntentEvent.ID_CAPACITY]);
        assertThrows(IllegalArgumentException.class,
            () -> e.addLeg(OrderIntentEvent.CREATE, 1, Codes.BID, 1, 1, OrderIntentEvent.TIF_IOC, (byte) 0, longId, 0, longId.capacity()));
        assertEquals(0, e.legCount());
        assertEquals(OrderIntentEvent.BASE_LENGTH, e.length());
    }

    @Test
    void badLegCountsFailValidation() {
        EventSlot slot = dirtySlot();
        OrderIntentEvent e = new OrderIntentEvent().wrapForEncode(slot.event(), 0, 1, 1, 1);
        e.addLeg(OrderIntentEvent.CREATE, 1, Codes.BID, 1, 1, OrderIntentEvent.TIF_IOC, (byte) 0, IDS, 0, 11);
        UnsafeBuffer b = slot.event();
        int len = e.length();
        for (int bad : new int[] {0, -1, OrderIntentEvent.MAX_LEGS + 1, Integer.MAX_VALUE}) {
            b.putInt(48, bad, EventHeader.ORDER);
            assertEquals("OrderIntent event has an invalid entry count", EventHeader.validate(b, 0, len), "legs " + bad);
        }
        b.putInt(48, 2, EventHeader.ORDER);
        assertEquals("OrderIntent event has length " + len + ", expected " + (len + OrderIntentEvent.LEG_LENGTH),
            EventHeader.validate(b, 0, len));
    }

    @Test
    void legIdFieldsCopyIntoAReplyWithoutStrings() {
        EventSlot slot = dirtySlot();
        OrderIntentEvent e = new OrderIntentEvent().wrapForEncode(slot.event(), 0, 31, 1_000L, 987_654_321L);
        e.addLeg(OrderIntentEvent.CREATE, 31, Codes.BID, 5_600, 1_000, OrderIntentEvent.TIF_GTC, (byte) 0, IDS, 0, 11);
        int leg = e.addLeg(OrderIntentEvent.AMEND, 31, Codes.ASK, 5_800, 1_000, OrderIntentEvent.TIF_GTC, (byte) 0, IDS, 11, 11);
        e.legUpdatedClientOrderId(leg, IDS, 22, 11);
        e.legOrderId(leg, IDS, 33, 11);
        EventSlot out = dirtySlot();
        OrderReplyEvent reply = new OrderReplyEvent().wrapForEncode(out.event(), 0, 31, EventSource.GATEWAY);
        int at = e.legUpdatedClientOrderIdField(leg);
        reply.clientOrderId(slot.event(), at + 1, AsciiField.length(slot.event(), at));
        at = e.legOrderIdField(leg);
        reply.orderId(slot.event(), at + 1, AsciiField.length(slot.event(), at));
        assertEquals("run7-000003", reply.clientOrderId());
        assertEquals("run7-000004", reply.orderId());
        at = e.legClientOrderIdField(0);
        assertEquals("run7-000001", AsciiField.get(slot.event(), at));
    }
}

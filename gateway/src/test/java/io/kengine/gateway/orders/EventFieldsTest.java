package io.kengine.gateway.orders;

import io.kengine.protocol.event.AsciiField;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The byte offsets ReplyFields mirrors from the protocol flyweights still point at the right fields. */
class EventFieldsTest {
    @Test
    void fillIdOffsetsMatchFillEvent() {
        UnsafeBuffer b = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
        new FillEvent().wrapForEncode(b, 0, 1, EventSource.FEED).tradeId("trade-1").orderId("order-22")
            .clientOrderId("k1-333");
        assertEquals("trade-1", AsciiField.get(b, ReplyFields.FILL_TRADE_ID));
        assertEquals("order-22", AsciiField.get(b, ReplyFields.FILL_ORDER_ID));
        assertEquals("k1-333", AsciiField.get(b, ReplyFields.FILL_CLIENT_ORDER_ID));
    }

    @Test
    void replyReasonOffsetMatchesOrderReplyEvent() {
        UnsafeBuffer b = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
        new OrderReplyEvent().wrapForEncode(b, 0, 1, EventSource.GATEWAY).clientOrderId("c").orderId("o")
            .reason("why not");
        assertEquals("why not", AsciiField.get(b, ReplyFields.REPLY_REASON));
        assertEquals("c", AsciiField.get(b, ReplyFields.REPLY_CLIENT_ORDER_ID));
    }
}

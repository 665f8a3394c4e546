package io.kengine.gateway.rest;

import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.Flyweight;
import io.kengine.protocol.event.OrderReplyEvent;
import org.agrona.MutableDirectBuffer;

/** One OrderReply event to publish (built on an HTTP thread, encoded on the inbound publisher's). */
record Reply(int marketId, byte type, byte side, String clientOrderId, String orderId, long price, long remaining,
             long filled, long causeSequence, short httpStatus, String reason, long exchangeTimeMs)
    implements InboundPublisher.Encoder {

    Reply {
        clientOrderId = clientOrderId == null ? "" : clientOrderId; // ids are never cut: a cut id names another order
        orderId = orderId == null ? "" : orderId;
        reason = ascii(reason, OrderReplyEvent.REASON_CAPACITY - 1);
    }

    @Override
    public void encode(MutableDirectBuffer b) {
        new OrderReplyEvent().wrapForEncode(b, 0, marketId, EventSource.GATEWAY)
            .replyType(type).side(side).price(price).remaining(remaining).filled(filled)
            .causeSequence(causeSequence).httpStatus(httpStatus).exchangeTimeMs(exchangeTimeMs)
            .clientOrderId(clientOrderId).orderId(orderId).reason(reason);
    }

    /** Printable ASCII, cut to {@code max}: a reason from the wire must never break the event. */
    static String ascii(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max));
        for (int i = 0; i < s.length() && sb.length() < max; i++) {
            char c = s.charAt(i);
            sb.append(c >= 0x20 && c <= 0x7E ? c : '?');
        }
        return sb.toString();
    }

    static long nullIfAbsent(long v) {
        return v == Long.MIN_VALUE ? Flyweight.NULL_LONG : v;
    }
}

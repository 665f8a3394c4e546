package io.kengine.engine.rehearsal;

import io.kengine.protocol.event.AsciiField;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The reply an exchange that accepts everything at once sends for one intent leg: create → accepted,
 * amend → amended under the new client id, decrease → decreased, cancel → canceled. The exchange
 * order id is the leg's first client id, so it stays stable across amends. Allocation-free; one
 * instance per thread.
 */
public final class InstantReplies {
    private final OrderReplyEvent reply = new OrderReplyEvent();

    /**
     * Encodes the reply to {@code leg} of {@code intent} (wrapped over {@code intentBuffer}) into
     * {@code dst} at offset 0 and returns its length.
     */
    public int encode(OrderIntentEvent intent, DirectBuffer intentBuffer, int leg, MutableDirectBuffer dst) {
        reply.wrapForEncode(dst, 0, intent.legMarketId(leg), EventSource.GATEWAY)
            .side(intent.legSide(leg)).price(intent.legPrice(leg)).remaining(intent.legCount(leg))
            .causeSequence(intent.sequence()).httpStatus((short) 200);
        int idField = intent.legClientOrderIdField(leg);
        switch (intent.legAction(leg)) {
            case OrderIntentEvent.CREATE:
                reply.replyType(OrderReplyEvent.ACCEPTED);
                break;
            case OrderIntentEvent.AMEND:
                reply.replyType(OrderReplyEvent.AMENDED);
                if (AsciiField.length(intentBuffer, intent.legUpdatedClientOrderIdField(leg)) > 0) {
                    idField = intent.legUpdatedClientOrderIdField(leg);
                }
                break;
            case OrderIntentEvent.DECREASE:
                reply.replyType(OrderReplyEvent.DECREASED);
                break;
            default:
                reply.replyType(OrderReplyEvent.CANCELED).remaining(0);
                break;
        }
        reply.clientOrderId(intentBuffer, idField + 1, AsciiField.length(intentBuffer, idField));
        int orderIdField = intent.legClientOrderIdField(leg);
        reply.orderId(intentBuffer, orderIdField + 1, AsciiField.length(intentBuffer, orderIdField));
        return reply.length();
    }
}

package io.kengine.gateway.orders;

import io.kengine.protocol.event.AsciiField;
import io.kengine.protocol.event.OrderReplyEvent;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** Byte-level access to the id fields of an OrderReply event, so matching replies allocates nothing. */
final class ReplyFields {
    private static final int CLIENT_ORDER_ID = OrderReplyEvent.CLIENT_ORDER_ID_OFFSET;
    private static final int ORDER_ID = OrderReplyEvent.ORDER_ID_OFFSET;

    private ReplyFields() {
    }

    static boolean clientOrderIdMatches(DirectBuffer event, LiveOrder order) {
        return order.isActive()
            && (equals(event, CLIENT_ORDER_ID, order.clientOrderId, order.clientOrderIdLength)
            || (order.pendingClientOrderIdLength > 0
            && equals(event, CLIENT_ORDER_ID, order.pendingClientOrderId, order.pendingClientOrderIdLength)));
    }

    static int copyOrderId(DirectBuffer event, MutableDirectBuffer dst) {
        int len = AsciiField.length(event, ORDER_ID);
        dst.putBytes(0, event, ORDER_ID + 1, len);
        return len;
    }

    private static boolean equals(DirectBuffer event, int field, DirectBuffer id, int idLength) {
        if (AsciiField.length(event, field) != idLength) {
            return false;
        }
        for (int i = 0; i < idLength; i++) {
            if (event.getByte(field + 1 + i) != id.getByte(i)) {
                return false;
            }
        }
        return true;
    }
}

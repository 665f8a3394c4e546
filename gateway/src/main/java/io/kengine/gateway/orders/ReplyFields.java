package io.kengine.gateway.orders;

import io.kengine.protocol.event.AsciiField;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.OrderReplyEvent;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Byte-level access to the id fields of OrderReply and Fill events, so matching allocates nothing.
 * The Fill offsets mirror {@code FillEvent}'s private layout (checked by {@code EventFieldsTest});
 * protocol could expose them as OrderReplyEvent does.
 */
final class ReplyFields {
    static final int REPLY_CLIENT_ORDER_ID = OrderReplyEvent.CLIENT_ORDER_ID_OFFSET;
    static final int REPLY_ORDER_ID = OrderReplyEvent.ORDER_ID_OFFSET;
    static final int REPLY_REASON = OrderReplyEvent.REASON_OFFSET;

    static final int FILL_TRADE_ID = io.kengine.protocol.event.FillEvent.TRADE_ID_OFFSET;
    static final int FILL_ORDER_ID = io.kengine.protocol.event.FillEvent.ORDER_ID_OFFSET;
    static final int FILL_CLIENT_ORDER_ID = io.kengine.protocol.event.FillEvent.CLIENT_ORDER_ID_OFFSET;

    private ReplyFields() {
    }

    /** True when the reply's client order id is the order's current or pending one. */
    static boolean clientOrderIdMatches(DirectBuffer event, LiveOrder order) {
        return idMatches(event, REPLY_CLIENT_ORDER_ID, order);
    }

    static boolean idMatches(DirectBuffer event, int field, LiveOrder order) {
        int len = AsciiField.length(event, field);
        return order.isActive() && len > 0
            && (equals(event, field, order.clientOrderId, order.clientOrderIdLength)
            || (order.pendingClientOrderIdLength > 0
            && equals(event, field, order.pendingClientOrderId, order.pendingClientOrderIdLength)));
    }

    static boolean matchesPending(DirectBuffer event, int field, LiveOrder order) {
        return order.pendingClientOrderIdLength > 0
            && equals(event, field, order.pendingClientOrderId, order.pendingClientOrderIdLength);
    }

    static boolean orderIdMatches(DirectBuffer event, int field, LiveOrder order) {
        int len = AsciiField.length(event, field);
        return order.isActive() && len > 0 && equals(event, field, order.orderId, order.orderIdLength);
    }

    /** The field equals the order's exchange id, whatever the order's state (finished orders keep their ids). */
    static boolean sameOrderId(DirectBuffer event, int field, LiveOrder order) {
        return AsciiField.length(event, field) > 0 && equals(event, field, order.orderId, order.orderIdLength);
    }

    static int copyOrderId(DirectBuffer event, MutableDirectBuffer dst) {
        return copy(event, REPLY_ORDER_ID, dst);
    }

    static int copy(DirectBuffer event, int field, MutableDirectBuffer dst) {
        int len = Math.min(AsciiField.length(event, field), LiveOrder.ID_CAPACITY);
        dst.putBytes(0, event, field + 1, len);
        return len;
    }

    /** The ASCII field equals {@code text} (a constant). */
    static boolean equalsText(DirectBuffer event, int field, byte[] text) {
        if (AsciiField.length(event, field) != text.length) {
            return false;
        }
        for (int i = 0; i < text.length; i++) {
            if (event.getByte(field + 1 + i) != text[i]) {
                return false;
            }
        }
        return true;
    }

    /** The ASCII field starts with the first {@code length} bytes of {@code prefix}. */
    static boolean startsWith(DirectBuffer event, int field, DirectBuffer prefix, int length) {
        if (AsciiField.length(event, field) < length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (event.getByte(field + 1 + i) != prefix.getByte(i)) {
                return false;
            }
        }
        return true;
    }

    /** 64-bit FNV-1a over the field's bytes, continuing from {@code seed}. */
    static long hash(DirectBuffer event, int field, long seed) {
        int len = AsciiField.length(event, field);
        long h = seed;
        for (int i = 0; i < len; i++) {
            h ^= event.getByte(field + 1 + i) & 0xFF;
            h *= 0x100000001b3L;
        }
        h ^= len;
        h *= 0x100000001b3L;
        return h;
    }

    static int length(DirectBuffer event, int field) {
        return AsciiField.length(event, field);
    }

    private static boolean equals(DirectBuffer event, int field, DirectBuffer id, int idLength) {
        if (idLength == 0 || AsciiField.length(event, field) != idLength) {
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

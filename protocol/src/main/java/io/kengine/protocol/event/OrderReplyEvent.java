package io.kengine.protocol.event;

import org.agrona.MutableDirectBuffer;

/**
 * What the exchange said about one of our orders: from a REST reply (gateway) or a
 * {@code user_order} WebSocket message (feed). Quantities are 0.01 contracts, prices $0.0001 (YES leg).
 */
public final class OrderReplyEvent extends Flyweight {
    public static final byte ACCEPTED = 1;
    public static final byte REJECTED = 2;
    public static final byte CANCELED = 3;
    public static final byte AMENDED = 4;
    public static final byte DECREASED = 5;
    /** Fully executed (the order left the book by filling). */
    public static final byte EXECUTED = 6;
    /** The request's outcome is not known (timeout, lost reply); reconciliation must resolve it. */
    public static final byte UNKNOWN = 7;

    public static final int ID_CAPACITY = 40;
    public static final int REASON_CAPACITY = 96;

    private static final int PRICE = EventHeader.LENGTH;
    private static final int REMAINING = PRICE + 8;
    private static final int FILLED = REMAINING + 8;
    private static final int EXCHANGE_TIME = FILLED + 8;
    private static final int CAUSE_SEQUENCE = EXCHANGE_TIME + 8;
    private static final int REPLY_TYPE = CAUSE_SEQUENCE + 8;
    private static final int SIDE = REPLY_TYPE + 1;
    private static final int HTTP_STATUS = SIDE + 1;
    private static final int CLIENT_ORDER_ID = HTTP_STATUS + 6;
    private static final int ORDER_ID = CLIENT_ORDER_ID + ID_CAPACITY;
    private static final int REASON = ORDER_ID + ID_CAPACITY;
    public static final int LENGTH = REASON + REASON_CAPACITY;
    /** Field offsets for byte-level matching of ids without building Strings. */
    public static final int CLIENT_ORDER_ID_OFFSET = CLIENT_ORDER_ID;
    public static final int ORDER_ID_OFFSET = ORDER_ID;
    public static final int REASON_OFFSET = REASON;

    public OrderReplyEvent wrapForEncode(MutableDirectBuffer buffer, int offset, int marketId, int source) {
        wrap(buffer, offset);
        header(EventType.ORDER_REPLY, LENGTH, marketId, source);
        zeroBody(LENGTH);
        putLong(CAUSE_SEQUENCE, NULL_LONG);
        return this;
    }

    public byte replyType() { return getByte(REPLY_TYPE); }
    public OrderReplyEvent replyType(byte v) { putByte(REPLY_TYPE, v); return this; }
    public byte side() { return getByte(SIDE); }
    public OrderReplyEvent side(byte v) { putByte(SIDE, v); return this; }
    public short httpStatus() { return getShort(HTTP_STATUS); }
    public OrderReplyEvent httpStatus(short v) { putShort(HTTP_STATUS, v); return this; }
    public long price() { return getLong(PRICE); }
    public OrderReplyEvent price(long v) { putLong(PRICE, v); return this; }
    public long remaining() { return getLong(REMAINING); }
    public OrderReplyEvent remaining(long v) { putLong(REMAINING, v); return this; }
    public long filled() { return getLong(FILLED); }
    public OrderReplyEvent filled(long v) { putLong(FILLED, v); return this; }
    public long exchangeTimeMs() { return getLong(EXCHANGE_TIME); }
    public OrderReplyEvent exchangeTimeMs(long v) { putLong(EXCHANGE_TIME, v); return this; }
    /** Outbound sequence of the intent this replies to, or {@link #NULL_LONG} for unsolicited updates. */
    public long causeSequence() { return getLong(CAUSE_SEQUENCE); }
    public OrderReplyEvent causeSequence(long v) { putLong(CAUSE_SEQUENCE, v); return this; }
    public String clientOrderId() { return getAscii(CLIENT_ORDER_ID); }
    public OrderReplyEvent clientOrderId(CharSequence v) { putAscii(CLIENT_ORDER_ID, ID_CAPACITY, v); return this; }
    public boolean clientOrderIdEquals(CharSequence v) { return asciiEquals(CLIENT_ORDER_ID, v); }
    /** Copies raw ASCII bytes (e.g. another event's {@link AsciiField} content) without a String. */
    public OrderReplyEvent clientOrderId(org.agrona.DirectBuffer src, int srcOffset, int len) {
        putAscii(CLIENT_ORDER_ID, ID_CAPACITY, src, srcOffset, len);
        return this;
    }
    public OrderReplyEvent orderId(org.agrona.DirectBuffer src, int srcOffset, int len) {
        putAscii(ORDER_ID, ID_CAPACITY, src, srcOffset, len);
        return this;
    }
    public String orderId() { return getAscii(ORDER_ID); }
    public OrderReplyEvent orderId(CharSequence v) { putAscii(ORDER_ID, ID_CAPACITY, v); return this; }
    public String reason() { return getAscii(REASON); }
    /** Reject reason; longer texts are cut to the field (this is the one field where a cut loses nothing decisions use). */
    public OrderReplyEvent reason(CharSequence v) {
        CharSequence r = v != null && v.length() > REASON_CAPACITY - 1 ? v.subSequence(0, REASON_CAPACITY - 1) : v;
        putAscii(REASON, REASON_CAPACITY, r);
        return this;
    }

    public static String typeName(byte t) {
        switch (t) {
            case ACCEPTED: return "accepted";
            case REJECTED: return "rejected";
            case CANCELED: return "canceled";
            case AMENDED: return "amended";
            case DECREASED: return "decreased";
            case EXECUTED: return "executed";
            case UNKNOWN: return "unknown";
            default: return "?" + t;
        }
    }
}

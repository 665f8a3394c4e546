package io.kengine.protocol.event;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Outbound: what the engine wants done at the exchange. One intent carries 1..{@link #MAX_LEGS}
 * order actions (create, amend, decrease, cancel); more than one is a batch. Legs of a multi-leg
 * trade share a non-zero group id, so risk and the gateway treat them (and their unwind) together.
 * The header's timestamp is the timestamp of the inbound event that caused the intent, and
 * {@link #causeSequence()} its inbound sequence: both are deterministic, which replay relies on.
 */
public final class OrderIntentEvent extends Flyweight {
    public static final byte CREATE = 1;
    public static final byte AMEND = 2;
    public static final byte DECREASE = 3;
    public static final byte CANCEL = 4;

    public static final byte TIF_GTC = 1;
    public static final byte TIF_IOC = 2;
    public static final byte TIF_FOK = 3;

    public static final byte FLAG_POST_ONLY = 1;
    public static final byte FLAG_REDUCE_ONLY = 2;
    public static final byte FLAG_CANCEL_ON_PAUSE = 4;

    public static final int ID_CAPACITY = 40;

    private static final int GROUP_ID = EventHeader.LENGTH;
    private static final int CAUSE_SEQUENCE = GROUP_ID + 8;
    private static final int LEG_COUNT = CAUSE_SEQUENCE + 8;
    private static final int LEGS = LEG_COUNT + 8;
    public static final int BASE_LENGTH = LEGS;

    // leg layout, relative to the leg start
    private static final int L_PRICE = 0;
    private static final int L_COUNT = 8;
    private static final int L_EXPIRATION = 16;
    private static final int L_MARKET_ID = 24;
    private static final int L_ACTION = 28;
    private static final int L_SIDE = 29;
    private static final int L_TIF = 30;
    private static final int L_FLAGS = 31;
    private static final int L_CLIENT_ORDER_ID = 32;
    private static final int L_UPDATED_CLIENT_ORDER_ID = L_CLIENT_ORDER_ID + ID_CAPACITY;
    private static final int L_ORDER_ID = L_UPDATED_CLIENT_ORDER_ID + ID_CAPACITY;
    public static final int LEG_LENGTH = L_ORDER_ID + ID_CAPACITY;
    public static final int MAX_LEGS = (EventHeader.MAX_EVENT_LENGTH - BASE_LENGTH) / LEG_LENGTH;

    /** Starts an intent with no legs; the header timestamp and market come from the causing event. */
    public OrderIntentEvent wrapForEncode(MutableDirectBuffer buffer, int offset, int marketId,
                                          long causeSequence, long causeTimestampNanos) {
        wrap(buffer, offset);
        header(EventType.ORDER_INTENT, BASE_LENGTH, marketId, EventSource.ORDERS_STAGE);
        zeroBody(BASE_LENGTH);
        EventHeader.timestampNanos(buffer, offset, causeTimestampNanos);
        putLong(CAUSE_SEQUENCE, causeSequence);
        return this;
    }

    static int lengthFor(DirectBuffer b, int offset) {
        int n = b.getInt(offset + LEG_COUNT, EventHeader.ORDER);
        if (n < 1 || n > MAX_LEGS) {
            return -1;
        }
        return BASE_LENGTH + n * LEG_LENGTH;
    }

    public long groupId() { return getLong(GROUP_ID); }
    public OrderIntentEvent groupId(long v) { putLong(GROUP_ID, v); return this; }
    public long causeSequence() { return getLong(CAUSE_SEQUENCE); }
    public int legCount() { return getInt(LEG_COUNT); }
    public boolean isFull() { return legCount() >= MAX_LEGS; }

    /**
     * Appends a leg and returns its index. Ids are given as ASCII in buffers so the hot path builds
     * them without Strings; pass length 0 for an absent id.
     */
    public int addLeg(byte action, int marketId, byte side, long price, long count, byte tif, byte flags,
                      DirectBuffer clientOrderId, int clientOrderIdOffset, int clientOrderIdLength) {
        int n = legCount();
        if (n >= MAX_LEGS) {
            throw new IllegalStateException("intent already holds " + MAX_LEGS + " legs");
        }
        int at = LEGS + n * LEG_LENGTH;
        buffer.setMemory(offset + at, LEG_LENGTH, (byte) 0);
        putLong(at + L_PRICE, price);
        putLong(at + L_COUNT, count);
        putInt(at + L_MARKET_ID, marketId);
        putByte(at + L_ACTION, action);
        putByte(at + L_SIDE, side);
        putByte(at + L_TIF, tif);
        putByte(at + L_FLAGS, flags);
        if (clientOrderIdLength > 0) {
            putAscii(at + L_CLIENT_ORDER_ID, ID_CAPACITY, clientOrderId, clientOrderIdOffset, clientOrderIdLength);
        }
        putInt(LEG_COUNT, n + 1);
        setLength(LEGS + (n + 1) * LEG_LENGTH);
        return n;
    }

    public OrderIntentEvent legExpirationSeconds(int leg, long v) { putLong(leg(leg) + L_EXPIRATION, v); return this; }
    public OrderIntentEvent legOrderId(int leg, CharSequence v) { putAscii(leg(leg) + L_ORDER_ID, ID_CAPACITY, v); return this; }
    public OrderIntentEvent legOrderId(int leg, DirectBuffer src, int srcOffset, int len) {
        putAscii(leg(leg) + L_ORDER_ID, ID_CAPACITY, src, srcOffset, len);
        return this;
    }
    public OrderIntentEvent legUpdatedClientOrderId(int leg, DirectBuffer src, int srcOffset, int len) {
        putAscii(leg(leg) + L_UPDATED_CLIENT_ORDER_ID, ID_CAPACITY, src, srcOffset, len);
        return this;
    }

    /** Absolute buffer offsets of a leg's id fields (an {@link AsciiField}), for copying without a String. */
    public int legClientOrderIdField(int leg) { return offset + leg(leg) + L_CLIENT_ORDER_ID; }
    public int legUpdatedClientOrderIdField(int leg) { return offset + leg(leg) + L_UPDATED_CLIENT_ORDER_ID; }
    public int legOrderIdField(int leg) { return offset + leg(leg) + L_ORDER_ID; }

    public byte legAction(int leg) { return getByte(leg(leg) + L_ACTION); }
    public int legMarketId(int leg) { return getInt(leg(leg) + L_MARKET_ID); }
    public byte legSide(int leg) { return getByte(leg(leg) + L_SIDE); }
    /** YES price ($0.0001): limit price for create and amend, unused for cancel. */
    public long legPrice(int leg) { return getLong(leg(leg) + L_PRICE); }
    /** 0.01 contracts: count for create, new total for amend, reduce-by for decrease, unused for cancel. */
    public long legCount(int leg) { return getLong(leg(leg) + L_COUNT); }
    public byte legTimeInForce(int leg) { return getByte(leg(leg) + L_TIF); }
    public byte legFlags(int leg) { return getByte(leg(leg) + L_FLAGS); }
    public long legExpirationSeconds(int leg) { return getLong(leg(leg) + L_EXPIRATION); }
    public String legClientOrderId(int leg) { return getAscii(leg(leg) + L_CLIENT_ORDER_ID); }
    public String legUpdatedClientOrderId(int leg) { return getAscii(leg(leg) + L_UPDATED_CLIENT_ORDER_ID); }
    public String legOrderId(int leg) { return getAscii(leg(leg) + L_ORDER_ID); }

    private int leg(int i) {
        if (i < 0 || i >= legCount()) {
            throw new IndexOutOfBoundsException("leg " + i + " of " + legCount());
        }
        return LEGS + i * LEG_LENGTH;
    }

    public static String actionName(byte a) {
        switch (a) {
            case CREATE: return "create";
            case AMEND: return "amend";
            case DECREASE: return "decrease";
            case CANCEL: return "cancel";
            default: return "?" + a;
        }
    }

    public static String tifName(byte t) {
        switch (t) {
            case TIF_GTC: return "good_till_canceled";
            case TIF_IOC: return "immediate_or_cancel";
            case TIF_FOK: return "fill_or_kill";
            default: return "?" + t;
        }
    }
}

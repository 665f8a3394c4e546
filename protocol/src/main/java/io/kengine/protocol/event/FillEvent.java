package io.kengine.protocol.event;

import org.agrona.MutableDirectBuffer;

/** One of our orders traded. Fills are the truth about positions; dedup by trade id is the consumer's job. */
public final class FillEvent extends Flyweight {
    public static final int ID_CAPACITY = 40;
    private static final int PRICE = EventHeader.LENGTH;
    private static final int COUNT = PRICE + 8;
    private static final int FEE = COUNT + 8;
    private static final int POST_POSITION = FEE + 8;
    private static final int EXCHANGE_TIME = POST_POSITION + 8;
    private static final int SIDE = EXCHANGE_TIME + 8;
    private static final int TAKER = SIDE + 1;
    private static final int TRADE_ID = TAKER + 7;
    private static final int ORDER_ID = TRADE_ID + ID_CAPACITY;
    private static final int CLIENT_ORDER_ID = ORDER_ID + ID_CAPACITY;
    /** Offsets of the id fields ({@link AsciiField}: length byte + bytes), for dedup and matching without Strings. */
    public static final int TRADE_ID_OFFSET = TRADE_ID;
    public static final int ORDER_ID_OFFSET = ORDER_ID;
    public static final int CLIENT_ORDER_ID_OFFSET = CLIENT_ORDER_ID;
    public static final int LENGTH = CLIENT_ORDER_ID + ID_CAPACITY;

    public FillEvent wrapForEncode(MutableDirectBuffer buffer, int offset, int marketId, int source) {
        wrap(buffer, offset);
        header(EventType.FILL, LENGTH, marketId, source);
        zeroBody(LENGTH);
        putLong(POST_POSITION, NULL_LONG);
        return this;
    }

    /** YES price of the fill ($0.0001). */
    public long price() { return getLong(PRICE); }
    public FillEvent price(long v) { putLong(PRICE, v); return this; }
    public long count() { return getLong(COUNT); }
    public FillEvent count(long v) { putLong(COUNT, v); return this; }
    /** Fee charged for this fill ($0.0001). */
    public long fee() { return getLong(FEE); }
    public FillEvent fee(long v) { putLong(FEE, v); return this; }
    /** Position after the fill as the exchange reports it (+YES / −NO), or {@link #NULL_LONG}. */
    public long postPosition() { return getLong(POST_POSITION); }
    public FillEvent postPosition(long v) { putLong(POST_POSITION, v); return this; }
    public long exchangeTimeMs() { return getLong(EXCHANGE_TIME); }
    public FillEvent exchangeTimeMs(long v) { putLong(EXCHANGE_TIME, v); return this; }
    /** {@link Codes#BID}: we bought YES; {@link Codes#ASK}: we sold YES (bought NO). */
    public byte side() { return getByte(SIDE); }
    public FillEvent side(byte v) { putByte(SIDE, v); return this; }
    public boolean isTaker() { return getByte(TAKER) != 0; }
    public FillEvent isTaker(boolean v) { putByte(TAKER, (byte) (v ? 1 : 0)); return this; }
    public String tradeId() { return getAscii(TRADE_ID); }
    public FillEvent tradeId(CharSequence v) { putAscii(TRADE_ID, ID_CAPACITY, v); return this; }
    public String orderId() { return getAscii(ORDER_ID); }
    public FillEvent orderId(CharSequence v) { putAscii(ORDER_ID, ID_CAPACITY, v); return this; }
    public String clientOrderId() { return getAscii(CLIENT_ORDER_ID); }
    public FillEvent clientOrderId(CharSequence v) { putAscii(CLIENT_ORDER_ID, ID_CAPACITY, v); return this; }
}

package io.kengine.protocol.event;

import org.agrona.MutableDirectBuffer;

/** A public trade print. */
public final class TradeEvent extends Flyweight {
    public static final int ID_CAPACITY = 40;
    private static final int YES_PRICE = EventHeader.LENGTH;
    private static final int COUNT = YES_PRICE + 8;
    private static final int EXCHANGE_TIME = COUNT + 8;
    private static final int TAKER_SIDE = EXCHANGE_TIME + 8;
    private static final int TRADE_ID = TAKER_SIDE + 8;
    public static final int LENGTH = TRADE_ID + ID_CAPACITY;

    public TradeEvent wrapForEncode(MutableDirectBuffer buffer, int offset, int marketId, int source) {
        wrap(buffer, offset);
        header(EventType.TRADE, LENGTH, marketId, source);
        zeroBody(LENGTH);
        return this;
    }

    public long yesPrice() { return getLong(YES_PRICE); }
    public TradeEvent yesPrice(long v) { putLong(YES_PRICE, v); return this; }
    public long count() { return getLong(COUNT); }
    public TradeEvent count(long v) { putLong(COUNT, v); return this; }
    public long exchangeTimeMs() { return getLong(EXCHANGE_TIME); }
    public TradeEvent exchangeTimeMs(long v) { putLong(EXCHANGE_TIME, v); return this; }
    public byte takerSide() { return getByte(TAKER_SIDE); }
    public TradeEvent takerSide(byte v) { putByte(TAKER_SIDE, v); return this; }
    public String tradeId() { return getAscii(TRADE_ID); }
    public TradeEvent tradeId(CharSequence v) { putAscii(TRADE_ID, ID_CAPACITY, v); return this; }

    /** Writes {@code prefix + number} as the trade id without building a String (number ≥ 0). */
    public TradeEvent tradeIdNumeric(String prefix, long number) {
        if (number < 0 || prefix.length() + 19 > ID_CAPACITY - 1) {
            throw new IllegalArgumentException("trade id prefix '" + prefix + "' or number " + number + " does not fit");
        }
        int at = offset + TRADE_ID;
        int len = 0;
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("non-ASCII trade id prefix '" + prefix + "'");
            }
            buffer.putByte(at + 1 + len++, (byte) c);
        }
        len += buffer.putLongAscii(at + 1 + len, number);
        buffer.putByte(at, (byte) len);
        return this;
    }
}

package io.kengine.protocol.event;

import org.agrona.MutableDirectBuffer;

/** Kalshi's ticker channel: top of book, last price and volume. Absent fields are {@link #NULL_LONG}. */
public final class TickerEvent extends Flyweight {
    private static final int YES_BID = EventHeader.LENGTH;
    private static final int YES_ASK = YES_BID + 8;
    private static final int LAST_PRICE = YES_ASK + 8;
    private static final int YES_BID_SIZE = LAST_PRICE + 8;
    private static final int YES_ASK_SIZE = YES_BID_SIZE + 8;
    private static final int VOLUME = YES_ASK_SIZE + 8;
    private static final int OPEN_INTEREST = VOLUME + 8;
    private static final int EXCHANGE_TIME = OPEN_INTEREST + 8;
    public static final int LENGTH = EXCHANGE_TIME + 8;

    public TickerEvent wrapForEncode(MutableDirectBuffer buffer, int offset, int marketId, int source) {
        wrap(buffer, offset);
        header(EventType.TICKER, LENGTH, marketId, source);
        for (int f = YES_BID; f < LENGTH; f += 8) {
            putLong(f, NULL_LONG);
        }
        return this;
    }

    public long yesBid() { return getLong(YES_BID); }
    public TickerEvent yesBid(long v) { putLong(YES_BID, v); return this; }
    public long yesAsk() { return getLong(YES_ASK); }
    public TickerEvent yesAsk(long v) { putLong(YES_ASK, v); return this; }
    public long lastPrice() { return getLong(LAST_PRICE); }
    public TickerEvent lastPrice(long v) { putLong(LAST_PRICE, v); return this; }
    public long yesBidSize() { return getLong(YES_BID_SIZE); }
    public TickerEvent yesBidSize(long v) { putLong(YES_BID_SIZE, v); return this; }
    public long yesAskSize() { return getLong(YES_ASK_SIZE); }
    public TickerEvent yesAskSize(long v) { putLong(YES_ASK_SIZE, v); return this; }
    public long volume() { return getLong(VOLUME); }
    public TickerEvent volume(long v) { putLong(VOLUME, v); return this; }
    public long openInterest() { return getLong(OPEN_INTEREST); }
    public TickerEvent openInterest(long v) { putLong(OPEN_INTEREST, v); return this; }
    public long exchangeTimeMs() { return getLong(EXCHANGE_TIME); }
    public TickerEvent exchangeTimeMs(long v) { putLong(EXCHANGE_TIME, v); return this; }
}

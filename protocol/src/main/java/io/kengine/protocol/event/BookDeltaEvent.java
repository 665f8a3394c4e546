package io.kengine.protocol.event;

import org.agrona.MutableDirectBuffer;

/** One change to one level of the YES or NO bid ladder: quantity changes by a signed delta. */
public final class BookDeltaEvent extends Flyweight {
    private static final int SUBSCRIPTION_ID = EventHeader.LENGTH;
    private static final int EXCHANGE_SEQ = SUBSCRIPTION_ID + 8;
    private static final int PRICE = EXCHANGE_SEQ + 8;
    private static final int DELTA = PRICE + 8;
    private static final int EXCHANGE_TIME = DELTA + 8;
    private static final int SIDE = EXCHANGE_TIME + 8;
    private static final int OWN = SIDE + 1;
    public static final int LENGTH = OWN + 7;

    public BookDeltaEvent wrapForEncode(MutableDirectBuffer buffer, int offset, int marketId, int source) {
        wrap(buffer, offset);
        header(EventType.BOOK_DELTA, LENGTH, marketId, source);
        zeroBody(LENGTH);
        return this;
    }

    public long subscriptionId() { return getLong(SUBSCRIPTION_ID); }
    public BookDeltaEvent subscriptionId(long v) { putLong(SUBSCRIPTION_ID, v); return this; }
    public long exchangeSeq() { return getLong(EXCHANGE_SEQ); }
    public BookDeltaEvent exchangeSeq(long v) { putLong(EXCHANGE_SEQ, v); return this; }
    /** Price of the level on its own ladder ($0.0001): a NO delta carries the NO price. */
    public long price() { return getLong(PRICE); }
    public BookDeltaEvent price(long v) { putLong(PRICE, v); return this; }
    /** Signed quantity change in 0.01 contracts. */
    public long delta() { return getLong(DELTA); }
    public BookDeltaEvent delta(long v) { putLong(DELTA, v); return this; }
    /** Exchange time in epoch ms, or {@link #NULL_LONG} when the frame carried none. */
    public long exchangeTimeMs() { return getLong(EXCHANGE_TIME); }
    public BookDeltaEvent exchangeTimeMs(long v) { putLong(EXCHANGE_TIME, v); return this; }
    public byte side() { return getByte(SIDE); }
    public BookDeltaEvent side(byte v) { putByte(SIDE, v); return this; }
    /** True when Kalshi tagged the delta with one of our client order ids (our own order moved the book). */
    public boolean ownOrder() { return getByte(OWN) != 0; }
    public BookDeltaEvent ownOrder(boolean v) { putByte(OWN, (byte) (v ? 1 : 0)); return this; }
}

package io.kengine.protocol.event;

import org.agrona.MutableDirectBuffer;

/**
 * A fair value from outside the book: a model's probability or a sportsbook consensus, with a
 * confidence and a lifetime. The probability is carried as a YES price in $0.0001 (0..10000).
 */
public final class FairValueEvent extends Flyweight {
    public static final byte SOURCE_MODEL = 1;
    public static final byte SOURCE_SPORTSBOOK = 2;
    public static final byte SOURCE_MANUAL = 3;
    public static final int SOURCE_NAME_CAPACITY = 32;

    private static final int FAIR_PRICE = EventHeader.LENGTH;
    private static final int EXPIRES_AT = FAIR_PRICE + 8;
    private static final int CONFIDENCE = EXPIRES_AT + 8;
    private static final int SOURCE_KIND = CONFIDENCE + 4;
    private static final int SOURCE_NAME = SOURCE_KIND + 4;
    public static final int LENGTH = SOURCE_NAME + SOURCE_NAME_CAPACITY;

    public FairValueEvent wrapForEncode(MutableDirectBuffer buffer, int offset, int marketId, int source) {
        wrap(buffer, offset);
        header(EventType.FAIR_VALUE, LENGTH, marketId, source);
        zeroBody(LENGTH);
        return this;
    }

    public long fairPrice() { return getLong(FAIR_PRICE); }
    public FairValueEvent fairPrice(long v) { putLong(FAIR_PRICE, v); return this; }
    /** Event-time (epoch ns) after which the value must no longer be used. */
    public long expiresAtNanos() { return getLong(EXPIRES_AT); }
    public FairValueEvent expiresAtNanos(long v) { putLong(EXPIRES_AT, v); return this; }
    /** Confidence in basis points, 0..10000. */
    public int confidenceBps() { return getInt(CONFIDENCE); }
    public FairValueEvent confidenceBps(int v) {
        if (v < 0 || v > 10_000) throw new IllegalArgumentException("confidence " + v + " bps outside [0, 10000]");
        putInt(CONFIDENCE, v);
        return this;
    }
    public byte sourceKind() { return getByte(SOURCE_KIND); }
    public FairValueEvent sourceKind(byte v) { putByte(SOURCE_KIND, v); return this; }
    public String sourceName() { return getAscii(SOURCE_NAME); }
    public FairValueEvent sourceName(CharSequence v) { putAscii(SOURCE_NAME, SOURCE_NAME_CAPACITY, v); return this; }
}

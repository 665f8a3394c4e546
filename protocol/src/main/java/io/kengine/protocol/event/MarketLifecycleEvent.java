package io.kengine.protocol.event;

import org.agrona.MutableDirectBuffer;

/** Kalshi's market_lifecycle_v2 channel: a market opened, paused, closed, was determined or settled. */
public final class MarketLifecycleEvent extends Flyweight {
    public static final byte CREATED = 1;
    public static final byte ACTIVATED = 2;
    public static final byte DEACTIVATED = 3;
    public static final byte CLOSE_DATE_UPDATED = 4;
    public static final byte DETERMINED = 5;
    public static final byte SETTLED = 6;

    public static final byte RESULT_NONE = 0;
    public static final byte RESULT_YES = 1;
    public static final byte RESULT_NO = 2;
    public static final byte RESULT_SCALAR = 3;

    private static final int OPEN_TIME = EventHeader.LENGTH;
    private static final int CLOSE_TIME = OPEN_TIME + 8;
    private static final int SETTLEMENT_VALUE = CLOSE_TIME + 8;
    private static final int EXCHANGE_TIME = SETTLEMENT_VALUE + 8;
    private static final int KIND = EXCHANGE_TIME + 8;
    private static final int RESULT = KIND + 1;
    public static final int LENGTH = RESULT + 7;

    public MarketLifecycleEvent wrapForEncode(MutableDirectBuffer buffer, int offset, int marketId, int source) {
        wrap(buffer, offset);
        header(EventType.MARKET_LIFECYCLE, LENGTH, marketId, source);
        zeroBody(LENGTH);
        putLong(OPEN_TIME, NULL_LONG);
        putLong(CLOSE_TIME, NULL_LONG);
        putLong(SETTLEMENT_VALUE, NULL_LONG);
        putLong(EXCHANGE_TIME, NULL_LONG);
        return this;
    }

    public byte kind() { return getByte(KIND); }
    public MarketLifecycleEvent kind(byte v) { putByte(KIND, v); return this; }
    public byte result() { return getByte(RESULT); }
    public MarketLifecycleEvent result(byte v) { putByte(RESULT, v); return this; }
    public long openTimeMs() { return getLong(OPEN_TIME); }
    public MarketLifecycleEvent openTimeMs(long v) { putLong(OPEN_TIME, v); return this; }
    public long closeTimeMs() { return getLong(CLOSE_TIME); }
    public MarketLifecycleEvent closeTimeMs(long v) { putLong(CLOSE_TIME, v); return this; }
    /** Settlement value of one YES contract ($0.0001), or {@link #NULL_LONG}. */
    public long settlementValue() { return getLong(SETTLEMENT_VALUE); }
    public MarketLifecycleEvent settlementValue(long v) { putLong(SETTLEMENT_VALUE, v); return this; }
    public long exchangeTimeMs() { return getLong(EXCHANGE_TIME); }
    public MarketLifecycleEvent exchangeTimeMs(long v) { putLong(EXCHANGE_TIME, v); return this; }

    public static String kindName(byte k) {
        switch (k) {
            case CREATED: return "created";
            case ACTIVATED: return "activated";
            case DEACTIVATED: return "deactivated";
            case CLOSE_DATE_UPDATED: return "close_date_updated";
            case DETERMINED: return "determined";
            case SETTLED: return "settled";
            default: return "?" + k;
        }
    }
}

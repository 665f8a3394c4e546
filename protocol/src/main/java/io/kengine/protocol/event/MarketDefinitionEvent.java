package io.kengine.protocol.event;

import org.agrona.MutableDirectBuffer;

/**
 * Binds a market ticker to the engine's int market id and carries what decisions depend on:
 * the tick grid (Kalshi's {@code price_ranges}), open/close times and status.
 * Prices are in $0.0001 units; times are epoch milliseconds as Kalshi gives them.
 */
public final class MarketDefinitionEvent extends Flyweight {
    public static final int MAX_PRICE_RANGES = 16;
    public static final int TICKER_CAPACITY = 64;

    private static final int OPEN_TIME = EventHeader.LENGTH;          // 8
    private static final int CLOSE_TIME = OPEN_TIME + 8;             // 8
    private static final int STATUS = CLOSE_TIME + 8;                // 1
    private static final int FRACTIONAL = STATUS + 1;                // 1
    private static final int RANGE_COUNT = FRACTIONAL + 1;           // 1 (+5 pad)
    private static final int TICKER = RANGE_COUNT + 6;               // 64, starts at 56: 8-aligned
    private static final int EVENT_TICKER = TICKER + TICKER_CAPACITY;
    private static final int SERIES_TICKER = EVENT_TICKER + TICKER_CAPACITY;
    private static final int RANGES = SERIES_TICKER + TICKER_CAPACITY; // 16 x (start, end, step)
    private static final int RANGE_SIZE = 24;
    public static final int LENGTH = RANGES + MAX_PRICE_RANGES * RANGE_SIZE;

    public MarketDefinitionEvent wrapForEncode(MutableDirectBuffer buffer, int offset, int marketId, int source) {
        wrap(buffer, offset);
        header(EventType.MARKET_DEFINITION, LENGTH, marketId, source);
        zeroBody(LENGTH);
        return this;
    }

    public long openTimeMs() { return getLong(OPEN_TIME); }
    public MarketDefinitionEvent openTimeMs(long v) { putLong(OPEN_TIME, v); return this; }
    public long closeTimeMs() { return getLong(CLOSE_TIME); }
    public MarketDefinitionEvent closeTimeMs(long v) { putLong(CLOSE_TIME, v); return this; }
    public byte status() { return getByte(STATUS); }
    public MarketDefinitionEvent status(byte v) { putByte(STATUS, v); return this; }
    public boolean fractionalTrading() { return getByte(FRACTIONAL) != 0; }
    public MarketDefinitionEvent fractionalTrading(boolean v) { putByte(FRACTIONAL, (byte) (v ? 1 : 0)); return this; }

    public String ticker() { return getAscii(TICKER); }
    public MarketDefinitionEvent ticker(CharSequence v) { putAscii(TICKER, TICKER_CAPACITY, v); return this; }
    public boolean tickerEquals(CharSequence v) { return asciiEquals(TICKER, v); }
    public String eventTicker() { return getAscii(EVENT_TICKER); }
    public MarketDefinitionEvent eventTicker(CharSequence v) { putAscii(EVENT_TICKER, TICKER_CAPACITY, v); return this; }
    public String seriesTicker() { return getAscii(SERIES_TICKER); }
    public MarketDefinitionEvent seriesTicker(CharSequence v) { putAscii(SERIES_TICKER, TICKER_CAPACITY, v); return this; }

    public int priceRangeCount() { return getByte(RANGE_COUNT); }
    public long rangeStart(int i) { return getLong(RANGES + check(i) * RANGE_SIZE); }
    public long rangeEnd(int i) { return getLong(RANGES + check(i) * RANGE_SIZE + 8); }
    public long rangeStep(int i) { return getLong(RANGES + check(i) * RANGE_SIZE + 16); }

    /**
     * Appends one price range [start, end] with the given step (all $0.0001 units). Ranges must
     * be contiguous and increasing, and each step must divide its range, or the grid is ambiguous.
     */
    public MarketDefinitionEvent addPriceRange(long start, long end, long step) {
        int n = priceRangeCount();
        if (n >= MAX_PRICE_RANGES) {
            throw new IllegalArgumentException("more than " + MAX_PRICE_RANGES + " price ranges");
        }
        if (step <= 0 || start < 0 || end <= start || (end - start) % step != 0) {
            throw new IllegalArgumentException("invalid price range start=" + start + " end=" + end + " step=" + step);
        }
        if (n > 0 && start != rangeEnd(n - 1)) {
            throw new IllegalArgumentException("price range starting at " + start + " does not continue the previous one ending at " + rangeEnd(n - 1));
        }
        int at = RANGES + n * RANGE_SIZE;
        putLong(at, start);
        putLong(at + 8, end);
        putLong(at + 16, step);
        putByte(RANGE_COUNT, (byte) (n + 1));
        return this;
    }

    private int check(int i) {
        if (i < 0 || i >= priceRangeCount()) {
            throw new IndexOutOfBoundsException("price range " + i + " of " + priceRangeCount());
        }
        return i;
    }
}

package io.kengine.feed.decode;

import io.kengine.protocol.event.Codes;

/**
 * One decoded WebSocket frame, in engine units; reused for every frame (the decoder overwrites all of
 * it). Which fields mean something depends on {@link #kind()}:
 *
 * <ul>
 *   <li>every data frame: {@link #sid()}, {@link #marketTicker()} (for {@code user_order} the
 *       message's {@code ticker}), {@link #marketId()} when sent;</li>
 *   <li>{@code ORDERBOOK_SNAPSHOT}: {@link #seq()}, YES and NO bid levels ({@code yesPrice(i)}, ...),
 *       NO levels in NO-leg prices as Kalshi sends them;</li>
 *   <li>{@code ORDERBOOK_DELTA}: {@link #seq()}, {@link #bookSide()}, {@link #price()} (on the
 *       level's own ladder), {@link #delta()}, {@link #ownOrder()}, {@link #tsMs()};</li>
 *   <li>{@code TICKER}: {@link #lastPrice()}, {@link #yesBid()}, ... (absent = {@link #ABSENT});</li>
 *   <li>{@code TRADE}: {@link #tradeId()}, {@link #price()} (YES), {@link #count()}, {@link #takerSide()};</li>
 *   <li>{@code FILL}: {@link #tradeId()}, {@link #orderId()}, {@link #clientOrderId()}, {@link #orderSide()}
 *       (BID = we now hold more YES), {@link #price()} (YES), {@link #count()}, {@link #fee()},
 *       {@link #isTaker()}, {@link #postPosition()};</li>
 *   <li>{@code USER_ORDER}: {@link #orderId()}, {@link #clientOrderId()}, {@link #status()},
 *       {@link #orderSide()}, {@link #price()} (YES), {@link #remaining()}, {@link #filled()}, ...;</li>
 *   <li>{@code MARKET_LIFECYCLE}: {@link #lifecycleType()}, {@link #eventType()} (as sent), {@link #openTimeMs()},
 *       {@link #closeTimeMs()}, {@link #result()}, {@link #settlementValue()}, {@link #determinationTimeMs()},
 *       {@link #settledTimeMs()}, {@link #deactivated()}, price ranges; no {@code seq} (the channel has none);</li>
 *   <li>{@code CONTROL}: {@link #controlType()}, {@link #id()}, {@link #sid()}, {@link #seq()},
 *       {@link #channel()} (subscribed), {@link #errorCode()} (error);</li>
 *   <li>{@code UNKNOWN}: {@link #type()}, and {@link #sid()} / {@link #seq()} when they were plain integers;</li>
 *   <li>{@code MALFORMED}: {@link #reason()}, {@link #errorOffset()}; nothing else may be used.</li>
 * </ul>
 *
 * Units: prices and money $0.0001, counts 0.01 contracts, times epoch ms. An absent long is
 * {@link #ABSENT}; absent {@code id}/{@code sid}/{@code seq} are -1.
 */
public final class DecodedFrame {
    /** Levels kept per snapshot side; a deeper side is {@link MalformedReason#TOO_DEEP}. */
    public static final int MAX_LEVELS_PER_SIDE = 2048;
    /** Ticker bytes kept: {@code MarketDefinitionEvent}'s ticker field holds 63. */
    public static final int TICKER_CAPACITY = 63;
    /** Id bytes kept: the event id fields (trade, order, client order) hold 39. */
    public static final int ID_CAPACITY = 39;
    public static final int MARKET_ID_CAPACITY = 64;
    public static final int TYPE_CAPACITY = 64;
    /** Same value as {@code Flyweight.NULL_LONG} and {@code Wire.ABSENT}. */
    public static final long ABSENT = Long.MIN_VALUE;

    /** {@code user_order} status. */
    public static final byte STATUS_RESTING = 1;
    public static final byte STATUS_CANCELED = 2;
    public static final byte STATUS_EXECUTED = 3;
    /** Removed by Kalshi in Nov 2025; still read for old data. */
    public static final byte STATUS_PENDING = 4;

    /**
     * {@code market_lifecycle_v2} {@code event_type}: 1–6 are {@code MarketLifecycleEvent}'s kinds (CREATED …
     * SETTLED, same values); 7 and 8 have no event kind; {@link #LIFECYCLE_OTHER} is a type this decoder does not know.
     */
    public static final byte LIFECYCLE_OTHER = 0;
    public static final byte LIFECYCLE_PRICE_LEVEL_STRUCTURE_UPDATED = 7;
    public static final byte LIFECYCLE_METADATA_UPDATED = 8;
    /** Price ranges kept per lifecycle frame: {@code MarketDefinitionEvent} holds 16; more is TOO_DEEP. */
    public static final int MAX_PRICE_RANGES = 16;

    FrameKind kind = FrameKind.UNKNOWN;
    MalformedReason reason;
    int errorOffset = -1;
    ControlType controlType = ControlType.NONE;

    long id = -1;
    long sid = -1;
    long seq = -1;

    final FieldBytes type = new FieldBytes(TYPE_CAPACITY);
    final FieldBytes marketTicker = new FieldBytes(TICKER_CAPACITY);
    final FieldBytes marketId = new FieldBytes(MARKET_ID_CAPACITY);
    final FieldBytes tradeId = new FieldBytes(ID_CAPACITY);
    final FieldBytes orderId = new FieldBytes(ID_CAPACITY);
    final FieldBytes clientOrderId = new FieldBytes(ID_CAPACITY);
    final FieldBytes channel = new FieldBytes(TICKER_CAPACITY);
    final FieldBytes eventType = new FieldBytes(TYPE_CAPACITY);

    final long[] yesPrices = new long[MAX_LEVELS_PER_SIDE];
    final long[] yesQuantities = new long[MAX_LEVELS_PER_SIDE];
    final long[] noPrices = new long[MAX_LEVELS_PER_SIDE];
    final long[] noQuantities = new long[MAX_LEVELS_PER_SIDE];
    int yesCount;
    int noCount;

    byte bookSide;
    byte takerSide;
    byte orderSide;
    byte status;
    boolean ownOrder;
    boolean taker;
    int errorCode;

    long price;
    long delta;
    long count;
    long tsMs;
    long lastPrice;
    long yesBid;
    long yesAsk;
    long yesBidSize;
    long yesAskSize;
    long lastTradeSize;
    long volume;
    long openInterest;
    long dollarVolume;
    long dollarOpenInterest;
    long fee;
    long postPosition;
    long remaining;
    long filled;
    long initialCount;
    long createdTsMs;
    long lastUpdatedTsMs;
    long expirationTsMs;

    byte lifecycleType;
    byte result;
    byte deactivated;
    long openTimeMs;
    long closeTimeMs;
    long determinationTimeMs;
    long settledTimeMs;
    long settlementValue;
    int priceRangeCount;
    final long[] rangeStarts = new long[MAX_PRICE_RANGES];
    final long[] rangeEnds = new long[MAX_PRICE_RANGES];
    final long[] rangeSteps = new long[MAX_PRICE_RANGES];

    /** Forgets the previous frame. */
    void reset() {
        kind = FrameKind.UNKNOWN;
        reason = null;
        errorOffset = -1;
        controlType = ControlType.NONE;
        id = -1;
        sid = -1;
        seq = -1;
        type.clear();
        marketTicker.clear();
        marketId.clear();
        tradeId.clear();
        orderId.clear();
        clientOrderId.clear();
        channel.clear();
        yesCount = 0;
        noCount = 0;
        bookSide = 0;
        takerSide = 0;
        orderSide = 0;
        status = 0;
        ownOrder = false;
        taker = false;
        errorCode = 0;
        price = ABSENT;
        delta = ABSENT;
        count = ABSENT;
        tsMs = ABSENT;
        lastPrice = ABSENT;
        yesBid = ABSENT;
        yesAsk = ABSENT;
        yesBidSize = ABSENT;
        yesAskSize = ABSENT;
        lastTradeSize = ABSENT;
        volume = ABSENT;
        openInterest = ABSENT;
        dollarVolume = ABSENT;
        dollarOpenInterest = ABSENT;
        fee = ABSENT;
        postPosition = ABSENT;
        remaining = ABSENT;
        filled = ABSENT;
        initialCount = ABSENT;
        createdTsMs = ABSENT;
        lastUpdatedTsMs = ABSENT;
        expirationTsMs = ABSENT;
        eventType.clear();
        lifecycleType = LIFECYCLE_OTHER;
        result = 0;
        deactivated = -1;
        openTimeMs = ABSENT;
        closeTimeMs = ABSENT;
        determinationTimeMs = ABSENT;
        settledTimeMs = ABSENT;
        settlementValue = ABSENT;
        priceRangeCount = 0;
    }

    void malformed(MalformedReason r, int at) {
        kind = FrameKind.MALFORMED;
        reason = r;
        errorOffset = at;
    }

    public FrameKind kind() { return kind; }
    /** Why the frame is {@link FrameKind#MALFORMED}; null otherwise. */
    public MalformedReason reason() { return reason; }
    /** Byte offset (from the frame start) where the problem was found, or -1. */
    public int errorOffset() { return errorOffset; }
    public ControlType controlType() { return controlType; }

    /** Command id echoed by a control reply, or -1. */
    public long id() { return id; }
    public long sid() { return sid; }
    /** Kalshi's per-subscription sequence, or -1 when the frame has none (ticker, trade, fill, user_order). */
    public long seq() { return seq; }

    /** The {@code type} of an {@link FrameKind#UNKNOWN} frame (printable ASCII only; empty otherwise). */
    public FieldBytes type() { return type; }
    public FieldBytes marketTicker() { return marketTicker; }
    public FieldBytes marketId() { return marketId; }
    public FieldBytes tradeId() { return tradeId; }
    public FieldBytes orderId() { return orderId; }
    public FieldBytes clientOrderId() { return clientOrderId; }
    /** Channel named by a {@code subscribed} reply. */
    public FieldBytes channel() { return channel; }

    public int yesCount() { return yesCount; }
    public int noCount() { return noCount; }
    public long yesPrice(int i) { return yesPrices[checkLevel(i, yesCount)]; }
    public long yesQuantity(int i) { return yesQuantities[checkLevel(i, yesCount)]; }
    /** NO bid price on the NO leg (Kalshi's default), not mirrored. */
    public long noPrice(int i) { return noPrices[checkLevel(i, noCount)]; }
    public long noQuantity(int i) { return noQuantities[checkLevel(i, noCount)]; }

    private static int checkLevel(int i, int n) {
        if (i < 0 || i >= n) {
            throw new IndexOutOfBoundsException("level " + i + " of " + n);
        }
        return i;
    }

    /** Delta: {@link Codes#BOOK_YES} or {@link Codes#BOOK_NO}. */
    public byte bookSide() { return bookSide; }
    /** Trade: {@link Codes#TAKER_YES}, {@link Codes#TAKER_NO}, or 0 when the frame did not say. */
    public byte takerSide() { return takerSide; }
    /** Fill and user_order, on the YES leg: {@link Codes#BID} (buy YES ≡ sell NO), {@link Codes#ASK}, or 0 (user_order without a side). */
    public byte orderSide() { return orderSide; }
    /** user_order: {@link #STATUS_RESTING}, ... */
    public byte status() { return status; }
    /** Delta: Kalshi tagged it with a {@code client_order_id}, i.e. one of our orders moved the level. */
    public boolean ownOrder() { return ownOrder; }
    public boolean isTaker() { return taker; }
    public int errorCode() { return errorCode; }

    /** Delta: the level's price on its own ladder. Trade, fill, user_order: the YES price. */
    public long price() { return price; }
    public long delta() { return delta; }
    /** Trade and fill count. */
    public long count() { return count; }
    public long tsMs() { return tsMs; }
    public long lastPrice() { return lastPrice; }
    public long yesBid() { return yesBid; }
    public long yesAsk() { return yesAsk; }
    public long yesBidSize() { return yesBidSize; }
    public long yesAskSize() { return yesAskSize; }
    public long lastTradeSize() { return lastTradeSize; }
    public long volume() { return volume; }
    public long openInterest() { return openInterest; }
    /** Whole dollars as Kalshi sends them. */
    public long dollarVolume() { return dollarVolume; }
    public long dollarOpenInterest() { return dollarOpenInterest; }
    public long fee() { return fee; }
    /** Fill: signed position after the fill, or {@link #ABSENT}. */
    public long postPosition() { return postPosition; }
    public long remaining() { return remaining; }
    public long filled() { return filled; }
    public long initialCount() { return initialCount; }
    public long createdTsMs() { return createdTsMs; }
    public long lastUpdatedTsMs() { return lastUpdatedTsMs; }
    public long expirationTsMs() { return expirationTsMs; }

    /** Lifecycle: 1–6 = {@code MarketLifecycleEvent.CREATED} … {@code SETTLED}, or a {@code LIFECYCLE_*} constant. */
    public byte lifecycleType() { return lifecycleType; }
    /** Lifecycle: the {@code event_type} string as sent (printable ASCII). */
    public FieldBytes eventType() { return eventType; }
    /** Lifecycle: {@code MarketLifecycleEvent.RESULT_*} ({@code RESULT_NONE} when absent or {@code ""}). */
    public byte result() { return result; }
    /** Lifecycle {@code is_deactivated}: -1 absent, 0 false, 1 true. */
    public byte deactivated() { return deactivated; }
    /** Lifecycle {@code open_ts} (seconds on the wire) in ms. */
    public long openTimeMs() { return openTimeMs; }
    public long closeTimeMs() { return closeTimeMs; }
    public long determinationTimeMs() { return determinationTimeMs; }
    public long settledTimeMs() { return settledTimeMs; }
    /** Lifecycle {@code settlement_value}: $0.0001 per YES contract. */
    public long settlementValue() { return settlementValue; }
    public int priceRangeCount() { return priceRangeCount; }
    public long rangeStart(int i) { return rangeStarts[checkLevel(i, priceRangeCount)]; }
    public long rangeEnd(int i) { return rangeEnds[checkLevel(i, priceRangeCount)]; }
    public long rangeStep(int i) { return rangeSteps[checkLevel(i, priceRangeCount)]; }

    /** Allocates: for logs and test failure messages. */
    @Override
    public String toString() {
        if (kind == FrameKind.MALFORMED) {
            return "MALFORMED(" + reason + " at " + errorOffset + ")";
        }
        return kind + (controlType != ControlType.NONE ? "/" + controlType : "") + "{sid=" + sid + ", seq=" + seq
                + ", ticker=" + marketTicker.stringOrNull() + "}";
    }
}

package io.kengine.pricing.quote;

import io.kengine.protocol.units.TickGrid;

/**
 * What an engine and the quote steps may look at for one market on one event: the book's top and
 * features, the market's grid and our position. One preallocated instance, refilled per priced
 * event by the stage (so engines stay pure functions of it plus their parameters).
 * Units: prices $0.0001, quantities 0.01 contracts, time epoch ns; {@link #NO_PRICE} for an empty side.
 */
public final class MarketInputs {
    public static final long NO_PRICE = -1L;
    public static final long NO_VALUE = Long.MIN_VALUE;

    public int marketId;
    public long nowNanos;
    public long bestBid = NO_PRICE;
    public long bestAsk = NO_PRICE;
    public long bestBidQty;
    public long bestAskQty;
    /** $0.0001, rounded down; NO_VALUE when one side is empty. */
    public long mid = NO_VALUE;
    public long microprice = NO_VALUE;
    /** Depth imbalance over the book's top N levels, basis points of 1 in [−10000, 10000]; NO_VALUE when empty. */
    public long imbalanceDepthBps = NO_VALUE;
    /** EWMA mid volatility in $0.000001 per √s. */
    public long volatility;
    /** EWMA trades per second × 1000. */
    public long tradeIntensity;
    /** ms to the market's close, 0 at or after it, NO_VALUE without a close time. */
    public long timeToCloseMs = NO_VALUE;
    /** Signed recent taker flow in [−1, 1] (+ = YES buyers lifting), 0 without trades. */
    public double tradeFlow;
    /** Our position, + YES / − NO, 0.01 contracts. */
    public long position;
    public TickGrid grid;
    /** The grid's lowest point above 0 and highest below $1 (kept per market: not recomputed per quote). */
    public long minInside;
    public long maxInside;
    public boolean makerFees;
    /** The market trades fractional counts (0.01); otherwise sizes are whole contracts. */
    public boolean fractional;

    public boolean twoSided() {
        return bestBid != NO_PRICE && bestAsk != NO_PRICE;
    }
}

package io.kengine.risk.flatten;

/**
 * Prices the order that works a position back: only the reducing side (a long sells YES, a short
 * buys YES), starting from joining the best price on our own side and moving {@code ticks} ticks toward
 * the opposite best, never past it (at the opposite best the order takes liquidity). Without a best
 * price on our side it starts one tick inside the opposite best; with an empty book there is no price.
 */
public final class FlattenPricer {
    public static final long NO_PRICE = -1;

    private FlattenPricer() {
    }

    /** Price of a sell (ask) that reduces a long. */
    public static long sellPrice(long bestBid, long bestAsk, long tick, long ticks) {
        long t = tick > 0 ? tick : 100;
        long passive = bestAsk >= 0 ? bestAsk : bestBid >= 0 ? bestBid + t : NO_PRICE;
        if (passive < 0) {
            return NO_PRICE;
        }
        long p = passive - Math.min(ticks, 10_000) * t;
        if (bestBid >= 0 && p < bestBid) {
            p = bestBid;
        }
        return Math.max(p, t);
    }

    /** Price of a buy (bid) that reduces a short. */
    public static long buyPrice(long bestBid, long bestAsk, long tick, long ticks) {
        long t = tick > 0 ? tick : 100;
        long passive = bestBid >= 0 ? bestBid : bestAsk >= 0 ? bestAsk - t : NO_PRICE;
        if (passive < 0) {
            return NO_PRICE;
        }
        long p = passive + Math.min(ticks, 10_000) * t;
        if (bestAsk >= 0 && p > bestAsk) {
            p = bestAsk;
        }
        return Math.min(p, 10_000 - t);
    }
}

package io.kengine.sim.exchange;

import io.kengine.protocol.units.FixedPoint;

import java.util.ArrayList;
import java.util.List;

/**
 * One market's YES-leg book: bids buy YES, asks sell YES. Each side is an array of {@link PriceLevel}s indexed
 * by price in $0.0001 (10 001 slots, so any grid fits), a {@link PriceBitmap} of non-empty levels, and the
 * cached best price.
 *
 * <p>Complexity: add at the tail of a level, unlink from anywhere, and reduce a resting order are O(1); the best
 * price is O(1) to read and, when its level empties, found again with a bitmap scan of at most 157 words
 * (usually one); walking the book from the best level costs O(levels + orders visited). Levels are created
 * once per price and reused. The book never crosses: every crossing is matched or refused before an order rests.
 */
final class OrderBook {
    static final int SLOTS = (int) FixedPoint.PRICE_ONE + 1;
    static final long NONE = PriceBitmap.NONE;

    private final PriceLevel[] bids = new PriceLevel[SLOTS];
    private final PriceLevel[] asks = new PriceLevel[SLOTS];
    private final PriceBitmap bidPrices = new PriceBitmap(SLOTS);
    private final PriceBitmap askPrices = new PriceBitmap(SLOTS);
    private long bestBid = NONE;
    private long bestAsk = NONE;
    private int restingOrders;

    long bestBid() {
        return bestBid;
    }

    long bestAsk() {
        return bestAsk;
    }

    /** Best price of the side an incoming order of {@code side} would trade against. */
    long bestOpposite(Side side) {
        return side == Side.BID ? bestAsk : bestBid;
    }

    /** True when an order of {@code side} at {@code price} would trade against the book now. */
    boolean crosses(Side side, long price) {
        return side == Side.BID ? bestAsk != NONE && bestAsk <= price : bestBid != NONE && bestBid >= price;
    }

    /** True when a resting level at {@code levelPrice} on the side opposite {@code side} is marketable for {@code limit}. */
    static boolean marketable(Side side, long limit, long levelPrice) {
        return side == Side.BID ? levelPrice <= limit : levelPrice >= limit;
    }

    int restingOrders() {
        return restingOrders;
    }

    /** The level at a price, or null if none was ever used (may be empty). */
    PriceLevel level(Side side, long price) {
        return (side == Side.BID ? bids : asks)[(int) price];
    }

    long levelSize(Side side, long price) {
        PriceLevel l = level(side, price);
        return l == null ? 0 : l.totalCount;
    }

    /** The next non-empty level going away from the best (lower for bids, higher for asks), or {@link #NONE}. */
    long nextLevel(Side side, long price) {
        return side == Side.BID ? bidPrices.previousSetBit(price - 1) : askPrices.nextSetBit(price + 1);
    }

    long best(Side side) {
        return side == Side.BID ? bestBid : bestAsk;
    }

    /** Puts the order at the tail of its level (it loses any earlier place). */
    void append(Order o) {
        PriceLevel[] arr = o.side == Side.BID ? bids : asks;
        int p = (int) o.price;
        PriceLevel l = arr[p];
        if (l == null) {
            l = arr[p] = new PriceLevel(o.price);
        }
        if (l.isEmpty()) {
            if (o.side == Side.BID) {
                bidPrices.set(p);
                if (bestBid == NONE || p > bestBid) {
                    bestBid = p;
                }
            } else {
                askPrices.set(p);
                if (bestAsk == NONE || p < bestAsk) {
                    bestAsk = p;
                }
            }
        }
        l.append(o);
        o.inBook = true;
        restingOrders++;
    }

    /** Takes the order out of its level. */
    void unlink(Order o) {
        PriceLevel l = o.level;
        l.unlink(o);
        o.inBook = false;
        restingOrders--;
        if (l.isEmpty()) {
            long p = l.price;
            if (o.side == Side.BID) {
                bidPrices.clear(p);
                if (p == bestBid) {
                    bestBid = bidPrices.previousSetBit(p - 1);
                }
            } else {
                askPrices.clear(p);
                if (p == bestAsk) {
                    bestAsk = askPrices.nextSetBit(p + 1);
                }
            }
        }
    }

    /** Lowers a resting order's remaining size in place (keeps its priority). */
    void shrink(Order o, long by) {
        o.remaining -= by;
        o.level.totalCount -= by;
    }

    /** Every resting order of one side from the best level outward, in queue order (tests, lifecycle). */
    List<Order> orders(Side side) {
        List<Order> out = new ArrayList<>();
        for (long p = best(side); p != NONE; p = nextLevel(side, p)) {
            for (Order o = level(side, p).head; o != null; o = o.nextInLevel) {
                out.add(o);
            }
        }
        return out;
    }
}

package io.kengine.bench;

import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.stage.EventSlot;

import java.util.TreeMap;

/**
 * The conventional L2 book BookApplyBenchmark compares {@code BookStage} with: one
 * {@code TreeMap<Long, Long>} per side keyed by YES price (a NO bid at p is an ask at 10000 − p),
 * a delta read from the same ring slot with the same flyweight, then best bid/ask, their sizes and
 * the mid recomputed. No grid, trust or features beyond that: it is a floor for "a textbook book",
 * not an equivalent of the stage.
 */
final class TreeMapBook {
    static final long NO_PRICE = -1;

    private final TreeMap<Long, Long> bids = new TreeMap<>();
    private final TreeMap<Long, Long> asks = new TreeMap<>();
    private final BookDeltaEvent delta = new BookDeltaEvent();

    long bestBid = NO_PRICE;
    long bestBidQty;
    long bestAsk = NO_PRICE;
    long bestAskQty;
    long mid = NO_PRICE;
    long rejected;

    void level(byte side, long price, long quantity) {
        if (side == Codes.BOOK_YES) {
            bids.put(price, quantity);
        } else {
            asks.put(10_000 - price, quantity);
        }
        top();
    }

    /** Applies the slot's BookDeltaEvent; returns the mid after it. */
    long onDelta(EventSlot slot) {
        delta.wrap(slot.event(), 0);
        byte side = delta.side();
        TreeMap<Long, Long> book = side == Codes.BOOK_YES ? bids : asks;
        long key = side == Codes.BOOK_YES ? delta.price() : 10_000 - delta.price();
        Long old = book.get(key);
        long quantity = (old == null ? 0 : old) + delta.delta();
        if (quantity < 0) {
            rejected++;
        } else if (quantity == 0) {
            book.remove(key);
        } else {
            book.put(key, quantity);
        }
        top();
        return mid;
    }

    private void top() {
        var b = bids.lastEntry();
        var a = asks.firstEntry();
        bestBid = b == null ? NO_PRICE : b.getKey();
        bestBidQty = b == null ? 0 : b.getValue();
        bestAsk = a == null ? NO_PRICE : a.getKey();
        bestAskQty = a == null ? 0 : a.getValue();
        mid = b == null || a == null ? NO_PRICE : (bestBid + bestAsk) / 2;
    }
}

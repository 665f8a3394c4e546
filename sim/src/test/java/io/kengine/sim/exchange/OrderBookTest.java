package io.kengine.sim.exchange;

import io.kengine.protocol.units.TickGrid;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrderBookTest {
    private final Account acct = new Account("A", AccountPrecision.CENT);
    private final Market market = new Market(new MarketSpec("M", "E", "S", TickGrid.uniform(1), 0, 1, FeeSchedule.FREE));
    private int seq;

    private Order order(Side side, long price, long count) {
        return new Order("o" + seq, seq++, acct, market, acct.position(market), OrderRequest.of("M", side, price, count), count, 0);
    }

    @Test
    void bitmapFindsNeighboursAcrossWords() {
        PriceBitmap b = new PriceBitmap(OrderBook.SLOTS);
        assertEquals(PriceBitmap.NONE, b.nextSetBit(0));
        assertEquals(PriceBitmap.NONE, b.previousSetBit(10_000));
        long[] prices = {0, 1, 63, 64, 65, 127, 128, 5000, 9999, 10_000};
        for (long p : prices) {
            b.set(p);
        }
        assertEquals(0, b.nextSetBit(0));
        assertEquals(63, b.nextSetBit(2));
        assertEquals(128, b.nextSetBit(128));
        assertEquals(5000, b.nextSetBit(129));
        assertEquals(10_000, b.nextSetBit(10_000));
        assertEquals(PriceBitmap.NONE, b.nextSetBit(10_001));
        assertEquals(10_000, b.previousSetBit(20_000));
        assertEquals(5000, b.previousSetBit(9998));
        assertEquals(65, b.previousSetBit(126));
        assertEquals(0, b.previousSetBit(0));
        assertEquals(PriceBitmap.NONE, b.previousSetBit(-1));
        b.clear(0);
        assertEquals(PriceBitmap.NONE, b.previousSetBit(0));
        assertFalse(b.get(0));
        assertTrue(b.get(64));
    }

    @Test
    void bitmapAgreesWithATreeSet() {
        SplittableRandom r = new SplittableRandom(3);
        PriceBitmap b = new PriceBitmap(OrderBook.SLOTS);
        TreeSet<Long> t = new TreeSet<>();
        for (int i = 0; i < 20_000; i++) {
            long p = r.nextLong(OrderBook.SLOTS);
            if (r.nextBoolean()) {
                b.set(p);
                t.add(p);
            } else {
                b.clear(p);
                t.remove(p);
            }
            long q = r.nextLong(OrderBook.SLOTS);
            Long ceil = t.ceiling(q);
            Long floor = t.floor(q);
            assertEquals(ceil == null ? -1 : ceil, b.nextSetBit(q));
            assertEquals(floor == null ? -1 : floor, b.previousSetBit(q));
        }
    }

    @Test
    void fifoPerLevelAndBestPrices() {
        OrderBook book = new OrderBook();
        Order b1 = order(Side.BID, 4000, 100);
        Order b2 = order(Side.BID, 4000, 200);
        Order b3 = order(Side.BID, 4100, 50);
        Order a1 = order(Side.ASK, 4500, 10);
        for (Order o : List.of(b1, b2, b3, a1)) {
            book.append(o);
        }
        assertEquals(4100, book.bestBid());
        assertEquals(4500, book.bestAsk());
        assertEquals(300, book.levelSize(Side.BID, 4000));
        assertEquals(List.of(b3, b1, b2), book.orders(Side.BID));
        assertTrue(book.crosses(Side.BID, 4500));
        assertFalse(book.crosses(Side.BID, 4499));
        assertTrue(book.crosses(Side.ASK, 4100));
        book.shrink(b1, 40);
        assertEquals(260, book.levelSize(Side.BID, 4000));
        book.unlink(b3);
        assertEquals(4000, book.bestBid());
        book.unlink(b1); // head of a level
        assertEquals(List.of(b2), book.orders(Side.BID));
        book.append(b1); // back at the tail
        assertEquals(List.of(b2, b1), book.orders(Side.BID));
        book.unlink(b2);
        book.unlink(b1);
        assertEquals(OrderBook.NONE, book.bestBid());
        assertEquals(0, book.levelSize(Side.BID, 4000));
        assertEquals(1, book.restingOrders());
        book.unlink(a1);
        assertEquals(OrderBook.NONE, book.bestAsk());
    }
}

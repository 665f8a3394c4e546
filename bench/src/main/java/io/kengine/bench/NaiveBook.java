package io.kengine.bench;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The conventional Java price-time book, the baseline of {@link MatchingBenchmark}: a
 * {@code TreeMap<Long, ArrayDeque<Order>>} per side (bids in descending order), a {@code HashMap} from id to
 * order for cancels, boxed keys, one object per order. It matches and rests exactly like the exchange core
 * (trades at the maker's price, FIFO within a level) but does nothing else: no accounts, fees, collateral,
 * ids, snapshots or listener messages. So the ratio to it is what the exchange's bookkeeping costs on top
 * of a textbook matcher, not the matcher alone.
 */
final class NaiveBook implements MatchingBook {
    private static final class Order {
        final long id;
        final int account;
        final boolean bid;
        final long price;
        long remaining;

        Order(long id, int account, boolean bid, long price, long remaining) {
            this.id = id;
            this.account = account;
            this.bid = bid;
            this.price = price;
            this.remaining = remaining;
        }
    }

    private final TreeMap<Long, ArrayDeque<Order>> bids = new TreeMap<>(Collections.reverseOrder());
    private final TreeMap<Long, ArrayDeque<Order>> asks = new TreeMap<>();
    private final Map<Long, Order> byId = new HashMap<>();
    private final MatchingBook.MakerSink sink;
    /** Traded size, so the matching loop has an observable result. */
    long traded;

    NaiveBook(MatchingBook.MakerSink sink) {
        this.sink = sink;
    }

    @Override
    public long submit(int handle, int account, boolean bid, long price, long count, boolean immediateOrCancel) {
        long left = count;
        TreeMap<Long, ArrayDeque<Order>> opposite = bid ? asks : bids;
        while (left > 0) {
            Map.Entry<Long, ArrayDeque<Order>> best = opposite.firstEntry();
            if (best == null || (bid ? best.getKey() > price : best.getKey() < price)) {
                break;
            }
            ArrayDeque<Order> level = best.getValue();
            while (left > 0 && !level.isEmpty()) {
                Order maker = level.peekFirst();
                long q = Math.min(left, maker.remaining);
                maker.remaining -= q;
                left -= q;
                traded += q;
                if (maker.remaining == 0) {
                    level.pollFirst();
                    byId.remove(maker.id);
                }
                sink.onMakerUpdate((int) maker.id, maker.remaining);
            }
            if (level.isEmpty()) {
                opposite.pollFirstEntry();
            }
        }
        if (left == 0 || immediateOrCancel) {
            return 0;
        }
        Order o = new Order(handle, account, bid, price, left);
        (bid ? bids : asks).computeIfAbsent(price, p -> new ArrayDeque<>()).addLast(o);
        byId.put(o.id, o);
        return left;
    }

    @Override
    public void cancel(int handle) {
        Order o = byId.remove((long) handle);
        if (o == null) {
            return;
        }
        TreeMap<Long, ArrayDeque<Order>> side = o.bid ? bids : asks;
        ArrayDeque<Order> level = side.get(o.price);
        level.remove(o);
        if (level.isEmpty()) {
            side.remove(o.price);
        }
    }

    /** FIFO queue at one price, handles front to back (tests). */
    long[] queue(boolean bid, long price) {
        ArrayDeque<Order> level = (bid ? bids : asks).get(price);
        return level == null ? new long[0] : level.stream().mapToLong(o -> o.id).toArray();
    }

    /** Resting size at one price (tests). */
    long volume(boolean bid, long price) {
        ArrayDeque<Order> level = (bid ? bids : asks).get(price);
        return level == null ? 0 : level.stream().mapToLong(o -> o.remaining).sum();
    }
}

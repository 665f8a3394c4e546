package io.kengine.book;

import io.kengine.protocol.event.Codes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The obviously-correct book the fast one is checked against: two TreeMaps keyed by each
 * ladder's own price (NO bids stay NO prices here and are mirrored only when read), the grid
 * checked by arithmetic on the ranges each time, and the trust rules written out plainly.
 */
final class ReferenceBook {
    static final long ONE = 10_000;

    final int marketId;
    long[] ranges;
    byte status;
    final TreeMap<Long, Long> yes = new TreeMap<>();
    final TreeMap<Long, Long> no = new TreeMap<>();
    boolean complete;
    boolean building;
    boolean trusted;
    int reason = BookReason.NO_SNAPSHOT;

    ReferenceBook(int marketId, long[] ranges, byte status) {
        this.marketId = marketId;
        this.ranges = ranges.clone();
        this.status = status;
    }

    static boolean validRanges(long[] r) {
        if (r.length < 3 || r.length % 3 != 0) {
            return false;
        }
        for (int i = 0; i < r.length; i += 3) {
            long start = r[i], end = r[i + 1], step = r[i + 2];
            if (start < 0 || end > ONE || end <= start || step <= 0 || (end - start) % step != 0) {
                return false;
            }
            if (i > 0 && start != r[i - 2]) {
                return false;
            }
        }
        return true;
    }

    void redefine(long[] newRanges, byte newStatus) {
        status = newStatus;
        if (java.util.Arrays.equals(ranges, newRanges)) {
            return;
        }
        ranges = newRanges.clone();
        yes.clear();
        no.clear();
        complete = false;
        building = false;
        trusted = false;
        reason = BookReason.GRID_CHANGED;
    }

    boolean onGrid(long yesPrice) {
        return tickAt(yesPrice) > 0;
    }

    /** Finest step among the ranges that have this price as a grid point; 0 when none. */
    long tickAt(long p) {
        long best = 0;
        for (int i = 0; i < ranges.length; i += 3) {
            if (p >= ranges[i] && p <= ranges[i + 1] && (p - ranges[i]) % ranges[i + 2] == 0) {
                best = best == 0 ? ranges[i + 2] : Math.min(best, ranges[i + 2]);
            }
        }
        return best;
    }

    List<Long> gridPoints() {
        List<Long> points = new ArrayList<>();
        for (long p = 0; p <= ONE; p++) {
            if (onGrid(p)) {
                points.add(p);
            }
        }
        return points;
    }

    int checkLevel(byte side, long price, long qty) {
        if (side != Codes.BOOK_YES && side != Codes.BOOK_NO) {
            return BookReason.BAD_SIDE;
        }
        if (price < 0 || price > ONE) {
            return BookReason.PRICE_OUT_OF_RANGE;
        }
        if (!onGrid(side == Codes.BOOK_YES ? price : ONE - price)) {
            return BookReason.OFF_GRID;
        }
        return qty < 0 ? BookReason.NEGATIVE_LEVEL : BookReason.NONE;
    }

    /** Same outcome codes as {@link OrderBook#applySnapshotChunk}. Levels are (price, qty) pairs. */
    int snapshot(boolean first, boolean last, long[] yesLevels, long[] noLevels) {
        if (!first && !building) {
            return refuseSnapshot(BookReason.CHUNK_OUT_OF_ORDER);
        }
        for (int i = 0; i < yesLevels.length; i += 2) {
            int r = checkLevel(Codes.BOOK_YES, yesLevels[i], yesLevels[i + 1]);
            if (r != BookReason.NONE) {
                return refuseSnapshot(r);
            }
        }
        for (int i = 0; i < noLevels.length; i += 2) {
            int r = checkLevel(Codes.BOOK_NO, noLevels[i], noLevels[i + 1]);
            if (r != BookReason.NONE) {
                return refuseSnapshot(r);
            }
        }
        if (first) {
            yes.clear();
            no.clear();
            building = true;
            complete = false;
            trusted = false;
            reason = BookReason.SNAPSHOT_IN_PROGRESS;
        }
        for (int i = 0; i < yesLevels.length; i += 2) {
            put(yes, yesLevels[i], yesLevels[i + 1]);
        }
        for (int i = 0; i < noLevels.length; i += 2) {
            put(no, noLevels[i], noLevels[i + 1]);
        }
        if (!last) {
            return BookReason.NONE;
        }
        building = false;
        complete = true;
        trusted = true;
        reason = BookReason.NONE;
        return crossCheck();
    }

    int delta(byte side, long price, long delta) {
        if (!complete) {
            if (building) {
                building = false;
                return refuse(BookReason.DELTA_IN_SNAPSHOT);
            }
            return refuse(BookReason.NO_SNAPSHOT);
        }
        int r = checkLevel(side, price, 0);
        if (r != BookReason.NONE) {
            return refuse(r);
        }
        TreeMap<Long, Long> ladder = side == Codes.BOOK_YES ? yes : no;
        long q = ladder.getOrDefault(price, 0L);
        java.math.BigInteger sum = java.math.BigInteger.valueOf(q).add(java.math.BigInteger.valueOf(delta));
        if (sum.bitLength() > 63) {
            return refuse(sum.signum() > 0 ? BookReason.QUANTITY_OVERFLOW : BookReason.NEGATIVE_LEVEL);
        }
        if (sum.signum() < 0) {
            return refuse(BookReason.NEGATIVE_LEVEL);
        }
        put(ladder, price, sum.longValue());
        return crossCheck();
    }

    private static void put(TreeMap<Long, Long> ladder, long price, long qty) {
        if (qty == 0) {
            ladder.remove(price);
        } else {
            ladder.put(price, qty);
        }
    }

    private int crossCheck() {
        if (trusted && crossed()) {
            trusted = false;
            reason = BookReason.CROSSED;
            return BookReason.CROSSED;
        }
        return BookReason.NONE;
    }

    private int refuseSnapshot(int r) {
        building = false;
        complete = false;
        return refuse(r);
    }

    private int refuse(int r) {
        trusted = false;
        reason = r;
        return r;
    }

    boolean crossed() {
        return !yes.isEmpty() && !no.isEmpty() && yes.lastKey() + no.lastKey() >= ONE;
    }

    long bestBid() {
        return yes.isEmpty() ? -1 : yes.lastKey();
    }

    long bestBidQty() {
        return yes.isEmpty() ? 0 : yes.lastEntry().getValue();
    }

    /** The highest NO bid is the lowest YES ask. */
    long bestAsk() {
        return no.isEmpty() ? -1 : ONE - no.lastKey();
    }

    long bestAskQty() {
        return no.isEmpty() ? 0 : no.lastEntry().getValue();
    }

    long tick() {
        long t = Long.MAX_VALUE;
        if (!yes.isEmpty()) {
            t = tickAt(bestBid());
        }
        if (!no.isEmpty()) {
            t = Math.min(t, tickAt(bestAsk()));
        }
        if (t == Long.MAX_VALUE) {
            for (int i = 0; i < ranges.length; i += 3) {
                t = Math.min(t, ranges[i + 2]);
            }
        }
        return t;
    }

    long total(TreeMap<Long, Long> ladder) {
        long sum = 0;
        for (long q : ladder.values()) {
            sum += q;
        }
        return sum;
    }

    /** Bids best first as (price, qty) pairs. */
    List<long[]> bids() {
        List<long[]> out = new ArrayList<>();
        for (Map.Entry<Long, Long> e : yes.descendingMap().entrySet()) {
            out.add(new long[] {e.getKey(), e.getValue()});
        }
        return out;
    }

    /** Asks best (lowest YES price, i.e. highest NO price) first as (price, qty) pairs. */
    List<long[]> asks() {
        List<long[]> out = new ArrayList<>();
        for (Map.Entry<Long, Long> e : no.descendingMap().entrySet()) {
            out.add(new long[] {ONE - e.getKey(), e.getValue()});
        }
        return out;
    }

    /** Trust state with fresh, WebSocket-sourced data (the cross-check never ages a book): from trusted and reason alone. */
    io.kengine.protocol.stage.BookTrust trustState() {
        if (trusted) {
            return io.kengine.protocol.stage.BookTrust.TRUSTED;
        }
        return reason == BookReason.NO_SNAPSHOT || reason == BookReason.SNAPSHOT_IN_PROGRESS || reason == BookReason.GRID_CHANGED
            ? io.kengine.protocol.stage.BookTrust.RESYNCING : io.kengine.protocol.stage.BookTrust.UNTRUSTED;
    }

    /** Quantity in the best {@code n} levels of a side, from the full depth. */
    static long depth(List<long[]> side, int n) {
        long sum = 0;
        for (int i = 0; i < Math.min(n, side.size()); i++) {
            sum += side.get(i)[1];
        }
        return sum;
    }
}

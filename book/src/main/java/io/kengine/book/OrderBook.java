package io.kengine.book;

import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.stage.TopOfBookNote;
import io.kengine.protocol.units.TickGrid;

/**
 * One market's L2 book on its tick grid, as one YES-leg book: YES bids are the bids, NO bids are
 * mirrored into asks at $1 − p (see DESIGN "Units"). Both ladders are indexed by the grid index of
 * the YES price, so a NO level is validated against the grid exactly as the YES ask it stands for.
 *
 * <p>Trust: the book is trusted only after a complete snapshot and while nothing has gone wrong
 * since. A refused update (off grid, negative level, delta without a snapshot, ...) leaves the
 * levels untouched and marks the book untrusted with its {@link BookReason}; so does a crossed
 * book, which cannot exist on a live Kalshi book. Only the next complete snapshot restores trust.
 *
 * <p>Written only by {@link BookStage} (mutators are package-private); the views are public.
 */
public final class OrderBook {
    public static final long NO_PRICE = TopOfBookNote.NO_PRICE;
    private static final long ONE_DOLLAR = PriceGrid.MAX_PRICE;

    private final int marketId;
    private PriceGrid grid;
    private byte status;
    private final Ladder bids;
    private final Ladder asks;
    private boolean complete;   // levels rest on a complete snapshot, so deltas may apply
    private boolean building;   // between a snapshot's FIRST and LAST chunks
    private boolean trusted;
    private int reason = BookReason.NO_SNAPSHOT;
    private long rejections;

    OrderBook(int marketId, PriceGrid grid, byte status) {
        this.marketId = marketId;
        this.grid = grid;
        this.status = status;
        this.bids = new Ladder(true, grid.size());
        this.asks = new Ladder(false, grid.size());
    }

    // ---------------------------------------------------------------- updates (BookStage only)

    /** Sets the market's status and, when the grid differs, drops all levels and waits for a snapshot. */
    void redefine(PriceGrid newGrid, byte newStatus) {
        status = newStatus;
        if (newGrid == grid) {
            return;
        }
        grid = newGrid;
        bids.resize(newGrid.size());
        asks.resize(newGrid.size());
        complete = false;
        building = false;
        trusted = false;
        reason = BookReason.GRID_CHANGED;
    }

    /**
     * Applies one snapshot chunk. FIRST clears both ladders; levels set absolute quantities; LAST
     * completes the snapshot and restores trust unless the result is crossed. A chunk with any bad
     * level is refused whole (nothing applied) and abandons the snapshot.
     *
     * @return {@link BookReason#NONE}, {@link BookReason#CROSSED} when applied but crossed, or the refusal reason
     */
    int applySnapshotChunk(BookSnapshotEvent e) {
        int yes = e.yesCount();
        int no = e.noCount();
        if (yes < 0 || no < 0 || yes + no > BookSnapshotEvent.MAX_LEVELS) {
            return refuseSnapshot(BookReason.MALFORMED);
        }
        boolean first = e.isFirst();
        if (!first && !building) {
            return refuseSnapshot(BookReason.CHUNK_OUT_OF_ORDER);
        }
        for (int i = 0; i < yes; i++) {
            int r = checkLevel(Codes.BOOK_YES, e.yesPrice(i), e.yesQuantity(i));
            if (r != BookReason.NONE) {
                return refuseSnapshot(r);
            }
        }
        for (int i = 0; i < no; i++) {
            int r = checkLevel(Codes.BOOK_NO, e.noPrice(i), e.noQuantity(i));
            if (r != BookReason.NONE) {
                return refuseSnapshot(r);
            }
        }
        if (first) {
            bids.clear();
            asks.clear();
            building = true;
            complete = false;
            trusted = false;
            reason = BookReason.SNAPSHOT_IN_PROGRESS;
        }
        for (int i = 0; i < yes; i++) {
            bids.set(index(Codes.BOOK_YES, e.yesPrice(i)), e.yesQuantity(i));
        }
        for (int i = 0; i < no; i++) {
            asks.set(index(Codes.BOOK_NO, e.noPrice(i)), e.noQuantity(i));
        }
        if (!e.isLast()) {
            return BookReason.NONE;
        }
        building = false;
        complete = true;
        trusted = true;
        reason = BookReason.NONE;
        return checkCrossed();
    }

    /**
     * Changes one level by a signed quantity. {@code price} is on the delta's own ladder: a NO delta
     * carries the NO price.
     *
     * @return {@link BookReason#NONE}, {@link BookReason#CROSSED} when applied but crossed, or the refusal reason
     */
    int applyDelta(byte side, long price, long delta) {
        if (!complete) {
            if (building) {
                // the deltas after this snapshot would rest on a book we no longer have
                building = false;
                return refuse(BookReason.DELTA_IN_SNAPSHOT);
            }
            return refuse(BookReason.NO_SNAPSHOT);
        }
        int r = checkPrice(side, price);
        if (r != BookReason.NONE) {
            return refuse(r);
        }
        int i = index(side, price);
        Ladder ladder = side == Codes.BOOK_YES ? bids : asks;
        long q = ladder.quantity(i);
        if (delta > 0 && q > Long.MAX_VALUE - delta) {
            return refuse(BookReason.QUANTITY_OVERFLOW);
        }
        long updated = q + delta; // q >= 0, so a negative delta cannot wrap around
        if (updated < 0) {
            return refuse(BookReason.NEGATIVE_LEVEL);
        }
        ladder.set(i, updated);
        return checkCrossed();
    }

    private int checkLevel(byte side, long price, long quantity) {
        int r = checkPrice(side, price);
        if (r != BookReason.NONE) {
            return r;
        }
        return quantity < 0 ? BookReason.NEGATIVE_LEVEL : BookReason.NONE;
    }

    private int checkPrice(byte side, long price) {
        if (side != Codes.BOOK_YES && side != Codes.BOOK_NO) {
            return BookReason.BAD_SIDE;
        }
        if (price < 0 || price > ONE_DOLLAR) {
            return BookReason.PRICE_OUT_OF_RANGE;
        }
        return index(side, price) < 0 ? BookReason.OFF_GRID : BookReason.NONE;
    }

    /** Grid index of a ladder price: a NO bid at p stands at the YES ask 1 − p. */
    private int index(byte side, long price) {
        return grid.indexOf(side == Codes.BOOK_YES ? price : ONE_DOLLAR - price);
    }

    private int checkCrossed() {
        if (trusted && isCrossed()) {
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
        rejections++;
        trusted = false;
        reason = r;
        return r;
    }

    // ---------------------------------------------------------------- views

    public int marketId() {
        return marketId;
    }

    /** The market's tick grid, for rounding prices onto it (shared, immutable). */
    public TickGrid grid() {
        return grid.ticks();
    }

    /** Market status as last defined ({@link Codes} STATUS_*). */
    public byte status() {
        return status;
    }

    public boolean isTrusted() {
        return trusted;
    }

    /** {@link BookReason#NONE} when trusted, otherwise the last reason trust was lost or withheld. */
    public int untrustedReason() {
        return trusted ? BookReason.NONE : reason;
    }

    /** True when the levels rest on a complete snapshot (deltas are being applied), trusted or not. */
    public boolean hasSnapshot() {
        return complete;
    }

    /** Updates this book refused since it was created. */
    public long rejections() {
        return rejections;
    }

    /** True when best YES bid + best NO bid ≥ $1 (bid ≥ ask). */
    public boolean isCrossed() {
        return bids.best() != Ladder.NONE && asks.best() != Ladder.NONE && bids.best() >= asks.best();
    }

    public boolean isEmpty() {
        return bids.levels() == 0 && asks.levels() == 0;
    }

    /** Best YES bid ($0.0001), or {@link #NO_PRICE}. */
    public long bestBid() {
        int i = bids.best();
        return i == Ladder.NONE ? NO_PRICE : grid.priceAt(i);
    }

    public long bestBidQty() {
        return bids.bestQuantity();
    }

    /** Best YES ask = $1 − best NO bid ($0.0001), or {@link #NO_PRICE}. */
    public long bestAsk() {
        int i = asks.best();
        return i == Ladder.NONE ? NO_PRICE : grid.priceAt(i);
    }

    public long bestAskQty() {
        return asks.bestQuantity();
    }

    public int bidLevels() {
        return bids.levels();
    }

    public int askLevels() {
        return asks.levels();
    }

    public long totalBidQty() {
        return bids.total();
    }

    public long totalAskQty() {
        return asks.total();
    }

    /** Resting YES-bid quantity at a YES price; 0 off the grid. */
    public long bidQtyAt(long yesPrice) {
        int i = grid.indexOf(yesPrice);
        return i < 0 ? 0 : bids.quantity(i);
    }

    /** Resting ask quantity (NO bids at $1 − price) at a YES price; 0 off the grid. */
    public long askQtyAt(long yesPrice) {
        int i = grid.indexOf(yesPrice);
        return i < 0 ? 0 : asks.quantity(i);
    }

    public boolean isOnGrid(long yesPrice) {
        return grid.indexOf(yesPrice) >= 0;
    }

    /** Finest step the grid allows at a YES price ($0.0001), or 0 when the price is off the grid. */
    public long tickAt(long yesPrice) {
        int i = grid.indexOf(yesPrice);
        return i < 0 ? 0 : grid.tickAt(i);
    }

    /** Tick near the top: the finer of the steps at the best bid and best ask; the grid's finest when both sides are empty. */
    public long tick() {
        int b = bids.best();
        int a = asks.best();
        if (b == Ladder.NONE && a == Ladder.NONE) {
            return grid.finestTick();
        }
        long t = Long.MAX_VALUE;
        if (b != Ladder.NONE) {
            t = grid.tickAt(b);
        }
        if (a != Ladder.NONE) {
            t = Math.min(t, grid.tickAt(a));
        }
        return t;
    }

    /** Visits up to {@code maxLevels} bid levels, best (highest) first. @return levels visited */
    public int forEachBid(LevelVisitor visitor, int maxLevels) {
        return visit(bids, visitor, maxLevels);
    }

    /** Visits up to {@code maxLevels} ask levels, best (lowest) first. @return levels visited */
    public int forEachAsk(LevelVisitor visitor, int maxLevels) {
        return visit(asks, visitor, maxLevels);
    }

    /** Copies bid levels, best first, into the caller's arrays (as many as the shorter holds). @return levels copied */
    public int copyBids(long[] prices, long[] quantities) {
        return copy(bids, prices, quantities);
    }

    /** Copies ask levels, best first, into the caller's arrays (as many as the shorter holds). @return levels copied */
    public int copyAsks(long[] prices, long[] quantities) {
        return copy(asks, prices, quantities);
    }

    private int visit(Ladder ladder, LevelVisitor visitor, int maxLevels) {
        int n = 0;
        for (int i = ladder.best(); i != Ladder.NONE && n < maxLevels; i = ladder.next(i)) {
            visitor.level(grid.priceAt(i), ladder.quantity(i));
            n++;
        }
        return n;
    }

    private int copy(Ladder ladder, long[] prices, long[] quantities) {
        int max = Math.min(prices.length, quantities.length);
        int n = 0;
        for (int i = ladder.best(); i != Ladder.NONE && n < max; i = ladder.next(i)) {
            prices[n] = grid.priceAt(i);
            quantities[n] = ladder.quantity(i);
            n++;
        }
        return n;
    }
}

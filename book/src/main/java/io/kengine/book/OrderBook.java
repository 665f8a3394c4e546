package io.kengine.book;

import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.stage.BookFeaturesNote;
import io.kengine.protocol.stage.BookTrust;
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
 * <p>On top of that integrity, the stage judges a {@link BookTrust} state at every event of the market
 * and every timer: consistent books turn {@code STALE} when no snapshot or delta was applied for longer
 * than the maximum age, and {@code REST_SOURCED} when their last snapshot came from the REST poller.
 *
 * <p>Features (spread, mid, microprice, imbalances, mid volatility, trade intensity, time to close)
 * are kept incrementally or are O(1) reads of what is; time comes from event timestamps only. The
 * time-dependent ones (volatility, intensity, time to close) are as of the last event of this market.
 *
 * <p>Net of our own orders: Kalshi's book includes our resting orders, and a quote priced from a book
 * that holds it chases itself. Once a delta tagged with one of our client order ids adds quantity, every
 * view and feature (best prices and sizes, levels, depth, mid, microprice, imbalances, the mid steps of
 * the volatility) reads the book net of our own quantity ({@link OwnOrderNetting}); integrity (crossed,
 * negative levels) is still judged on the exchange's book, and {@code exchange*QtyAt} read it. Paper runs
 * never see tagged deltas, so they read the book as it is.
 *
 * <p>Written only by {@link BookStage} (mutators are package-private); the views are public.
 */
public final class OrderBook {
    public static final long NO_PRICE = TopOfBookNote.NO_PRICE;
    /** An undefined feature that is not a price (spread, imbalance, time to close). */
    public static final long NO_VALUE = BookFeaturesNote.NO_VALUE;
    private static final long ONE_DOLLAR = PriceGrid.MAX_PRICE;
    private static final long BPS = 10_000;
    private static final long NANOS_PER_MS = 1_000_000;
    /** Quantities are scaled below this before products, so price × qty and 10000 × qty fit a long. */
    private static final long SAFE_QTY = 1L << 48;

    private final int marketId;
    private PriceGrid grid;
    private byte status;
    private final Ladder bids;            // the exchange's book, our orders included: integrity is judged on it
    private final Ladder asks;
    private Ladder viewBids;              // what the views and features read: the book, or the book net of us
    private Ladder viewAsks;
    private final boolean netOwnOrders;
    private final int depthLevels;
    private OwnOrderNetting own;          // allocated at this market's first own order (once, like a definition)
    private boolean complete;   // levels rest on a complete snapshot, so deltas may apply
    private boolean building;   // between a snapshot's FIRST and LAST chunks
    private boolean trusted;
    private int reason = BookReason.NO_SNAPSHOT;
    private long rejections;

    // staleness and trust state
    private final long maxAgeNanos;
    private boolean restSourced;          // a chunk of the last snapshot came from the REST poller
    private long lastUpdateNanos = NO_VALUE;
    private long eventNanos;              // time of the latest event of this market (never goes back)
    private BookTrust trust = BookTrust.RESYNCING;
    private long trustTransitions;

    // time-dependent features
    private long closeTimeMs;
    private final DecayingRate variance;  // of the mid, (price units)^2 per second
    private final DecayingRate trades;    // trades per second
    private long lastMid2 = -1;           // bid + ask at the last trusted two-sided update (2 x mid, exact)

    OrderBook(int marketId, PriceGrid grid, byte status, long closeTimeMs, BookSettings settings, long nanos) {
        this.marketId = marketId;
        this.grid = grid;
        this.status = status;
        this.closeTimeMs = closeTimeMs;
        this.bids = new Ladder(true, grid.size(), settings.depthLevels());
        this.asks = new Ladder(false, grid.size(), settings.depthLevels());
        this.viewBids = bids;
        this.viewAsks = asks;
        this.netOwnOrders = settings.netOwnOrders();
        this.depthLevels = settings.depthLevels();
        this.maxAgeNanos = settings.maxAgeNanos();
        this.variance = new DecayingRate(settings.volatilityTauNanos());
        this.trades = new DecayingRate(settings.intensityTauNanos());
        this.eventNanos = nanos;
    }

    // ---------------------------------------------------------------- updates (BookStage only)

    /** Sets the market's status and, when the grid differs, drops all levels and waits for a snapshot. */
    void redefine(PriceGrid newGrid, byte newStatus, long newCloseTimeMs) {
        status = newStatus;
        closeTimeMs = newCloseTimeMs;
        if (newGrid == grid) {
            return;
        }
        grid = newGrid;
        bids.resize(newGrid.size());
        asks.resize(newGrid.size());
        stopNetting();
        own = null; // sized for the old grid; the next own order allocates one for this grid
        complete = false;
        building = false;
        trusted = false;
        reason = BookReason.GRID_CHANGED;
        lastMid2 = -1; // a mid on another grid is not a step of this one
    }

    /** Moves the book's clock to an event of this market (or a definition) and decays the EWMAs to it. */
    void touch(long nanos) {
        if (nanos > eventNanos) {
            eventNanos = nanos;
        }
        DecayingRate.advanceBoth(variance, trades, eventNanos);
    }

    /**
     * Records an applied snapshot chunk or delta at event time {@code nanos} (after {@link #touch}):
     * the last update time, where the snapshot came from, and a mid sample for the volatility.
     */
    void applied(long nanos, boolean snapshotChunk, boolean firstChunk, boolean fromRest) {
        lastUpdateNanos = nanos;
        if (snapshotChunk) {
            restSourced = firstChunk ? fromRest : restSourced | fromRest;
        }
        // only a trusted two-sided book moves the mid: steps through garbage or half a snapshot are not volatility
        if (trusted && viewBids.best() != Ladder.NONE && viewAsks.best() != Ladder.NONE) {
            long mid2 = grid.priceAt(viewBids.best()) + grid.priceAt(viewAsks.best());
            if (lastMid2 >= 0 && mid2 != lastMid2) {
                double step = (mid2 - lastMid2) / 2.0;
                variance.add(eventNanos, step * step);
            }
            lastMid2 = mid2;
        }
    }

    void trade() {
        trades.add(eventNanos, 1.0);
    }

    /**
     * Judges the trust state at event time {@code nanos}. @return true when it changed (counted)
     */
    boolean refreshTrust(long nanos) {
        BookTrust now = judgeTrust(nanos);
        if (now == trust) {
            return false;
        }
        trust = now;
        trustTransitions++;
        return true;
    }

    private BookTrust judgeTrust(long nanos) {
        if (!trusted) {
            // nothing wrong with the data, it is just not here yet vs. data that was wrong
            return reason == BookReason.NO_SNAPSHOT || reason == BookReason.SNAPSHOT_IN_PROGRESS
                || reason == BookReason.GRID_CHANGED ? BookTrust.RESYNCING : BookTrust.UNTRUSTED;
        }
        if (maxAgeNanos > 0 && nanos - lastUpdateNanos > maxAgeNanos) {
            return BookTrust.STALE;
        }
        return restSourced ? BookTrust.REST_SOURCED : BookTrust.TRUSTED;
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
            viewBids = bids; // a half-built book: the net ladders are built again when it completes
            viewAsks = asks;
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
        if (own != null && own.isActive()) {
            own.rebuild(bids, asks);
            viewBids = own.bids();
            viewAsks = own.asks();
        }
        return checkCrossed();
    }

    /**
     * Changes one level by a signed quantity. {@code price} is on the delta's own ladder: a NO delta
     * carries the NO price.
     *
     * @return {@link BookReason#NONE}, {@link BookReason#CROSSED} when applied but crossed, or the refusal reason
     */
    int applyDelta(byte side, long price, long delta) {
        return applyDelta(side, price, delta, false);
    }

    /**
     * As {@link #applyDelta(byte, long, long)}; {@code ownOrder} when Kalshi tagged the delta with one of
     * our client order ids, which moves our own quantity at the level (see {@link OwnOrderNetting}).
     */
    int applyDelta(byte side, long price, long delta, boolean ownOrder) {
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
        boolean bid = ladder == bids;
        if (ownOrder && netOwnOrders) {
            if (!isNetting()) {
                if (delta <= 0) {
                    return checkCrossed(); // we hold nothing here to take away
                }
                startNetting();
            }
            own.tagged(bid, i, delta, updated);
        } else if (isNetting()) {
            own.level(bid, i, updated);
        }
        return checkCrossed();
    }

    /**
     * A maker fill of ours ({@code fillSide} {@link Codes#BID}: our YES bid; {@link Codes#ASK}: our NO bid,
     * an ask at {@code yesPrice}) took {@code count} from the level it rested on. Changes only our own
     * quantity, and only while netting; the level itself moves with the feed's delta.
     *
     * @return true when it changed what the views read
     */
    boolean ownFill(byte fillSide, long yesPrice, long count) {
        if (!isNetting() || count <= 0 || (fillSide != Codes.BID && fillSide != Codes.ASK)
                || yesPrice < 0 || yesPrice > ONE_DOLLAR) {
            return false;
        }
        int i = grid.indexOf(yesPrice);
        if (i < 0) {
            return false;
        }
        boolean bid = fillSide == Codes.BID;
        long before = own.own(bid, i);
        own.filled(bid, i, count, (bid ? bids : asks).quantity(i));
        return own.own(bid, i) != before;
    }

    /** Netting, and the book is not half-built by a snapshot (the views then read the exchange's ladders). */
    private boolean isNetting() {
        return own != null && own.isActive() && viewBids != bids;
    }

    private void startNetting() {
        if (own == null || own.size() != grid.size()) {
            own = new OwnOrderNetting(grid.size(), depthLevels);
        }
        own.activate(bids, asks);
        viewBids = own.bids();
        viewAsks = own.asks();
    }

    private void stopNetting() {
        if (own != null) {
            own.deactivate();
        }
        viewBids = bids;
        viewAsks = asks;
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

    /**
     * Integrity only: complete snapshot and nothing refused or crossed since. A trusted book may still
     * be stale or REST-sourced; whether it can be priced from is {@link #trustState()}.
     */
    public boolean isTrusted() {
        return trusted;
    }

    /** As judged at the last event of this market or the last timer; only {@link BookTrust#TRUSTED} is quotable. */
    public BookTrust trustState() {
        return trust;
    }

    /** Times {@link #trustState()} changed since the book was created. */
    public long trustTransitions() {
        return trustTransitions;
    }

    /** Event time (epoch ns) of the last applied snapshot chunk or delta, {@link #NO_VALUE} before any. */
    public long lastUpdateNanos() {
        return lastUpdateNanos;
    }

    /** Event time (epoch ns) of the latest event of this market; the features below are as of it. */
    public long eventNanos() {
        return eventNanos;
    }

    // ---------------------------------------------------------------- features

    /** Best ask − best bid ($0.0001; ≤ 0 on a crossed book), or {@link #NO_VALUE} when a side is empty. */
    public long spread() {
        return viewBids.best() == Ladder.NONE || viewAsks.best() == Ladder.NONE ? NO_VALUE : bestAsk() - bestBid();
    }

    /** (bid + ask) / 2 rounded down ($0.0001), or {@link #NO_PRICE} when a side is empty. */
    public long mid() {
        return viewBids.best() == Ladder.NONE || viewAsks.best() == Ladder.NONE ? NO_PRICE : (bestBid() + bestAsk()) / 2;
    }

    /**
     * (bid × askQty + ask × bidQty) / (bidQty + askQty), rounded down ($0.0001), or {@link #NO_PRICE} when
     * a side is empty. Computed as bid + ⌊spread × bidQty / (bidQty + askQty)⌋, which is the same number
     * without the overflow; quantities above 2^48 are scaled down together first (ratio kept).
     */
    public long microprice() {
        if (viewBids.best() == Ladder.NONE || viewAsks.best() == Ladder.NONE) {
            return NO_PRICE;
        }
        long bq = viewBids.bestQuantity();
        long aq = viewAsks.bestQuantity();
        while (bq >= SAFE_QTY || aq >= SAFE_QTY) {
            bq >>>= 1;
            aq >>>= 1;
        }
        long bid = bestBid();
        long sum = bq + aq;
        return sum == 0 ? (bid + bestAsk()) / 2 : bid + Math.floorDiv((bestAsk() - bid) * bq, sum);
    }

    /** (bestBidQty − bestAskQty) / (sum) in basis points, truncated toward zero; {@link #NO_VALUE} when both sides are empty. */
    public long imbalanceTopBps() {
        return imbalanceBps(viewBids.bestQuantity(), viewAsks.bestQuantity());
    }

    /** The same over the best N levels of each side (N = {@link BookSettings#depthLevels()}). */
    public long imbalanceDepthBps() {
        return imbalanceBps(viewBids.depthTotal(), viewAsks.depthTotal());
    }

    /** Quantity in the best N bid levels (0.01 contracts). */
    public long depthBidQty() {
        return viewBids.depthTotal();
    }

    /** Quantity in the best N ask levels (0.01 contracts). */
    public long depthAskQty() {
        return viewAsks.depthTotal();
    }

    private static long imbalanceBps(long b, long a) {
        while (b >= SAFE_QTY || a >= SAFE_QTY) {
            b >>>= 1;
            a >>>= 1;
        }
        long sum = b + a;
        return sum == 0 ? NO_VALUE : (b - a) * BPS / sum;
    }

    /**
     * EWMA volatility of the mid in $0.000001 per √second (0.01 of a price unit), rounded to nearest:
     * the square root of the exponentially weighted realised variance per second,
     * Σ Δmidᵢ² · e^{−(t − tᵢ)/τ} / τ, over the mid steps of the trusted book (see {@link DecayingRate}).
     */
    public long midVolatility() {
        return Math.round(StrictMath.sqrt(variance.value()) * 100.0);
    }

    /** EWMA trades per second × 1000 (milli-trades per second), rounded to nearest. */
    public long tradeIntensity() {
        return Math.round(trades.value() * 1000.0);
    }

    /** Close time − event time in ms, 0 at or after the close; {@link #NO_VALUE} when the definition had no close time. */
    public long timeToCloseMs() {
        if (closeTimeMs <= 0) {
            return NO_VALUE;
        }
        return Math.max(0, closeTimeMs - Math.floorDiv(eventNanos, NANOS_PER_MS));
    }

    /** The model's double, for tests against a reference computation ((price units)² per second). */
    double midVariance() {
        return variance.value();
    }

    /** The model's double, for tests (trades per second). */
    double tradeRate() {
        return trades.value();
    }

    /** Close time from the market definition (epoch ms), 0 or {@link #NO_VALUE} when absent. */
    public long closeTimeMs() {
        return closeTimeMs;
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

    /**
     * True while the views and features are net of our own resting orders: since the first delta Kalshi
     * tagged with one of our client order ids that added quantity, until a grid change; not while a snapshot
     * is half-built (our quantity is carried through it, capped by its levels).
     */
    public boolean isNettingOwnOrders() {
        return isNetting();
    }

    /** Our own resting quantity at a YES bid price as the netting knows it; 0 when not netting or off the grid. */
    public long ownBidQtyAt(long yesPrice) {
        int i = grid.indexOf(yesPrice);
        return i < 0 || !isNetting() ? 0 : own.own(true, i);
    }

    /** Our own resting ask quantity (NO bids at $1 − price) at a YES price; 0 when not netting or off the grid. */
    public long ownAskQtyAt(long yesPrice) {
        int i = grid.indexOf(yesPrice);
        return i < 0 || !isNetting() ? 0 : own.own(false, i);
    }

    /** Levels (both sides) where the netting holds own quantity. */
    public int ownLevels() {
        return isNetting() ? own.ownLevels() : 0;
    }

    /** Resting YES-bid quantity at a YES price on the exchange's book, our orders included; 0 off the grid. */
    public long exchangeBidQtyAt(long yesPrice) {
        int i = grid.indexOf(yesPrice);
        return i < 0 ? 0 : bids.quantity(i);
    }

    /** Resting ask quantity at a YES price on the exchange's book, our orders included; 0 off the grid. */
    public long exchangeAskQtyAt(long yesPrice) {
        int i = grid.indexOf(yesPrice);
        return i < 0 ? 0 : asks.quantity(i);
    }

    public boolean isEmpty() {
        return bids.levels() == 0 && asks.levels() == 0;
    }

    /** Best YES bid ($0.0001), or {@link #NO_PRICE}. */
    public long bestBid() {
        int i = viewBids.best();
        return i == Ladder.NONE ? NO_PRICE : grid.priceAt(i);
    }

    public long bestBidQty() {
        return viewBids.bestQuantity();
    }

    /** Best YES ask = $1 − best NO bid ($0.0001), or {@link #NO_PRICE}. */
    public long bestAsk() {
        int i = viewAsks.best();
        return i == Ladder.NONE ? NO_PRICE : grid.priceAt(i);
    }

    public long bestAskQty() {
        return viewAsks.bestQuantity();
    }

    public int bidLevels() {
        return viewBids.levels();
    }

    public int askLevels() {
        return viewAsks.levels();
    }

    public long totalBidQty() {
        return viewBids.total();
    }

    public long totalAskQty() {
        return viewAsks.total();
    }

    /** Resting YES-bid quantity at a YES price; 0 off the grid. */
    public long bidQtyAt(long yesPrice) {
        int i = grid.indexOf(yesPrice);
        return i < 0 ? 0 : viewBids.quantity(i);
    }

    /** Resting ask quantity (NO bids at $1 − price) at a YES price; 0 off the grid. */
    public long askQtyAt(long yesPrice) {
        int i = grid.indexOf(yesPrice);
        return i < 0 ? 0 : viewAsks.quantity(i);
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
        int b = viewBids.best();
        int a = viewAsks.best();
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
        return visit(viewBids, visitor, maxLevels);
    }

    /** Visits up to {@code maxLevels} ask levels, best (lowest) first. @return levels visited */
    public int forEachAsk(LevelVisitor visitor, int maxLevels) {
        return visit(viewAsks, visitor, maxLevels);
    }

    /** Copies bid levels, best first, into the caller's arrays (as many as the shorter holds). @return levels copied */
    public int copyBids(long[] prices, long[] quantities) {
        return copy(viewBids, prices, quantities);
    }

    /** Copies ask levels, best first, into the caller's arrays (as many as the shorter holds). @return levels copied */
    public int copyAsks(long[] prices, long[] quantities) {
        return copy(viewAsks, prices, quantities);
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

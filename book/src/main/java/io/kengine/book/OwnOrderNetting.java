package io.kengine.book;

import java.util.Arrays;

/**
 * Our own resting quantity per level of one book, and the book net of it: the market without us,
 * which is what the book's top-of-book and features describe once we have orders resting.
 *
 * <p>Kalshi's book includes our resting orders. Priced from it, each amend of a quote at the top moves
 * the mid and sets off the next amend. Our quantity is learned from the deltas Kalshi tags with our
 * {@code client_order_id}, because they are consistent with the book by construction (order replies
 * arrive on another channel, before or after the deltas they caused):
 * <ul>
 *   <li>a tagged delta adds to or takes from our quantity at its level (never below 0): our order was
 *       placed, amended, decreased or cancelled;</li>
 *   <li>a maker fill of ours takes its size from the level it rested on. Whether Kalshi tags the delta a
 *       fill causes with the maker's id is unconfirmed; if it does, the fill is counted twice and our
 *       quantity reads low until the order leaves the level (the safe side: the error shows our order as
 *       the market's, and the tagged delta of its cancel or amend clears it);</li>
 *   <li>our quantity never exceeds the level's, so an untagged removal cannot leave more of "us" than
 *       the level holds.</li>
 * </ul>
 * A tagged negative delta at a level where we hold nothing (our taker order consuming someone's
 * order, if Kalshi tags those) changes nothing of ours.
 *
 * <p>Inactive until the first tagged delta that adds quantity, so a book we never quote in (and every
 * paper run, whose orders never reach the exchange) costs nothing and reads exactly as before.
 *
 * <p>A snapshot carries no tags, so our quantity is carried through it, capped by the snapshot's levels
 * ({@link #rebuild}). Forgetting it instead would let our resting quotes read as the market's, and a
 * quote that is the best bid and the best ask is then its own fixed point: the engine stops reacting
 * until something moves them. What is carried over can be stale if a tagged delta was lost in the gap
 * that caused the snapshot; the cap clears it the first time its level empties.
 */
final class OwnOrderNetting {
    private final Ladder netBids;
    private final Ladder netAsks;
    private final long[] ownBids;
    private final long[] ownAsks;
    private boolean active;
    private int ownLevels;

    OwnOrderNetting(int size, int depth) {
        this.netBids = new Ladder(true, size, depth);
        this.netAsks = new Ladder(false, size, depth);
        this.ownBids = new long[size];
        this.ownAsks = new long[size];
    }

    int size() {
        return ownBids.length;
    }

    boolean isActive() {
        return active;
    }

    Ladder bids() {
        return netBids;
    }

    Ladder asks() {
        return netAsks;
    }

    /** Starts netting: the net ladders begin as copies of the book's (we hold nothing yet). */
    void activate(Ladder bids, Ladder asks) {
        clearOwn(); // already clear after deactivate; the net ladders must equal the book's with nothing of ours
        copy(bids, netBids);
        copy(asks, netAsks);
        active = true;
    }

    private static void copy(Ladder from, Ladder to) {
        to.clear();
        for (int i = from.best(); i != Ladder.NONE; i = from.next(i)) {
            to.set(i, from.quantity(i));
        }
    }

    /**
     * After a complete snapshot: our quantity at each level is capped by the level's, and the net ladders
     * are built again from the exchange's. O(grid points); snapshots are rare.
     */
    void rebuild(Ladder bids, Ladder asks) {
        rebuild(bids, ownBids, netBids);
        rebuild(asks, ownAsks, netAsks);
    }

    private void rebuild(Ladder full, long[] own, Ladder net) {
        net.clear();
        for (int i = 0; i < own.length; i++) {
            long q = full.quantity(i);
            if (own[i] > q) {
                setOwn(own, i, q);
            }
            if (q > own[i]) {
                net.set(i, q - own[i]);
            }
        }
    }

    /** Forgets our quantity and stops netting. */
    void deactivate() {
        if (!active) {
            return;
        }
        clearOwn();
        netBids.clear();
        netAsks.clear();
        active = false;
    }

    private void clearOwn() {
        if (ownLevels > 0) {
            Arrays.fill(ownBids, 0L);
            Arrays.fill(ownAsks, 0L);
            ownLevels = 0;
        }
    }

    /** An untagged change: the level now holds {@code full}; ours is capped by it. */
    void level(boolean bid, int i, long full) {
        long[] own = bid ? ownBids : ownAsks;
        long o = own[i];
        if (o > full) {
            setOwn(own, i, full);
            o = full;
        }
        (bid ? netBids : netAsks).set(i, full - o);
    }

    /** A delta tagged with our client order id changed the level by {@code delta}; it now holds {@code full}. */
    void tagged(boolean bid, int i, long delta, long full) {
        long[] own = bid ? ownBids : ownAsks;
        long o = Math.min(full, Math.max(0, own[i] + delta));
        setOwn(own, i, o);
        (bid ? netBids : netAsks).set(i, full - o);
    }

    /** A maker fill of ours took {@code count} from the level, which now holds {@code full}. */
    void filled(boolean bid, int i, long count, long full) {
        tagged(bid, i, -count, full); // the same rule as our own removal
    }

    private void setOwn(long[] own, int i, long q) {
        long old = own[i];
        if (old == 0 && q != 0) {
            ownLevels++;
        } else if (old != 0 && q == 0) {
            ownLevels--;
        }
        own[i] = q;
    }

    long own(boolean bid, int i) {
        return active ? (bid ? ownBids : ownAsks)[i] : 0;
    }

    /** Levels (both sides) where we hold quantity. */
    int ownLevels() {
        return ownLevels;
    }
}

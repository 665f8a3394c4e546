package io.kengine.risk.checks;

/**
 * Risk's mirror of what the orders stage will do with each approved quote: the last approved price
 * and quantity per market side (the orders stage keeps at most one order per side and diffs against
 * the approval), so a side is a create (none live → quantity), an amend (price or quantity changed),
 * a cancel (quantity → 0) or nothing. Open orders = live quote sides + taker basket legs still waiting
 * for their reply (an {@code OrderReply} EXECUTED, CANCELED or REJECTED settles one). Also the money the
 * live quote sides would lock if they filled (bid: price × qty, ask: (1 − price) × qty), for the balance check.
 */
public final class OrderFlow {
    public static final int NONE = 0;
    public static final int CREATE = 1;
    public static final int AMEND = 2;
    public static final int CANCEL = 3;

    private final long[] bidPrice;
    private final long[] bidQty;
    private final long[] askPrice;
    private final long[] askQty;
    private final int[] takerPending;
    private final long[] reserved;
    private int liveSides;
    private int takerTotal;
    private long reservedTotal;

    public OrderFlow(int maxMarkets) {
        bidPrice = new long[maxMarkets];
        bidQty = new long[maxMarkets];
        askPrice = new long[maxMarkets];
        askQty = new long[maxMarkets];
        takerPending = new int[maxMarkets];
        reserved = new long[maxMarkets];
    }

    public static int action(long lastPrice, long lastQty, long price, long qty) {
        if (qty <= 0) {
            return lastQty > 0 ? CANCEL : NONE;
        }
        if (lastQty <= 0) {
            return CREATE;
        }
        return lastPrice != price || lastQty != qty ? AMEND : NONE;
    }

    public int bidAction(int m, long price, long qty) { return action(bidPrice[m], bidQty[m], price, qty); }
    public int askAction(int m, long price, long qty) { return action(askPrice[m], askQty[m], price, qty); }

    /** Records the approval that goes to the orders stage. */
    public void commit(int m, long bp, long bq, long ap, long aq) {
        liveSides += (bq > 0 ? 1 : 0) + (aq > 0 ? 1 : 0) - (bidQty[m] > 0 ? 1 : 0) - (askQty[m] > 0 ? 1 : 0);
        bidPrice[m] = bp;
        bidQty[m] = Math.max(0, bq);
        askPrice[m] = ap;
        askQty[m] = Math.max(0, aq);
        long r = bidPrice[m] * bidQty[m] + (10_000 - askPrice[m]) * askQty[m];
        reservedTotal += r - reserved[m];
        reserved[m] = r;
    }

    /** The market's quotes are pulled. */
    public void pull(int m) {
        commit(m, 0, 0, 0, 0);
    }

    /**
     * A fill consumed part of a live side: the orders stage shrinks it the same way. Only that side's quantity
     * moves, so this is {@code commit} with the other side unchanged, written out: nothing at all when the side
     * is not live, else its quantity, the live count and the reserve adjusted by the difference (the same
     * long arithmetic as recomputing them, so the same values).
     */
    public void filled(int m, boolean bid, long qty) {
        long[] q = bid ? bidQty : askQty;
        long last = q[m];
        if (last <= 0) {
            return; // a side that is not live stays as it is (commit would write the same values back)
        }
        long left = Math.max(0, last - qty);
        if (left == last) {
            return;
        }
        q[m] = left;
        if (left == 0) {
            liveSides--;
        }
        long unit = bid ? bidPrice[m] : 10_000 - askPrice[m];
        long d = unit * left - unit * last; // r = bidPrice·bidQty + (1 − askPrice)·askQty: only one term moves
        reserved[m] += d;
        reservedTotal += d;
    }

    public void takerSent(int m) {
        takerPending[m]++;
        takerTotal++;
    }

    /** A final reply (executed, canceled, rejected) for the market: settles a pending taker leg if any. */
    public void finalReply(int m) {
        if (takerPending[m] > 0) {
            takerPending[m]--;
            takerTotal--;
        }
    }

    public int openOrders(int m) {
        return (bidQty[m] > 0 ? 1 : 0) + (askQty[m] > 0 ? 1 : 0) + takerPending[m];
    }

    public int openOrders() { return liveSides + takerTotal; }
    public long lastBidPrice(int m) { return bidPrice[m]; }
    public long lastBidQty(int m) { return bidQty[m]; }
    public long lastAskPrice(int m) { return askPrice[m]; }
    public long lastAskQty(int m) { return askQty[m]; }
    /** Raw ($0.000001) the market's live quote sides would lock. */
    public long reservedRaw(int m) { return reserved[m]; }
    public long reservedTotalRaw() { return reservedTotal; }
}

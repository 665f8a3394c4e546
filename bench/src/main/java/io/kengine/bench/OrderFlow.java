package io.kengine.bench;

import io.kengine.protocol.units.FixedPoint;

/**
 * A stationary order flow on a busy cent-grid book, the same call for call whichever {@link MatchingBook}
 * it drives. The book is centred on $0.50: bids rest on 0.01–0.49, asks on 0.51–0.99 (49 levels a side,
 * 20 orders a level at the start, 1 960 orders). Nothing is ever placed at 0.50, so a passive order never
 * crosses and only the aggressive ones trade.
 *
 * <p>Each {@link #step()} is one order call, drawn from a seeded xorshift stream:
 * <ul>
 *   <li>45% passive: a GTC of 1–10 contracts from one of 8 maker accounts, half of them within 5 ticks of
 *       the centre (refilling what aggressors eat), half anywhere on the side;</li>
 *   <li>35% cancel of a random resting order;</li>
 *   <li>20% aggressive: an IoC from one of 2 taker accounts (so self-trade prevention never fires) that
 *       crosses exactly 1–3 non-empty levels: it takes the first k−1 levels whole and 1–100% of the k-th.</li>
 * </ul>
 * To keep the book's size stationary, a passive turns into a cancel while more than the starting number of
 * orders rest, and a cancel into a passive while fewer do. The flow keeps its own count of resting size per
 * price (from the {@link MatchingBook.MakerSink} reports) to aim the aggressive orders; that bookkeeping is
 * the same few array writes for both books.
 */
final class OrderFlow implements MatchingBook.MakerSink {
    static final int LEVELS_PER_SIDE = 49;
    static final int ORDERS_PER_LEVEL = 20;
    static final int TARGET_ORDERS = 2 * LEVELS_PER_SIDE * ORDERS_PER_LEVEL;
    static final int MAKER_ACCOUNTS = 8;
    static final int TAKER_ACCOUNTS = 2;
    static final int CENTER_CENTS = 50;
    static final int WARM_UP_STEPS = 100_000;
    private static final int CAPACITY = 4096;
    private static final int BID = 0;
    private static final int ASK = 1;

    private MatchingBook book;
    private long rng;

    // per handle
    private final int[] cents = new int[CAPACITY];
    private final byte[] sideOf = new byte[CAPACITY];
    private final long[] remaining = new long[CAPACITY];
    private final int[] livePos = new int[CAPACITY];
    // resting handles, for picking a random one to cancel
    private final int[] live = new int[CAPACITY];
    private int liveCount;
    private final int[] free = new int[CAPACITY];
    private int freeTop;
    /** Resting size per side and price in cents. */
    private final long[][] volume = new long[2][100];

    // what actually ran, for the smoke test and the results
    long passives;
    long cancels;
    long aggressives;
    long levelsCrossed;
    long makerUpdates;

    /**
     * Starts from an empty book: fills 49 levels × 20 orders a side, then runs {@link #WARM_UP_STEPS} steps so
     * the book has settled into its steady shape (the first aggressors eat whole 20-order levels; after that
     * the inside is thinner) before anything is measured.
     */
    void reset(MatchingBook book, long seed) {
        this.book = book;
        this.rng = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
        liveCount = 0;
        freeTop = 0;
        for (int h = CAPACITY - 1; h >= 0; h--) {
            free[freeTop++] = h;
            remaining[h] = 0;
        }
        for (long[] v : volume) {
            java.util.Arrays.fill(v, 0);
        }
        for (int level = 1; level <= LEVELS_PER_SIDE; level++) {
            for (int i = 0; i < ORDERS_PER_LEVEL; i++) {
                passive(BID, CENTER_CENTS - level, next());
                passive(ASK, CENTER_CENTS + level, next());
            }
        }
        for (int i = 0; i < WARM_UP_STEPS; i++) {
            step();
        }
        passives = cancels = aggressives = levelsCrossed = makerUpdates = 0;
    }

    /** One order call. */
    void step() {
        long r = next();
        int u = (int) ((r >>> 40) % 100);
        if (u < 20) {
            aggressive(r);
        } else if (u < 65 ? liveCount < TARGET_ORDERS : liveCount < TARGET_ORDERS - 20) {
            // passive, or a cancel turned passive because the book is short of its size
            int side = (int) (r >>> 20) & 1;
            int d = ((r >>> 21) & 1) == 0 ? 1 + (int) ((r >>> 22) % 5) : 1 + (int) ((r >>> 22) % LEVELS_PER_SIDE);
            passive(side, side == BID ? CENTER_CENTS - d : CENTER_CENTS + d, r);
        } else {
            cancel(r);
        }
    }

    private void passive(int side, int priceCents, long r) {
        int h = free[--freeTop];
        long count = (1 + ((r >>> 8) & 0xFFFF) % 10) * FixedPoint.COUNT_ONE;
        int account = (int) ((r >>> 4) % MAKER_ACCOUNTS);
        long rest = book.submit(h, account, side == BID, priceCents * FixedPoint.CENT, count, false);
        if (rest != count) {
            throw new IllegalStateException("a passive order traded or was refused: " + rest + " of " + count + " rests");
        }
        cents[h] = priceCents;
        sideOf[h] = (byte) side;
        remaining[h] = rest;
        volume[side][priceCents] += rest;
        livePos[h] = liveCount;
        live[liveCount++] = h;
        passives++;
    }

    private void cancel(long r) {
        int h = live[(int) ((r >>> 8) % liveCount)];
        book.cancel(h);
        finish(h); // no-op when the book already reported it gone
        cancels++;
    }

    private void aggressive(long r) {
        int takerSide = (int) (r >>> 20) & 1;
        int restingSide = takerSide ^ 1;
        int k = 1 + (int) ((r >>> 22) % 3);
        long[] vol = volume[restingSide];
        // walk the resting side from the inside out: the first k non-empty levels
        int step = restingSide == ASK ? 1 : -1;
        long count = 0;
        int limitCents = -1;
        int seen = 0;
        for (int c = CENTER_CENTS + step; c > 0 && c < 100; c += step) {
            long v = vol[c];
            if (v == 0) {
                continue;
            }
            seen++;
            limitCents = c;
            if (seen == k) {
                long pct = 1 + (r >>> 30) % 100;
                count += Math.max(FixedPoint.COUNT_ONE / 100, (v * pct + 99) / 100);
                break;
            }
            count += v;
        }
        if (limitCents < 0) {
            passive(restingSide, CENTER_CENTS + step, r); // an empty side (never seen in practice): refill it
            return;
        }
        int account = MAKER_ACCOUNTS + (int) ((r >>> 4) % TAKER_ACCOUNTS);
        book.submit(-1, account, takerSide == BID, limitCents * FixedPoint.CENT, count, true);
        aggressives++;
        levelsCrossed += seen;
    }

    @Override
    public void onMakerUpdate(int handle, long left) {
        if (handle < 0 || remaining[handle] == 0) {
            return;
        }
        makerUpdates++;
        volume[sideOf[handle]][cents[handle]] -= remaining[handle] - left;
        remaining[handle] = left;
        if (left == 0) {
            unlink(handle);
        }
    }

    private void finish(int h) {
        if (remaining[h] != 0) {
            volume[sideOf[h]][cents[h]] -= remaining[h];
            remaining[h] = 0;
            unlink(h);
        }
    }

    private void unlink(int h) {
        int pos = livePos[h];
        int last = live[--liveCount];
        live[pos] = last;
        livePos[last] = pos;
        free[freeTop++] = h;
    }

    private long next() {
        long x = rng;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        rng = x;
        return x;
    }

    int restingOrders() {
        return liveCount;
    }

    long restingVolume(boolean bid, int priceCents) {
        return volume[bid ? BID : ASK][priceCents];
    }

    /** Best bid / ask in cents by the flow's own count (0 / 100 when a side is empty). */
    int bestCents(boolean bid) {
        long[] v = volume[bid ? BID : ASK];
        if (bid) {
            for (int c = CENTER_CENTS - 1; c > 0; c--) {
                if (v[c] != 0) {
                    return c;
                }
            }
            return 0;
        }
        for (int c = CENTER_CENTS + 1; c < 100; c++) {
            if (v[c] != 0) {
                return c;
            }
        }
        return 100;
    }
}

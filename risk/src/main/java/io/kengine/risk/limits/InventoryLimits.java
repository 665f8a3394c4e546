package io.kengine.risk.limits;

import io.kengine.risk.positions.PositionBook;

/**
 * R0: inventory caps per market and for the portfolio, in contracts and in dollars at risk, each
 * scaled by R2's regime factor. A quote side may always reduce the position; what it adds beyond the
 * reduction must fit the room left under every cap ({@code allowed = reducible + room / unit}). When a
 * position is over a cap (a fill overshot, or the regime shrank the cap) the market enters reduce-only
 * and stays there until it is back to {@code exitPct} of the cap; auto-flatten aims at that level. The
 * global caps have a portfolio-wide reduce-only flag of their own (no auto-flatten: which market to sell
 * is a strategy decision; increasing orders are blocked everywhere instead).
 *
 * <p>Caps are given in their parameter units (contracts 0.01, money $0.0001); room in dollars is
 * computed in raw units ($0.000001 = money × 100) against the {@link PositionBook}.
 */
public final class InventoryLimits {
    public static final int NO_CHANGE = 0;
    public static final int ON = 1;
    public static final int OFF = 2;

    private final PositionBook positions;
    private final boolean[] reduceOnly;
    private int reduceOnlyCount;
    private boolean globalReduceOnly;

    public InventoryLimits(PositionBook positions) {
        this.positions = positions;
        this.reduceOnly = new boolean[positions.maxMarkets()];
    }

    /** The part of a side's quantity that reduces the current position. */
    public static long reducible(long pos, boolean bid) {
        return bid ? (pos < 0 ? -pos : 0) : (pos > 0 ? pos : 0);
    }

    /** Allowed by the per-market contracts cap. */
    public long allowedContracts(long pos, boolean bid, long cap) {
        long r = reducible(pos, bid);
        long after = r > 0 ? 0 : Math.abs(pos);
        return r + Math.max(0, cap - after);
    }

    /** Allowed by the global contracts cap. */
    public long allowedGlobalContracts(long pos, boolean bid, long cap) {
        long r = reducible(pos, bid);
        long after = positions.totalAbsPosition() - r;
        return r + Math.max(0, cap - after);
    }

    /** Allowed by the per-market dollars-at-risk cap ($0.0001). */
    public long allowedDollars(int m, long pos, boolean bid, long unit, long capMoney) {
        long r = reducible(pos, bid);
        long after = r > 0 ? 0 : positions.atRiskRaw(m);
        return r + roomQty(capMoney * 100 - after, unit);
    }

    /** Allowed by the global dollars-at-risk cap ($0.0001). */
    public long allowedGlobalDollars(int m, long pos, boolean bid, long unit, long capMoney) {
        long r = reducible(pos, bid);
        long after = positions.totalAtRiskRaw() - (r > 0 ? positions.atRiskRaw(m) : 0);
        return r + roomQty(capMoney * 100 - after, unit);
    }

    /** Quantity (0.01 contracts) that fits {@code roomRaw} at {@code unit} $0.0001 per contract. */
    public static long roomQty(long roomRaw, long unit) {
        if (roomRaw <= 0) {
            return 0;
        }
        return unit <= 0 ? Long.MAX_VALUE / 4 : roomRaw / unit;
    }

    /**
     * Re-evaluates the market's reduce-only state against the (scaled) caps.
     * @return {@link #ON}, {@link #OFF} or {@link #NO_CHANGE}
     */
    public int update(int m, long cap, long capMoney, long exitPct) {
        return update(m, positions.position(m), positions.atRiskRaw(m), cap, capMoney, exitPct);
    }

    /** {@link #update(int, long, long, long)} with the market's position and at-risk (raw) as the book holds them. */
    public int update(int m, long pos, long risk, long cap, long capMoney, long exitPct) {
        long abs = Math.abs(pos);
        if (!reduceOnly[m]) {
            if (abs > cap || risk > capMoney * 100) {
                reduceOnly[m] = true;
                reduceOnlyCount++;
                return ON;
            }
            return NO_CHANGE;
        }
        if (abs <= pct(cap, exitPct) && risk <= pct(capMoney * 100, exitPct)) {
            reduceOnly[m] = false;
            reduceOnlyCount--;
            return OFF;
        }
        return NO_CHANGE;
    }

    /** Same for the portfolio-wide caps. */
    public int updateGlobal(long cap, long capMoney, long exitPct) {
        long abs = positions.totalAbsPosition();
        long risk = positions.totalAtRiskRaw();
        if (!globalReduceOnly) {
            if (abs > cap || risk > capMoney * 100) {
                globalReduceOnly = true;
                return ON;
            }
            return NO_CHANGE;
        }
        if (abs <= pct(cap, exitPct) && risk <= pct(capMoney * 100, exitPct)) {
            globalReduceOnly = false;
            return OFF;
        }
        return NO_CHANGE;
    }

    /** Settlement or reset: the market is flat, reduce-only no longer applies. */
    public boolean clear(int m) {
        if (reduceOnly[m]) {
            reduceOnly[m] = false;
            reduceOnlyCount--;
            return true;
        }
        return false;
    }

    /** How much the auto-flatten should close to bring the market back to exitPct of its caps. */
    public long flattenQuantity(int m, long cap, long capMoney, long exitPct) {
        long pos = positions.position(m);
        long abs = Math.abs(pos);
        long q = Math.max(0, abs - pct(cap, exitPct));
        long risk = positions.atRiskRaw(m);
        long target = pct(capMoney * 100, exitPct);
        if (risk > target && risk > 0) {
            long keep = PositionBook.mulDiv(abs, Math.max(0, target), risk); // proportional: at risk scales with the position
            q = Math.max(q, abs - keep);
        }
        return Math.min(abs, q);
    }

    private static long pct(long v, long p) {
        return v / 100 * p + v % 100 * p / 100;
    }

    public boolean reduceOnly(int m) { return reduceOnly[m]; }
    public int reduceOnlyCount() { return reduceOnlyCount; }
    public boolean globalReduceOnly() { return globalReduceOnly; }
}

package io.kengine.risk.positions;

/**
 * Signed positions per market (YES positive, NO negative, 0.01 contracts) with their cost basis,
 * realized P&L, fees and capital at risk, plus the portfolio totals, all maintained incrementally.
 *
 * <p>Units: {@code cost} and {@code realized} are kept "raw", price × quantity = $0.000001 (= $0.0001 / 100),
 * so nothing is rounded while a position is open; the money accessors floor them to $0.0001. Cost is
 * signed like the position: a long's cost is Σ price × qty paid for YES, a short's is −Σ price × qty of
 * the YES sold; closing removes cost pro rata (average cost), the last contract takes what is left.
 * Capital at risk is what the position loses at the worst settlement: a long its cost, a short
 * |position| × $1 − its YES proceeds (= the NO cost).
 */
public final class PositionBook {
    public static final long ONE = 10_000L;

    private final int maxMarkets;
    private final long[] position;
    private final long[] cost;
    private final long[] realized;
    private final long[] fees;
    private final long[] volume;
    private long totalAbsPosition;
    private long totalAtRiskRaw;
    private long totalRealizedRaw;
    private long totalFees;
    private long lastRealizedDeltaRaw;
    private long lastPosition;     // the market's position and cost after the last applyFill
    private long lastCost;

    public PositionBook(int maxMarkets) {
        this.maxMarkets = maxMarkets;
        this.position = new long[maxMarkets];
        this.cost = new long[maxMarkets];
        this.realized = new long[maxMarkets];
        this.fees = new long[maxMarkets];
        this.volume = new long[maxMarkets];
    }

    /**
     * Applies one fill. @param signedQty + bought YES, − sold YES (0.01 contracts)
     * @return the realized P&L of the fill before fees, raw ($0.000001)
     */
    public long applyFill(int m, long price, long signedQty, long fee) {
        long pos = position[m];
        long c = cost[m];
        long atRiskBefore = atRiskRaw(pos, c);
        long realizedRaw = 0;
        long q = Math.abs(signedQty);
        int dir = signedQty > 0 ? 1 : -1;
        if (pos != 0 && (pos > 0) != (signedQty > 0)) {
            long absPos = Math.abs(pos);
            long close = Math.min(q, absPos);
            long removed = close == absPos ? c : removedCost(c, close, absPos);
            realizedRaw = -dir * price * close - removed;
            c -= removed;
            pos += dir * close;
            q -= close;
        }
        if (q > 0) {
            c += dir * price * q;
            pos += dir * q;
        }
        totalAbsPosition += Math.abs(pos) - Math.abs(position[m]);
        position[m] = pos;
        cost[m] = c;
        realized[m] += realizedRaw;
        fees[m] += fee;
        volume[m] += Math.abs(signedQty);
        totalRealizedRaw += realizedRaw;
        totalFees += fee;
        totalAtRiskRaw += atRiskRaw(pos, c) - atRiskBefore;
        lastRealizedDeltaRaw = realizedRaw;
        lastPosition = pos;
        lastCost = c;
        return realizedRaw;
    }

    /** Settles the market's position at {@code value} ($0.0001 per YES contract); returns the realized P&L, raw. */
    public long settle(int m, long value) {
        long pos = position[m];
        long c = cost[m];
        long realizedRaw = pos * value - c;
        totalAtRiskRaw -= atRiskRaw(pos, c);
        totalAbsPosition -= Math.abs(pos);
        position[m] = 0;
        cost[m] = 0;
        realized[m] += realizedRaw;
        totalRealizedRaw += realizedRaw;
        lastRealizedDeltaRaw = realizedRaw;
        return realizedRaw;
    }

    /**
     * Cost leaving with {@code close} of {@code absPos} contracts: c × close / absPos truncated toward zero,
     * exact. One division when c × close fits a long (c and the product share their sign, so truncating the
     * product equals c / absPos × close + (c % absPos) × close / absPos); the split form otherwise.
     */
    static long removedCost(long c, long close, long absPos) {
        long hi = Math.multiplyHigh(c, close);
        long lo = c * close;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return lo / absPos;
        }
        return c / absPos * close + mulDiv(c % absPos, close, absPos);
    }

    /** a × b / c truncated, exact; a BigInteger only past 2^63 (positions beyond ~10^7 contracts). */
    public static long mulDiv(long a, long b, long c) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return lo / c;
        }
        return java.math.BigInteger.valueOf(a).multiply(java.math.BigInteger.valueOf(b))
            .divide(java.math.BigInteger.valueOf(c)).longValueExact();
    }

    /** Capital at risk of a position with that cost, raw. */
    public static long atRiskRaw(long pos, long cost) {
        if (pos > 0) {
            return cost;
        }
        if (pos < 0) {
            return -pos * ONE + cost;
        }
        return 0;
    }

    /** Unrealized P&L of the market at {@code mark} ($0.0001), raw; 0 when flat or the mark is unknown (&lt; 0). */
    public long unrealizedRaw(int m, long mark) {
        long pos = position[m];
        return pos == 0 || mark < 0 ? 0 : pos * mark - cost[m];
    }

    public int maxMarkets() { return maxMarkets; }
    public long position(int m) { return position[m]; }
    public long costRaw(int m) { return cost[m]; }
    public long atRiskRaw(int m) { return atRiskRaw(position[m], cost[m]); }
    public long realizedRaw(int m) { return realized[m]; }
    /** Realized P&L of the market before fees, $0.0001 (floored). */
    public long realized(int m) { return Math.floorDiv(realized[m], 100); }
    public long fees(int m) { return fees[m]; }
    public long volume(int m) { return volume[m]; }
    public long totalAbsPosition() { return totalAbsPosition; }
    public long totalAtRiskRaw() { return totalAtRiskRaw; }
    public long totalRealizedRaw() { return totalRealizedRaw; }
    public long totalFees() { return totalFees; }
    public long lastRealizedDeltaRaw() { return lastRealizedDeltaRaw; }
    /** The position and cost (raw) of the market of the last {@link #applyFill}, as it left them. */
    public long lastPosition() { return lastPosition; }
    public long lastCostRaw() { return lastCost; }
    /** Average entry price of the open position ($0.0001, YES leg), or −1 when flat. */
    public long averagePrice(int m) { return position[m] == 0 ? -1 : Math.abs(cost[m] / position[m]); }

    public void reset() {
        java.util.Arrays.fill(position, 0);
        java.util.Arrays.fill(cost, 0);
        java.util.Arrays.fill(realized, 0);
        java.util.Arrays.fill(fees, 0);
        java.util.Arrays.fill(volume, 0);
        totalAbsPosition = 0;
        totalAtRiskRaw = 0;
        totalRealizedRaw = 0;
        totalFees = 0;
        lastRealizedDeltaRaw = 0;
    }
}

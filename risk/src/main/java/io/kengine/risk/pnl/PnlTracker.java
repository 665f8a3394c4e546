package io.kengine.risk.pnl;

import io.kengine.risk.markets.MarketTable;
import io.kengine.risk.positions.PositionBook;

/**
 * Unrealized P&L marked at the book, per market, per event and for the portfolio, and the day's
 * figures (realized, fees, unrealized change since the day began, the day's peak), all incremental:
 * a mark or position change of one market updates its own term of the sums.
 *
 * <p>Mark: {@link #MARK_MID} the mid of the best bid and ask; {@link #MARK_EXIT} the side the position
 * would exit at (a long at the best bid, a short at the best ask). With no usable price the last mark
 * stays; a market never marked contributes 0. Raw units as in {@link PositionBook} ($0.000001).
 */
public final class PnlTracker {
    public static final int MARK_MID = 0;
    public static final int MARK_EXIT = 1;

    private final PositionBook positions;
    private final MarketTable markets;
    private final long[] mark;
    private final long[] unrealized;
    private final long[] eventUnrealized;
    private final long[] eventRealized;
    private final long[] eventFees;
    private long totalUnrealized;
    private int markMode = MARK_MID;

    private long dayRealized;
    private long dayFees;
    private long dayStartUnrealized;
    private long dayPeak;
    private long days;

    public PnlTracker(PositionBook positions, MarketTable markets) {
        this.positions = positions;
        this.markets = markets;
        int n = positions.maxMarkets();
        mark = new long[n];
        unrealized = new long[n];
        eventUnrealized = new long[n];
        eventRealized = new long[n];
        eventFees = new long[n];
        java.util.Arrays.fill(mark, -1);
    }

    public void markMode(int mode) {
        this.markMode = mode;
    }

    /** New top of book for the market: re-mark it. */
    public void onTop(int m) {
        remark(m);
    }

    /** After a fill: books its realized P&L and fee into the day and the event, and re-marks the market. */
    public void onFill(int m, long realizedRaw, long fee) {
        onFill(m, realizedRaw, fee, positions.position(m), positions.costRaw(m));
    }

    /** {@link #onFill(int, long, long)} with the market's new position and cost (raw) as the book now holds them. */
    public void onFill(int m, long realizedRaw, long fee, long pos, long cost) {
        dayRealized += realizedRaw;
        dayFees += fee;
        int e = markets.eventId(m);
        if (e >= 0) {
            eventRealized[e] += realizedRaw;
            eventFees[e] += fee;
        }
        remark(m, e, pos, cost);
    }

    /** After a settlement: the position is gone, its realized P&L counts for the day. */
    public void onSettle(int m, long realizedRaw) {
        dayRealized += realizedRaw;
        int e = markets.eventId(m);
        if (e >= 0) {
            eventRealized[e] += realizedRaw;
        }
        remark(m);
    }

    private void remark(int m) {
        remark(m, markets.eventId(m), positions.position(m), positions.costRaw(m));
    }

    /** @param e the market's event id (already read), −1 for none; pos and cost the book's for m */
    private void remark(int m, int e, long pos, long cost) {
        long bid = markets.bestBid(m);
        long ask = markets.bestAsk(m);
        long p = -1;
        if (markMode == MARK_EXIT && pos != 0) {
            p = pos > 0 ? bid : ask;
        } else if (bid >= 0 && ask >= 0) {
            p = (bid + ask) >>> 1;
        }
        if (p >= 0) {
            mark[m] = p;
        }
        long mk = mark[m];
        long u = pos == 0 || mk < 0 ? 0 : pos * mk - cost; // PositionBook.unrealizedRaw
        long d = u - unrealized[m];
        if (d != 0) {
            unrealized[m] = u;
            totalUnrealized += d;
            if (e >= 0) {
                eventUnrealized[e] += d;
            }
        }
        long daily = dailyPnlRaw();
        if (daily > dayPeak) {
            dayPeak = daily;
        }
    }

    /** Starts a new trading day: daily figures restart from the current marks. */
    public void newDay() {
        dayRealized = 0;
        dayFees = 0;
        dayStartUnrealized = totalUnrealized;
        dayPeak = 0;
        days++;
    }

    /** Today's P&L: realized − fees + change of unrealized since the day began, raw. */
    public long dailyPnlRaw() {
        return dayRealized - dayFees * 100 + totalUnrealized - dayStartUnrealized;
    }

    /** How far today's P&L is below its peak (≥ 0), raw. */
    public long drawdownRaw() {
        return dayPeak - dailyPnlRaw();
    }

    public long mark(int m) { return mark[m]; }
    public long unrealizedRaw(int m) { return unrealized[m]; }
    public long totalUnrealizedRaw() { return totalUnrealized; }
    public long eventUnrealizedRaw(int e) { return eventUnrealized[e]; }
    public long eventRealizedRaw(int e) { return eventRealized[e]; }
    public long eventFees(int e) { return eventFees[e]; }
    public long dayRealizedRaw() { return dayRealized; }
    public long dayFees() { return dayFees; }
    public long dayPeakRaw() { return dayPeak; }
    public long days() { return days; }
    /** Money accessors in $0.0001 (floored). */
    public long dailyPnl() { return Math.floorDiv(dailyPnlRaw(), 100); }
    public long totalUnrealized() { return Math.floorDiv(totalUnrealized, 100); }
}

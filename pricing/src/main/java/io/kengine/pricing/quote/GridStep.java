package io.kengine.pricing.quote;

import io.kengine.protocol.stage.QuoteReason;
import io.kengine.protocol.units.TickGrid;

/**
 * Step 5: onto the market's tick grid (bid down, ask up: rounding only ever adds edge), inside (0, 1)
 * (a bid above the top grid point is lowered to it and an ask below the bottom one raised: both only
 * add edge; a side that still lies outside is not quoted), and post-only safe: a bid at or above the
 * best ask steps to the grid point below it, an ask at or below the best bid to the point above it.
 * Finally our own bid and ask never meet (YES bid + NO bid ≥ $1 would match ourselves).
 */
public final class GridStep {
    public void apply(MarketInputs in, QuoteDraft d) {
        TickGrid grid = in.grid;
        long minIn = in.minInside;
        long maxIn = in.maxInside;
        if (minIn == TickGrid.NO_PRICE || maxIn == TickGrid.NO_PRICE || minIn > maxIn) {
            d.dropBid(QuoteReason.OUTSIDE_BOUNDS);
            d.dropAsk(QuoteReason.OUTSIDE_BOUNDS);
            return;
        }
        if (d.bidLive()) {
            bid(in, d, grid, minIn, maxIn);
        }
        if (d.askLive()) {
            ask(in, d, grid, minIn, maxIn);
        }
        if (d.bidLive() && d.askLive() && d.bidPrice >= d.askPrice) {
            long up = grid.nextUp(d.bidPrice);
            if (up == TickGrid.NO_PRICE || up > maxIn || (in.bestBid != MarketInputs.NO_PRICE && up <= in.bestBid)) {
                d.dropAsk(QuoteReason.WOULD_CROSS);
            } else {
                d.askPrice = up;
            }
        }
    }

    private static void bid(MarketInputs in, QuoteDraft d, TickGrid grid, long minIn, long maxIn) {
        long b = Math.min(d.bidPrice, maxIn);
        if (b < minIn) {
            // the skew alone pushed it out when the unskewed bid would have been inside
            d.dropBid(d.shift > 0 && d.bidPrice + d.shift >= minIn ? QuoteReason.SKEW_LIMIT : QuoteReason.OUTSIDE_BOUNDS);
            return;
        }
        b = grid.floor(b);
        if (in.bestAsk != MarketInputs.NO_PRICE && b >= in.bestAsk) {
            b = grid.nextDown(in.bestAsk);
            if (b == TickGrid.NO_PRICE || b < minIn) {
                d.dropBid(QuoteReason.WOULD_CROSS);
                return;
            }
        }
        d.bidPrice = b;
    }

    private static void ask(MarketInputs in, QuoteDraft d, TickGrid grid, long minIn, long maxIn) {
        long a = Math.max(d.askPrice, minIn);
        if (a > maxIn) {
            d.dropAsk(d.shift < 0 && d.askPrice + d.shift <= maxIn ? QuoteReason.SKEW_LIMIT : QuoteReason.OUTSIDE_BOUNDS);
            return;
        }
        a = grid.ceil(a);
        if (in.bestBid != MarketInputs.NO_PRICE && a <= in.bestBid) {
            a = grid.nextUp(in.bestBid);
            if (a == TickGrid.NO_PRICE || a > maxIn) {
                d.dropAsk(QuoteReason.WOULD_CROSS);
                return;
            }
        }
        d.askPrice = a;
    }
}

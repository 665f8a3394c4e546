package io.kengine.pricing.crosscontract;

import io.kengine.pricing.fees.FeeModel;
import io.kengine.pricing.market.Markets;
import io.kengine.protocol.units.FixedPoint;

/**
 * A mutually exclusive (and, as configured, exhaustive) outcome set of one event: exactly one YES pays
 * $1. YES asks summing below $1 by more than the legs' taker fees → buy every YES; YES bids summing
 * above $1 by more than the fees → sell every YES. The quantity is the smallest top-of-book size
 * (whole contracts), capped. Every member must have a trusted, open book with that side present.
 * Allocation-free: one pass over the members for each direction.
 */
public final class ExclusiveSetScanner {
    private final FeeModel fees;
    private final Markets markets;

    public ExclusiveSetScanner(FeeModel fees, Markets markets) {
        this.fees = fees;
        this.markets = markets;
    }

    /** Best basket for the group into {@code out}; false when none clears {@code minEdge}. */
    public boolean scan(EventGroups groups, int g, long maxQty, long minEdge, BasketPlan out) {
        int n = groups.count(g);
        if (n < 2 || n > BasketPlan.MAX_LEGS) {
            return false;
        }
        long buyQty = maxQty;
        long sellQty = maxQty;
        long sumAsk = 0;
        long sumBid = 0;
        for (int i = 0; i < n; i++) {
            int m = groups.member(g, i);
            if (!markets.hasTop(m) || !markets.trusted(m) || !markets.isOpen(m)) {
                return false;
            }
            long ask = markets.ask(m);
            long bid = markets.bid(m);
            if (bid >= 0 && ask >= 0 && bid >= ask) {
                return false; // a crossed member book is broken data, never a basket leg
            }
            if (ask < 0) {
                buyQty = 0;
            } else {
                sumAsk += ask;
                buyQty = Math.min(buyQty, markets.askQty(m));
            }
            if (bid < 0) {
                sellQty = 0;
            } else {
                sumBid += bid;
                sellQty = Math.min(sellQty, markets.bidQty(m));
            }
        }
        buyQty -= buyQty % FixedPoint.COUNT_ONE;
        sellQty -= sellQty % FixedPoint.COUNT_ONE;
        long buyEdge = Long.MIN_VALUE;
        if (buyQty > 0 && sumAsk < FixedPoint.PRICE_ONE) {
            buyEdge = (FixedPoint.PRICE_ONE - sumAsk) * buyQty / FixedPoint.COUNT_ONE;
            for (int i = 0; i < n; i++) {
                buyEdge -= fees.takerFee(markets.ask(groups.member(g, i)), buyQty);
            }
        }
        long sellEdge = Long.MIN_VALUE;
        if (sellQty > 0 && sumBid > FixedPoint.PRICE_ONE) {
            sellEdge = (sumBid - FixedPoint.PRICE_ONE) * sellQty / FixedPoint.COUNT_ONE;
            for (int i = 0; i < n; i++) {
                sellEdge -= fees.takerFee(markets.bid(groups.member(g, i)), sellQty);
            }
        }
        boolean buy = buyEdge >= sellEdge;
        long edge = buy ? buyEdge : sellEdge;
        if (edge == Long.MIN_VALUE || edge < minEdge) {
            return false;
        }
        out.start(buy ? BasketKind.EXCLUSIVE_BUY : BasketKind.EXCLUSIVE_SELL, edge);
        long qty = buy ? buyQty : sellQty;
        for (int i = 0; i < n; i++) {
            int m = groups.member(g, i);
            out.leg(m, buy, buy ? markets.ask(m) : markets.bid(m), qty);
        }
        return true;
    }
}

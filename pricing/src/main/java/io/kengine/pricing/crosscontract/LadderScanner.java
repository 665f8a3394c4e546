package io.kengine.pricing.crosscontract;

import io.kengine.pricing.fees.FeeModel;
import io.kengine.pricing.market.Markets;
import io.kengine.protocol.units.FixedPoint;

/**
 * A threshold ladder ("above X" markets of one event): YES of a higher strike can never be worth more
 * than YES of a lower one. When a higher strike's bid exceeds a lower strike's ask by more than both
 * taker fees, buy the lower at its ask and sell the higher at its bid: the payoff is never negative
 * and the price difference is kept. One pass in strike order, keeping the cheapest ask below.
 */
public final class LadderScanner {
    private final FeeModel fees;
    private final Markets markets;

    public LadderScanner(FeeModel fees, Markets markets) {
        this.fees = fees;
        this.markets = markets;
    }

    public boolean scan(EventGroups groups, int g, long maxQty, long minEdge, BasketPlan out) {
        int n = groups.ladderCount(g);
        int cheapest = -1;
        long bestEdge = Long.MIN_VALUE;
        int bestLow = -1;
        int bestHigh = -1;
        long bestQty = 0;
        for (int i = 0; i < n; i++) {
            int m = groups.ladderMember(g, i);
            if (!markets.hasTop(m) || !markets.trusted(m) || !markets.isOpen(m)) {
                continue;
            }
            long bid = markets.bid(m);
            if (cheapest >= 0 && bid >= 0 && bid > markets.ask(cheapest)
                && groups.strike(m) > groups.strike(cheapest)) {
                long q = Math.min(maxQty, Math.min(markets.bidQty(m), markets.askQty(cheapest)));
                q -= q % FixedPoint.COUNT_ONE;
                if (q > 0) {
                    long edge = (bid - markets.ask(cheapest)) * q / FixedPoint.COUNT_ONE
                        - fees.takerFee(markets.ask(cheapest), q) - fees.takerFee(bid, q);
                    if (edge > bestEdge) {
                        bestEdge = edge;
                        bestLow = cheapest;
                        bestHigh = m;
                        bestQty = q;
                    }
                }
            }
            long ask = markets.ask(m);
            if (ask >= 0 && (cheapest < 0 || ask < markets.ask(cheapest))) {
                cheapest = m;
            }
        }
        if (bestLow < 0 || bestEdge < minEdge) {
            return false;
        }
        out.start(BasketKind.LADDER, bestEdge);
        out.leg(bestLow, true, markets.ask(bestLow), bestQty);
        out.leg(bestHigh, false, markets.bid(bestHigh), bestQty);
        return true;
    }
}

package io.kengine.risk;

import io.kengine.protocol.stage.BasketNote;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.risk.breaker.CircuitBreaker;
import io.kengine.risk.checks.OrderFlow;
import io.kengine.risk.checks.OrderRateWindow;
import io.kengine.risk.checks.PreTradeChecks;
import io.kengine.risk.checks.TokenBucket;
import io.kengine.risk.decisions.DecisionLog;
import io.kengine.risk.decisions.ReasonCounters;
import io.kengine.risk.killswitch.KillSwitch;
import io.kengine.risk.limits.CorrelationLimits;
import io.kengine.risk.limits.InventoryLimits;
import io.kengine.risk.limits.LossLimits;
import io.kengine.risk.markets.MarketTable;
import io.kengine.risk.positions.PositionBook;

/**
 * Approves or blocks a taker basket in place, all or nothing. Each leg passes the market gate and the
 * caps of {@link SideCheck} against the position the earlier legs of the same market would leave; the
 * legs together must fit the global contracts and dollars caps, the balance, the variance cap (with the
 * legs' cross terms: buying every outcome of an exclusive event lowers variance), the open-order caps,
 * the per-minute rate and the token budget (a batch must fit the bucket at once). Any leg cut below its
 * wanted quantity blocks the whole basket with that leg's reason.
 */
final class BasketApprover {
    private final RiskSettings s;
    private final MarketTable markets;
    private final PositionBook positions;
    private final InventoryLimits inventory;
    private final CorrelationLimits correlation;
    private final LossLimits losses;
    private final KillSwitch killSwitch;
    private final CircuitBreaker breaker;
    private final OrderFlow flow;
    private final OrderRateWindow rate;
    private final TokenBucket tokens;
    private final SideCheck side;
    private final QuoteApprover quotes;
    private final ReasonCounters counters;
    private final DecisionLog log;
    private final int[] legMarket = new int[BasketNote.MAX_LEGS];
    private final long[] legDelta = new long[BasketNote.MAX_LEGS];
    private double maxVariance;

    BasketApprover(RiskSettings s, MarketTable markets, PositionBook positions, InventoryLimits inventory,
                   CorrelationLimits correlation, LossLimits losses, KillSwitch killSwitch, CircuitBreaker breaker,
                   OrderFlow flow, OrderRateWindow rate, TokenBucket tokens, SideCheck side, QuoteApprover quotes,
                   ReasonCounters counters, DecisionLog log) {
        this.s = s;
        this.markets = markets;
        this.positions = positions;
        this.inventory = inventory;
        this.correlation = correlation;
        this.losses = losses;
        this.killSwitch = killSwitch;
        this.breaker = breaker;
        this.flow = flow;
        this.rate = rate;
        this.tokens = tokens;
        this.side = side;
        this.quotes = quotes;
        this.counters = counters;
        this.log = log;
    }

    void maxVariance(double v) {
        this.maxVariance = v;
    }

    void approve(BasketNote basket, long now) {
        int n = basket.legCount();
        int reason = check(basket, n, now);
        if (reason != 0) {
            for (int i = 0; i < n; i++) {
                basket.approvedQuantity(i, 0);
            }
            basket.verdict(BasketNote.STATUS_BLOCKED, reason);
            counters.count(reason);
            int m = n > 0 ? basket.legMarketId(0) : -1;
            log.block(reason, m, basket.groupId(), 0, now);
            return;
        }
        for (int i = 0; i < n; i++) {
            basket.approvedQuantity(i, basket.legWantedQuantity(i));
            int m = basket.legMarketId(i);
            flow.takerSent(m);
            tokens.spend(s.createCost);
            rate.record(now);
        }
        breaker.orderSent(now);
        basket.verdict(BasketNote.STATUS_APPROVED, QuoteReason.QUOTED);
    }

    /** 0 when every leg passes at its wanted quantity, else the first refusing rule's reason. */
    private int check(BasketNote b, int n, long now) {
        if (n <= 0) {
            return QuoteReason.NO_EDGE;
        }
        if (killSwitch.halted()) {
            return killSwitch.haltReason();
        }
        if (losses.coolingDown()) {
            return QuoteReason.RISK_COOL_DOWN;
        }
        if (breaker.state() != CircuitBreaker.CLOSED) {
            return QuoteReason.RISK_BREAKER_OPEN;
        }
        if (inventory.globalReduceOnly()) {
            return QuoteReason.RISK_GLOBAL_CAP;
        }
        if (flow.openOrders() + n > s.maxOpen) {
            return QuoteReason.RISK_OPEN_ORDERS;
        }
        if (!rate.allows(now, n)) {
            return QuoteReason.RISK_ORDER_RATE;
        }
        if (!tokens.canSpend(s.createCost * n, s.cancelReserve)) {
            tokens.refused();
            return QuoteReason.RISK_TOKEN_BUDGET;
        }
        long addedContracts = 0;
        long addedRisk = 0;
        long available = quotes.cashRaw() - flow.reservedTotalRaw();
        double dv = 0;
        for (int i = 0; i < n; i++) {
            int m = b.legMarketId(i);
            boolean bid = b.legSide(i) == io.kengine.protocol.event.Codes.BID;
            long price = b.legPrice(i);
            long qty = b.legWantedQuantity(i);
            if (!markets.valid(m) || !markets.defined(m)) {
                return QuoteReason.RISK_UNKNOWN_MARKET;
            }
            if (!markets.tradable(m, now)) {
                return QuoteReason.RISK_MARKET_CLOSED;
            }
            if (s.requireTrustedBook && !markets.trusted(m)) {
                return QuoteReason.RISK_BOOK_UNTRUSTED;
            }
            if (killSwitch.flattening(m)) {
                return QuoteReason.RISK_FLATTEN;
            }
            long pos = positions.position(m);
            int sameMarketLegs = 0;
            for (int k = 0; k < i; k++) {
                if (legMarket[k] == m) {
                    pos += legDelta[k];
                    sameMarketLegs++;
                }
            }
            if (flow.openOrders(m) + sameMarketLegs + 1 > s.maxOpenPerMarket) {
                return QuoteReason.RISK_OPEN_ORDERS;
            }
            long r = InventoryLimits.reducible(pos, bid);
            if (inventory.reduceOnly(m) && qty > r) {
                return QuoteReason.RISK_REDUCE_ONLY;
            }
            side.check(m, bid, price, qty, 0, markets.regime(m), pos, available, Double.MAX_VALUE, QuoteReason.QUOTED);
            if (side.allowed < qty) {
                return side.reason;
            }
            long inc = Math.max(0, qty - r);
            long unit = PreTradeChecks.unitCost(bid, price);
            addedContracts += inc - Math.min(qty, r);
            addedRisk += inc * unit;
            available -= inc * unit;
            double d = (bid ? qty : -qty) / 100.0;
            dv += correlation.varianceDelta(m, d);
            for (int k = 0; k < i; k++) {
                double dk = legDelta[k] / 100.0;
                dv += 2 * d * dk * correlation.cov(m, legMarket[k]);
            }
            legMarket[i] = m;
            legDelta[i] = bid ? qty : -qty;
        }
        if (positions.totalAbsPosition() + addedContracts > s.globalMaxPosition) {
            return QuoteReason.RISK_GLOBAL_CAP;
        }
        if (positions.totalAtRiskRaw() + addedRisk > s.globalMaxAtRisk * 100) {
            return QuoteReason.RISK_DOLLAR_CAP;
        }
        if (available < 0) {
            return QuoteReason.RISK_BALANCE;
        }
        if (dv > 0 && correlation.variance() + dv > maxVariance) {
            return QuoteReason.RISK_VARIANCE_CAP;
        }
        return 0;
    }
}

package io.kengine.risk;

import io.kengine.protocol.stage.DecisionKind;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.risk.breaker.CircuitBreaker;
import io.kengine.risk.checks.OrderFlow;
import io.kengine.risk.checks.OrderRateWindow;
import io.kengine.risk.checks.TokenBucket;
import io.kengine.risk.decisions.DecisionLog;
import io.kengine.risk.decisions.ReasonCounters;
import io.kengine.risk.flatten.FlattenPricer;
import io.kengine.risk.killswitch.KillSwitch;
import io.kengine.risk.limits.InventoryLimits;
import io.kengine.risk.limits.LossLimits;
import io.kengine.risk.limits.RegimeScaling;
import io.kengine.risk.markets.MarketTable;
import io.kengine.risk.positions.PositionBook;

/**
 * Turns pricing's wanted quote into the approved quote, in a fixed order of small steps:
 * market gate (defined, open, trusted book, breaker) → flatten / reduce-only → cool-down → the caps
 * of {@link SideCheck} per side → the order-flow gate (open orders, orders per minute, token budget,
 * breaker probe) on the sides that would send a create or amend. A side refused by the order-flow gate
 * keeps its last approved price and quantity when that still fits (sending nothing costs nothing),
 * else goes to 0 (a cancel). Every cut is counted and journaled (BLOCK, throttled).
 */
final class QuoteApprover {
    private final RiskSettings s;
    private final MarketTable markets;
    private final PositionBook positions;
    private final InventoryLimits inventory;
    private final LossLimits losses;
    private final RegimeScaling regimes;
    private final KillSwitch killSwitch;
    private final CircuitBreaker breaker;
    private final OrderFlow flow;
    private final OrderRateWindow rate;
    private final TokenBucket tokens;
    private final SideCheck side;
    private final ReasonCounters counters;
    private final DecisionLog log;
    private final boolean[] flattenLogged;
    private double maxVariance;

    // results of the order-flow gate for one side
    private long gatePrice;
    private long gateQty;
    private int gateReason;
    private boolean gateRefused;
    private int gateAction;      // what the orders stage will do with (gatePrice, gateQty) against the last approval
    private long holdFair;
    private long holdPos;
    private long holdAvailable;
    // creates and amends already let through for this quote (the bid's, when gating the ask)
    private int pendingOrders;
    private int pendingCreates;

    QuoteApprover(RiskSettings s, MarketTable markets, PositionBook positions, InventoryLimits inventory, LossLimits losses,
                  RegimeScaling regimes, KillSwitch killSwitch, CircuitBreaker breaker, OrderFlow flow, OrderRateWindow rate,
                  TokenBucket tokens, SideCheck side, ReasonCounters counters, DecisionLog log) {
        this.s = s;
        this.markets = markets;
        this.positions = positions;
        this.inventory = inventory;
        this.losses = losses;
        this.regimes = regimes;
        this.killSwitch = killSwitch;
        this.breaker = breaker;
        this.flow = flow;
        this.rate = rate;
        this.tokens = tokens;
        this.side = side;
        this.counters = counters;
        this.log = log;
        this.flattenLogged = new boolean[markets.maxMarkets()];
    }

    void maxVariance(double v) {
        this.maxVariance = v;
    }

    /** Money available to a market's new exposure, raw: cash minus what other markets' live quotes would lock. */
    long availableRaw(int m) {
        return cashRaw() - (flow.reservedTotalRaw() - flow.reservedRaw(m));
    }

    /** Cash: starting balance + realized P&L − fees − capital locked in open positions, raw. */
    long cashRaw() {
        return s.balance * 100 + positions.totalRealizedRaw() - positions.totalFees() * 100 - positions.totalAtRiskRaw();
    }

    /**
     * Approves the slot's wanted quote (pricing's region, read through {@code wanted}; its flags are {@code flags},
     * already read) for its market: each field is read once, the approved quote starts as a copy of it.
     */
    void approve(SlotView wanted, int flags, QuoteNote approved, long now) {
        int m = wanted.wantedInt(SlotView.Q_MARKET);
        long bidPrice = wanted.wantedLong(SlotView.Q_BID_PRICE);
        long bidWanted = wanted.wantedLong(SlotView.Q_BID_QTY);
        long askPrice = wanted.wantedLong(SlotView.Q_ASK_PRICE);
        long askWanted = wanted.wantedLong(SlotView.Q_ASK_QTY);
        int bidReason = wanted.wantedInt(SlotView.Q_BID_REASON);
        int askReason = wanted.wantedInt(SlotView.Q_ASK_REASON);
        long fair = wanted.wantedLong(SlotView.Q_FAIR);
        int reportedRegime = wanted.wantedInt(SlotView.Q_REGIME);
        approved.meta(reportedRegime, wanted.wantedInt(SlotView.Q_LIFETIME));
        // the approved quote is the wanted one until a step below changes it: the common path writes it whole at
        // the end, the early exits write the copy first (their conditions are pure reads, evaluated again there)
        boolean valid = markets.valid(m);
        int regime = 0;
        if (valid) {
            regime = observeRegime(m, reportedRegime);
            side.prepare(m, regime);
            reevaluate(m, regime, side.capPos(), side.capMoney(), side.capGlobalPos(), side.capGlobalMoney());
        }
        if (!valid || killSwitch.flattening(m) || killSwitch.halted() || inventory.reduceOnly(m) || marketGate(m, now) != 0
            || (flags & QuoteNote.FLAG_PULL) != 0) {
            approved.set(m, flags, bidPrice, bidWanted, bidReason, askPrice, askWanted, askReason, fair);
            exit(approved, m, flags, fair, bidWanted, askWanted, now, valid);
            return;
        }
        long bidQty = bidWanted;
        long askQty = askWanted;
        if (losses.coolingDown()) {
            long pct = s.coolDownSizePct;
            bidQty = bidQty * pct / 100;
            askQty = askQty * pct / 100;
            bidPrice = Math.max(1, bidPrice - s.coolDownWiden);
            askPrice = Math.min(9_999, askPrice + s.coolDownWiden);
            if (bidWanted > 0) {
                bidReason = QuoteReason.RISK_COOL_DOWN;
            }
            if (askWanted > 0) {
                askReason = QuoteReason.RISK_COOL_DOWN;
            }
        }
        pendingOrders = 0;
        pendingCreates = 0;
        long pos = positions.position(m);
        long available = availableRaw(m);
        boolean globalReduce = inventory.globalReduceOnly();

        // bid
        side.checkPrepared(m, true, bidPrice, bidQty, fair, pos, available, maxVariance, bidReason);
        long bq = side.allowed;
        int br = side.reason;
        if (globalReduce && bq > InventoryLimits.reducible(pos, true)) {
            bq = InventoryLimits.reducible(pos, true);
            br = QuoteReason.RISK_GLOBAL_CAP;
        }
        holdFair = fair;
        holdPos = pos;
        holdAvailable = available;
        gate(m, true, bidPrice, bq, br, now, true);
        long bp = gatePrice;
        bq = gateQty;
        br = gateReason;
        boolean bidRefused = gateRefused;
        int bidAction = gateAction;
        // ask: the bid's cost is no longer available
        long bidCost = bid(bp, bq);
        side.checkPrepared(m, false, askPrice, askQty, fair, pos, available - bidCost, maxVariance, askReason);
        long aq = side.allowed;
        int ar = side.reason;
        if (globalReduce && aq > InventoryLimits.reducible(pos, false)) {
            aq = InventoryLimits.reducible(pos, false);
            ar = QuoteReason.RISK_GLOBAL_CAP;
        }
        holdAvailable = available - bidCost;
        gate(m, false, askPrice, aq, ar, now, true);
        long ap = gatePrice;
        aq = gateQty;
        ar = gateReason;
        int askAction = gateAction;

        if (!bidRefused) {
            note(m, br, bidWanted, bq, now);
        }
        if (!gateRefused) {
            note(m, ar, askWanted, aq, now);
        }
        approved.set(m, QuoteNote.FLAG_PRESENT, bp, bq, br, ap, aq, ar, fair);
        // the gate's actions are commit's: the mirror has not moved since the gate read it
        spend(bidAction, now);
        spend(askAction, now);
        flow.commit(m, bp, bq, ap, aq);
    }

    /** The early exits of {@link #approve}, in their order; {@code approved} holds the wanted quote. */
    private void exit(QuoteNote approved, int m, int flags, long fair, long bidWanted, long askWanted, long now, boolean valid) {
        if (!valid) {
            sides(approved, m, QuoteReason.RISK_UNKNOWN_MARKET, bidWanted, askWanted, now);
            return;
        }
        if (killSwitch.flattening(m)) {
            flatten(m, approved, fair, now, bidWanted, askWanted);
            return;
        }
        if (killSwitch.halted()) {
            pull(approved, m, killSwitch.haltReason(), bidWanted, askWanted, now);
            return;
        }
        if (inventory.reduceOnly(m)) {
            flatten(m, approved, fair, now, bidWanted, askWanted);
            return;
        }
        int gate = marketGate(m, now);
        if (gate != 0) {
            sides(approved, m, gate, bidWanted, askWanted, now);
            return;
        }
        if ((flags & QuoteNote.FLAG_PULL) != 0) {
            flow.pull(m);
            return;
        }
    }

    private static long bid(long price, long qty) {
        return price * qty;
    }

    /** Records the regime pricing reports for the market (R2); returns it normalized. */
    int observeRegime(int m, int reported) {
        int regime = reported < 0 || reported >= RegimeScaling.REGIMES ? io.kengine.protocol.stage.Regime.UNKNOWN : reported;
        if (regime != markets.regime(m)) {
            if (positions.position(m) != 0) {
                regimes.held(markets.regime(m), regime);
            }
            markets.regime(m, regime);
        }
        return regime;
    }

    /** 0 when the market may trade, else the reason it may not. */
    private int marketGate(int m, long now) {
        if (!markets.defined(m)) {
            return QuoteReason.RISK_UNKNOWN_MARKET;
        }
        if (!markets.tradable(m, now)) {
            return QuoteReason.RISK_MARKET_CLOSED;
        }
        if (s.requireTrustedBook && !markets.trusted(m)) {
            return QuoteReason.RISK_BOOK_UNTRUSTED;
        }
        if (breaker.state() == CircuitBreaker.OPEN) {
            return QuoteReason.RISK_BREAKER_OPEN;
        }
        return 0;
    }

    /**
     * The order-flow gate for one side: a create or amend needs the breaker's leave, room under the
     * open-order caps (creates), the per-minute rate and the token budget; if refused the side holds its
     * last approval when that fits, else is cancelled. Results in gatePrice / gateQty / gateReason.
     */
    private void gate(int m, boolean bid, long price, long qty, int reason, long now, boolean recheck) {
        long lastPrice = bid ? flow.lastBidPrice(m) : flow.lastAskPrice(m);
        long lastQty = bid ? flow.lastBidQty(m) : flow.lastAskQty(m);
        gatePrice = qty > 0 ? price : lastQty > 0 ? lastPrice : price;
        gateQty = qty;
        gateReason = reason;
        gateRefused = false;
        int action = OrderFlow.action(lastPrice, lastQty, price, qty);
        gateAction = action; // (gatePrice, gateQty) is (price, qty) when qty > 0; else only lastQty decides
        if (action != OrderFlow.CREATE && action != OrderFlow.AMEND) {
            return;
        }
        int refusal = 0;
        if (!breaker.allowsOrder()) {
            refusal = breaker.state() == CircuitBreaker.HALF_OPEN ? QuoteReason.RISK_BREAKER_PROBE : QuoteReason.RISK_BREAKER_OPEN;
        } else if (action == OrderFlow.CREATE
            && (flow.openOrders(m) + pendingCreates >= s.maxOpenPerMarket || flow.openOrders() + pendingCreates >= s.maxOpen)) {
            refusal = QuoteReason.RISK_OPEN_ORDERS;
        } else if (!rate.allows(now, 1 + pendingOrders)) {
            refusal = QuoteReason.RISK_ORDER_RATE;
        } else if (!tokens.canSpend(s.createCost * (1 + pendingOrders), s.cancelReserve)) {
            refusal = QuoteReason.RISK_TOKEN_BUDGET;
            tokens.refused();
        } else if (breaker.state() == CircuitBreaker.HALF_OPEN && pendingOrders > 0) {
            refusal = QuoteReason.RISK_BREAKER_PROBE; // the other side is this quote's probe
        }
        if (refusal == 0) {
            pendingOrders++;
            if (action == OrderFlow.CREATE) {
                pendingCreates++;
            }
            return;
        }
        if (lastQty > 0 && lastQty <= qty && (!recheck || holdFits(m, bid, lastPrice, lastQty))) {
            gatePrice = lastPrice;
            gateQty = lastQty;
        } else {
            gatePrice = lastQty > 0 ? lastPrice : price;
            gateQty = 0;
        }
        gateReason = refusal;
        gateRefused = true;
        gateAction = OrderFlow.action(lastPrice, lastQty, gatePrice, gateQty);
        counters.count(refusal);
        log.block(refusal, m, qty, gateQty, now);
    }

    /** A held side is re-checked at its own (old) price: the caps must still hold for it. */
    private boolean holdFits(int m, boolean bid, long lastPrice, long lastQty) {
        side.checkPrepared(m, bid, lastPrice, lastQty, holdFair, holdPos, holdAvailable, maxVariance, 0); // prepared for m
        return side.allowed >= lastQty;
    }

    /** Records the approval: token and rate spending per action, the breaker's probe, the mirror. */
    private void commit(int m, long bp, long bq, long ap, long aq, long now) {
        spend(OrderFlow.action(flow.lastBidPrice(m), flow.lastBidQty(m), bp, bq), now);
        spend(OrderFlow.action(flow.lastAskPrice(m), flow.lastAskQty(m), ap, aq), now);
        flow.commit(m, bp, bq, ap, aq);
    }

    private void spend(int action, long now) {
        if (action == OrderFlow.CREATE || action == OrderFlow.AMEND) {
            tokens.spend(s.createCost);
            rate.record(now);
            breaker.orderSent(now);
        } else if (action == OrderFlow.CANCEL) {
            tokens.spend(s.cancelCost);
        }
    }

    /** Counts a cut and journals it (throttled). */
    private void note(int m, int reason, long wanted, long allowed, long now) {
        if (allowed < wanted) {
            counters.count(reason);
            log.block(reason, m, wanted, allowed, now);
        }
    }

    /** Both sides to 0 with one reason (market gate). */
    private void sides(QuoteNote approved, int m, int reason, long bidWanted, long askWanted, long now) {
        note(m, reason, bidWanted, 0, now);
        note(m, reason, askWanted, 0, now);
        approved.bidQty(0, reason);
        approved.askQty(0, reason);
        if (markets.valid(m)) {
            commit(m, approved.bidPrice(), 0, approved.askPrice(), 0, now);
        }
    }

    /** Pull the market (halt). */
    void pull(QuoteNote approved, int m, int reason, long bidWanted, long askWanted, long now) {
        note(m, reason, bidWanted, 0, now);
        note(m, reason, askWanted, 0, now);
        approved.set(m, QuoteNote.FLAG_PRESENT | QuoteNote.FLAG_PULL, approved.bidPrice(), 0, reason,
            approved.askPrice(), 0, reason, approved.fairValue());
        if (markets.valid(m)) {
            flow.pull(m);
        }
    }

    /**
     * The market only reduces: operator flatten (to zero) or R0 reduce-only (to exitPct of the cap).
     * Writes the approved quote with only the reducing side, priced by the flatten rules.
     */
    void flatten(int m, QuoteNote approved, long fair, long now, long bidWanted, long askWanted) {
        boolean operator = killSwitch.flattening(m);
        int reason = operator ? QuoteReason.RISK_FLATTEN : QuoteReason.RISK_REDUCE_ONLY;
        long pos = positions.position(m);
        long qty = 0;
        int regime = markets.regime(m);
        if (pos != 0) {
            qty = operator ? Math.abs(pos) : inventory.flattenQuantity(m, regimes.scale(s.maxPosition, regime),
                regimes.scale(s.maxAtRisk, regime), s.reduceOnlyExitPct);
            qty = Math.min(qty, s.flattenMaxOrder);
        }
        boolean sell = pos > 0;
        long price = sell
            ? FlattenPricer.sellPrice(markets.bestBid(m), markets.bestAsk(m), markets.tick(m), s.flattenTicks)
            : FlattenPricer.buyPrice(markets.bestBid(m), markets.bestAsk(m), markets.tick(m), s.flattenTicks);
        int why = reason;
        if (qty > 0) {
            int gate = marketGate(m, now);
            if (gate != 0) {
                why = gate;
                qty = 0;
            } else if (price == FlattenPricer.NO_PRICE || price < s.priceMin || price > s.priceMax) {
                why = QuoteReason.RISK_PRICE_BAND;
                qty = 0;
            }
        }
        if (qty > 0 && !flattenLogged[m]) {
            flattenLogged[m] = true;
            log.add(DecisionKind.FLATTEN, reason, m, pos, qty);
        }
        if (pos == 0) {
            flattenLogged[m] = false;
        }
        pendingOrders = 0;
        pendingCreates = 0;
        gate(m, !sell, price, qty, why, now, false);
        long p = gatePrice;
        long q = gateQty;
        int r = gateReason;
        note(m, reason, sell ? bidWanted : askWanted, 0, now); // the side that would add is blocked
        if (sell) {
            approved.set(m, QuoteNote.FLAG_PRESENT, flow.lastBidPrice(m), 0, reason, p, q, r, fair);
            commit(m, flow.lastBidPrice(m), 0, p, q, now);
        } else {
            approved.set(m, QuoteNote.FLAG_PRESENT, p, q, r, flow.lastAskPrice(m), 0, reason, fair);
            commit(m, p, q, flow.lastAskPrice(m), 0, now);
        }
        approved.meta(regime, 0);
    }

    /** Re-evaluates the market's and the portfolio's reduce-only state (after fills and regime changes). */
    void reevaluate(int m) {
        reevaluate(m, positions.position(m), positions.atRiskRaw(m));
    }

    /** {@link #reevaluate(int)} with the market's position and at-risk (raw) as the book now holds them. */
    void reevaluate(int m, long pos, long atRiskRaw) {
        int regime = markets.regime(m);
        int f = regimes.factorPct(regime); // once for the four caps (scale(cap, regime) is scaleBy(cap, factorPct(regime)))
        reevaluate(m, pos, atRiskRaw, RegimeScaling.scaleBy(s.maxPosition, f), RegimeScaling.scaleBy(s.maxAtRisk, f),
            RegimeScaling.scaleBy(s.globalMaxPosition, f), RegimeScaling.scaleBy(s.globalMaxAtRisk, f));
    }

    /** {@link #reevaluate(int)} with the market's caps already scaled by its regime. */
    private void reevaluate(int m, int regime, long cap, long capMoney, long globalCap, long globalCapMoney) {
        reevaluate(m, positions.position(m), positions.atRiskRaw(m), cap, capMoney, globalCap, globalCapMoney);
    }

    private void reevaluate(int m, long pos, long atRiskRaw, long cap, long capMoney, long globalCap, long globalCapMoney) {
        int t = inventory.update(m, pos, atRiskRaw, cap, capMoney, s.reduceOnlyExitPct);
        if (t == InventoryLimits.ON) {
            counters.count(QuoteReason.RISK_REDUCE_ONLY);
            log.add(DecisionKind.REDUCE_ONLY_ON, QuoteReason.RISK_REDUCE_ONLY, m, positions.position(m), cap);
        } else if (t == InventoryLimits.OFF) {
            flattenLogged[m] = false;
            log.add(DecisionKind.REDUCE_ONLY_OFF, QuoteReason.RISK_REDUCE_ONLY, m, positions.position(m), cap);
        }
        int g = inventory.updateGlobal(globalCap, globalCapMoney, s.reduceOnlyExitPct);
        if (g == InventoryLimits.ON) {
            counters.count(QuoteReason.RISK_GLOBAL_CAP);
            log.add(DecisionKind.REDUCE_ONLY_ON, QuoteReason.RISK_GLOBAL_CAP, io.kengine.protocol.event.EventHeader.NO_MARKET,
                positions.totalAbsPosition(), globalCap);
        } else if (g == InventoryLimits.OFF) {
            log.add(DecisionKind.REDUCE_ONLY_OFF, QuoteReason.RISK_GLOBAL_CAP, io.kengine.protocol.event.EventHeader.NO_MARKET,
                positions.totalAbsPosition(), globalCap);
        }
    }

    void resetFlattenLog() {
        java.util.Arrays.fill(flattenLogged, false);
    }
}

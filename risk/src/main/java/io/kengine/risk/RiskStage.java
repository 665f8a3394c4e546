package io.kengine.risk;

import io.kengine.config.ParameterDef;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.event.MarketLifecycleEvent;
import io.kengine.protocol.event.OperatorCommandEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.stage.BasketNote;
import io.kengine.protocol.stage.BookTrust;
import io.kengine.protocol.stage.DecisionKind;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.protocol.stage.Stage;
import io.kengine.protocol.stage.TopOfBookNote;
import io.kengine.risk.breaker.CircuitBreaker;
import io.kengine.risk.checks.OrderFlow;
import io.kengine.risk.checks.OrderRateWindow;
import io.kengine.risk.checks.TokenBucket;
import io.kengine.risk.decisions.DecisionLog;
import io.kengine.risk.decisions.ReasonCounters;
import io.kengine.risk.fees.KalshiFees;
import io.kengine.risk.killswitch.KillSwitch;
import io.kengine.risk.limits.CorrelationLimits;
import io.kengine.risk.limits.GroupSpec;
import io.kengine.risk.limits.InventoryLimits;
import io.kengine.risk.limits.LossLimits;
import io.kengine.risk.limits.RegimeScaling;
import io.kengine.risk.markets.MarketTable;
import io.kengine.risk.pnl.DayClock;
import io.kengine.risk.pnl.PnlTracker;
import io.kengine.risk.positions.PositionBook;
import io.kengine.protocol.stage.TradeDedup;

import java.time.ZoneId;
import java.util.List;

/**
 * The risk stage (R0–R3): every quote and basket pricing wants passes here and comes out approved, cut
 * or blocked in the RISK regions of the slot's notes; nothing reaches the orders stage without it.
 * This class routes events to the parts that own them and keeps no rules of its own:
 * positions and P&L ({@link PositionBook}, {@link PnlTracker}, {@link KalshiFees}, {@link TradeDedup}),
 * R0 {@link InventoryLimits}, R1 {@link LossLimits}, R2 {@link RegimeScaling}, R3 {@link CorrelationLimits},
 * pre-trade caps ({@link SideCheck}), order flow ({@link OrderFlow}, {@link OrderRateWindow},
 * {@link TokenBucket}), the API-error {@link CircuitBreaker} and the {@link KillSwitch}.
 *
 * <p>Notes the orders stage ignores on FILL, ORDER_REPLY and SESSION_START events, so nothing is
 * approved on those; a halt or breaker pull they trigger goes out on the next event it reads.
 * Time is the event's timestamp only; steady state allocates nothing.
 */
public final class RiskStage implements Stage {
    public static final int MAX_MARKETS = 4096;
    public static final List<ParameterDef> PARAMETERS = RiskParameters.ALL;
    /** Offset of the trade id field in a FillEvent (FillEvent keeps it private; a test pins it). */
    static final int FILL_TRADE_ID_AT = io.kengine.protocol.event.FillEvent.TRADE_ID_OFFSET;
    /** Offset of the reason field in an OrderReplyEvent. */
    static final int REPLY_REASON_AT = OrderReplyEvent.ORDER_ID_OFFSET + OrderReplyEvent.ID_CAPACITY;

    private final SlotView view = new SlotView();
    private final QuoteNote approved = new QuoteNote();
    private final BasketNote basket = new BasketNote();
    private final ConfigChangeEvent config = new ConfigChangeEvent();
    private final OperatorCommandEvent command = new OperatorCommandEvent();
    private final OrderReplyEvent reply = new OrderReplyEvent();
    private final MarketDefinitionEvent definition = new MarketDefinitionEvent();
    private final MarketLifecycleEvent lifecycle = new MarketLifecycleEvent();

    private final RiskSettings settings = new RiskSettings();
    private final MarketTable markets = new MarketTable(MAX_MARKETS);
    private final PositionBook positions = new PositionBook(MAX_MARKETS);
    private final TradeDedup dedup = new TradeDedup(1 << 12); // the 4096 most recent trade ids; 32 KiB of fingerprints
    private final PnlTracker pnl = new PnlTracker(positions, markets);
    private final DayClock day = new DayClock();
    private final InventoryLimits inventory = new InventoryLimits(positions);
    private final LossLimits losses = new LossLimits();
    private final RegimeScaling regimes = new RegimeScaling();
    private final CorrelationLimits correlation = new CorrelationLimits(markets);
    private final KillSwitch killSwitch = new KillSwitch(MAX_MARKETS);
    private final CircuitBreaker breaker = new CircuitBreaker();
    private final OrderFlow flow = new OrderFlow(MAX_MARKETS);
    private final OrderRateWindow rate = new OrderRateWindow();
    private final TokenBucket tokens = new TokenBucket();
    private final ReasonCounters counters = new ReasonCounters();
    private final DecisionLog log = new DecisionLog(MAX_MARKETS);
    private final SideCheck side;
    private final QuoteApprover quotes;
    private final BasketApprover baskets;

    private String groupsText = RiskParameters.GROUPS.defaultValue();
    private String groupCapsText = RiskParameters.GROUP_CAPS.defaultValue();
    private String groupRhoText = RiskParameters.GROUP_CORRELATION.defaultValue();
    private boolean pendingPull;
    private int pendingPullReason;
    private long configErrors;
    private long lastEventNanos;

    /** Starts at the declared defaults; configured values arrive as ConfigChange events. */
    public RiskStage() {
        side = new SideCheck(settings, positions, inventory, correlation, regimes);
        quotes = new QuoteApprover(settings, markets, positions, inventory, losses, regimes, killSwitch, breaker, flow, rate,
            tokens, side, counters, log);
        baskets = new BasketApprover(settings, markets, positions, inventory, correlation, losses, killSwitch, breaker, flow,
            rate, tokens, side, quotes, counters, log);
        regimes.configure(RiskParameters.REGIME_FACTORS.defaultValue());
        breaker.ignore(GroupSpec.parseList(RiskParameters.BREAKER_IGNORE.defaultValue()));
        day.configure(ZoneId.of(RiskParameters.DAY_ZONE.defaultValue()), settings.dayHour());
        configureDerived();
    }

    @Override
    public void onEvent(EventSlot slot, boolean endOfBatch) {
        SlotView v = view.wrap(slot); // every read below: one bounds check here (writes go through the flyweights)
        long now = v.timestampNanos();
        lastEventNanos = now;
        approved.wrap(slot, QuoteNote.RISK).clear();
        log.begin(slot);
        advanceTime(now);
        short type = v.type();
        int wantedFlags = v.wantedInt(SlotView.Q_FLAGS); // pricing's region: risk only reads it
        observeBook(v, now, wantedFlags);
        switch (type) {
            case EventType.CONFIG_CHANGE:
                applyConfig(slot);
                break;
            case EventType.OPERATOR_COMMAND:
                applyCommand(slot, now);
                return;
            case EventType.FILL:
                applyFill(slot, v, now);
                return;
            case EventType.ORDER_REPLY:
                applyReply(slot, now);
                return;
            case EventType.SESSION_START:
                return;
            case EventType.MARKET_DEFINITION:
                applyDefinition(slot);
                break;
            case EventType.MARKET_LIFECYCLE:
                applyLifecycle(slot, now);
                break;
            default:
                break;
        }
        if (pendingPull) {
            pendingPull = false;
            pullAll(pendingPullReason);
            return;
        }
        if (v.noteInt(SlotView.BASKET_STATUS) == BasketNote.STATUS_PROPOSED) {
            baskets.approve(basket.wrap(slot), now);
        }
        if ((wantedFlags & QuoteNote.FLAG_PRESENT) != 0) {
            quotes.approve(v, wantedFlags, approved, now);
            return;
        }
        int m = v.noteInt(SlotView.TOP_MARKET);
        if ((v.noteInt(SlotView.TOP_FLAGS) & TopOfBookNote.FLAG_VALID) != 0 && markets.valid(m) && positions.position(m) != 0
            && (killSwitch.flattening(m) || !killSwitch.halted() && inventory.reduceOnly(m))) {
            quotes.flatten(m, approved, pnl.mark(m), now, 0, 0);
        }
    }

    // ---- time ----

    private void advanceTime(long now) {
        if (day.advance(now)) {
            pnl.newDay();
            losses.newDay();
        }
        tokens.refill(now);
        int b = breaker.tick(now);
        if (b == CircuitBreaker.HALF_OPEN) {
            log.add(DecisionKind.BREAKER_HALF_OPEN, QuoteReason.RISK_BREAKER_OPEN, EventHeader.NO_MARKET, breaker.errorsInWindow(), 0);
        } else if (b == CircuitBreaker.OPEN) {
            breakerOpened();
        }
        if (losses.tick(now)) {
            log.add(DecisionKind.COOL_DOWN_OFF, QuoteReason.RISK_COOL_DOWN, EventHeader.NO_MARKET, pnl.dailyPnl(), now);
        }
    }

    /** Top of book and trust of the event's market, as the book stage wrote them. */
    private void observeBook(SlotView v, long now, int wantedFlags) {
        int topFlags = v.noteInt(SlotView.TOP_FLAGS); // each field read once
        if ((topFlags & TopOfBookNote.FLAG_VALID) == 0) {
            return;
        }
        int m = v.noteInt(SlotView.TOP_MARKET);
        if (!markets.valid(m)) {
            return;
        }
        boolean trusted = (topFlags & TopOfBookNote.FLAG_TRUSTED) != 0;
        if (v.noteInt(SlotView.FEATURES_MARKET) == m) {
            trusted &= v.noteInt(SlotView.FEATURES_TRUST) == BookTrust.TRUSTED.code();
        }
        markets.top(m, v.noteLong(SlotView.TOP_BID), v.noteLong(SlotView.TOP_ASK), v.noteLong(SlotView.TOP_TICK), trusted);
        if ((wantedFlags & QuoteNote.FLAG_PRESENT) != 0 && v.wantedInt(SlotView.Q_MARKET) == m) {
            quotes.observeRegime(m, v.wantedInt(SlotView.Q_REGIME)); // R2 scales R1 below with the regime of this very quote
        }
        if (positions.position(m) != 0) {
            pnl.onTop(m);
            checkLosses(now);
        }
    }

    // ---- events ----

    private void applyFill(EventSlot slot, SlotView v, long now) {
        if (!v.holdsFill()) {
            throw new IndexOutOfBoundsException("event buffer shorter than a fill");
        }
        int m = v.eventMarketId();
        long qty = v.eventLong(SlotView.FILL_COUNT); // each field read once
        if (!markets.valid(m) || qty <= 0) {
            return;
        }
        if (!dedup.firstTime(slot.event(), FILL_TRADE_ID_AT)) {
            return;
        }
        long price = v.eventLong(SlotView.FILL_PRICE);
        boolean bid = v.eventByte(SlotView.FILL_SIDE) == Codes.BID;
        long fee = settings.feesReported() ? v.eventLong(SlotView.FILL_FEE)
            : KalshiFees.fee(price, qty, v.eventByte(SlotView.FILL_TAKER) != 0 ? settings.takerRate() : settings.makerRate(),
                settings.feeRoundingUnit());
        long before = positions.position(m);
        long realized = positions.applyFill(m, price, bid ? qty : -qty, fee);
        long after = positions.lastPosition(); // the new position and cost, kept in hand for P&L and R3
        long cost = positions.lastCostRaw();
        held(m, before, after);
        pnl.onFill(m, realized, fee, after, cost);
        long mark = pnl.mark(m);
        long atRisk = PositionBook.atRiskRaw(after, cost);
        correlation.onPosition(m, atRisk, after, mark >= 0 ? mark : price);
        flow.filled(m, bid, qty);
        if (before != 0 && (before > 0) != bid) {
            losses.onClosingFill(realized - fee * 100);
        }
        quotes.reevaluate(m, after, atRisk);
        checkLosses(now);
    }

    private void held(int m, long before, long after) {
        if (before == 0 && after != 0) {
            regimes.held(-1, markets.regime(m));
        } else if (before != 0 && after == 0) {
            regimes.held(markets.regime(m), -1);
        }
    }

    /** R1 after anything that moved today's P&L. */
    private void checkLosses(long now) {
        if (killSwitch.halted()) {
            return;
        }
        int f = regimes.portfolioFactorPct(); // once for both limits
        int action = losses.evaluate(now, pnl.dailyPnlRaw(), pnl.drawdownRaw(),
            RegimeScaling.scaleBy(settings.dailyLoss(), f) * 100, RegimeScaling.scaleBy(settings.maxDrawdown(), f) * 100,
            (int) settings.maxConsecutiveLosses(), settings.coolDownPct(), settings.coolDownNanos());
        if (action == LossLimits.HALT) {
            halt(losses.reason(), losses.value(), losses.limit(), now);
        } else if (action == LossLimits.COOL_DOWN) {
            counters.count(QuoteReason.RISK_COOL_DOWN);
            log.add(DecisionKind.COOL_DOWN_ON, losses.reason(), EventHeader.NO_MARKET, losses.value(), losses.coolDownUntil());
        }
    }

    private void halt(int reason, long value, long limit, long now) {
        if (killSwitch.halt(reason, value, limit, now)) {
            counters.count(reason);
            log.add(DecisionKind.HALT, reason, EventHeader.NO_MARKET, value, limit);
            pendingPull = true;
            pendingPullReason = reason;
        }
    }

    private void applyReply(EventSlot slot, long now) {
        reply.wrap(slot.event(), 0);
        int m = reply.marketId();
        byte t = reply.replyType();
        if (t == OrderReplyEvent.REJECTED) {
            if (breaker.onReject(now, slot.event(), REPLY_REASON_AT) == CircuitBreaker.OPEN) {
                breakerOpened();
            }
        } else if (t != OrderReplyEvent.UNKNOWN) {
            if (breaker.onSuccess() == CircuitBreaker.CLOSED) {
                log.add(DecisionKind.BREAKER_CLOSED, QuoteReason.RISK_BREAKER_OPEN, EventHeader.NO_MARKET, 0, 0);
            }
        }
        if (markets.valid(m) && (t == OrderReplyEvent.EXECUTED || t == OrderReplyEvent.CANCELED || t == OrderReplyEvent.REJECTED)) {
            flow.finalReply(m);
        }
    }

    private void breakerOpened() {
        counters.count(QuoteReason.RISK_BREAKER_OPEN);
        log.add(DecisionKind.BREAKER_OPEN, QuoteReason.RISK_BREAKER_OPEN, EventHeader.NO_MARKET, breaker.errorsInWindow(),
            settings.breakerErrors());
        pendingPull = true;
        pendingPullReason = QuoteReason.RISK_BREAKER_OPEN;
    }

    private void applyCommand(EventSlot slot, long now) {
        command.wrap(slot.event(), 0);
        byte c = command.command();
        int m = command.marketId();
        switch (c) {
            case OperatorCommandEvent.HALT:
                if (killSwitch.halt(QuoteReason.RISK_HALTED, 0, 0, now)) {
                    counters.count(QuoteReason.RISK_HALTED);
                    log.add(DecisionKind.HALT, QuoteReason.RISK_HALTED, m, 0, 0);
                }
                pendingPull = false;
                pullAll(QuoteReason.RISK_HALTED);
                return;
            case OperatorCommandEvent.RESUME:
                if (killSwitch.resume()) {
                    log.add(DecisionKind.RESUME, QuoteReason.RISK_HALTED, m, 0, 0);
                }
                losses.resume();
                quotes.resetFlattenLog();
                pendingPull = false;
                return;
            case OperatorCommandEvent.FLATTEN:
                killSwitch.flatten(m);
                counters.count(QuoteReason.RISK_FLATTEN);
                if (m == EventHeader.NO_MARKET) {
                    log.add(DecisionKind.FLATTEN, QuoteReason.RISK_FLATTEN, m, positions.totalAbsPosition(), 0);
                } else if (markets.valid(m)) {
                    quotes.flatten(m, approved, pnl.mark(m), now, 0, 0);
                }
                return;
            case OperatorCommandEvent.CANCEL_ALL:
                pullAll(QuoteReason.RISK_HALTED);
                return;
            default:
                return;
        }
    }

    private void pullAll(int reason) {
        approved.set(EventHeader.NO_MARKET, QuoteNote.FLAG_PRESENT | QuoteNote.FLAG_PULL, 0, 0, reason, 0, 0, reason, 0);
        for (int i = 0; i < markets.definedCount(); i++) {
            flow.pull(markets.definedMarket(i));
        }
    }

    private void applyDefinition(EventSlot slot) {
        definition.wrap(slot.event(), 0);
        int m = definition.marketId();
        if (!markets.valid(m)) {
            return;
        }
        boolean isNew = markets.define(m, definition);
        correlation.onDefine(m, isNew);
    }

    private void applyLifecycle(EventSlot slot, long now) {
        lifecycle.wrap(slot.event(), 0);
        int m = lifecycle.marketId();
        if (!markets.valid(m)) {
            return;
        }
        markets.lifecycle(m, lifecycle);
        byte kind = lifecycle.kind();
        if (kind != MarketLifecycleEvent.SETTLED) {
            if (kind == MarketLifecycleEvent.DEACTIVATED || kind == MarketLifecycleEvent.DETERMINED) {
                flow.pull(m); // the exchange cancels resting orders
            }
            return;
        }
        long value = settlementValue(lifecycle);
        if (value < 0) {
            return;
        }
        long before = positions.position(m);
        long realized = positions.settle(m, value);
        held(m, before, 0);
        pnl.onSettle(m, realized);
        correlation.onPosition(m, 0, 0, -1);
        inventory.clear(m);
        flow.pull(m);
        log.add(DecisionKind.SETTLED, QuoteReason.NONE, m, value, Math.floorDiv(realized, 100));
        checkLosses(now);
    }

    private static long settlementValue(MarketLifecycleEvent e) {
        switch (e.result()) {
            case MarketLifecycleEvent.RESULT_YES: return 10_000;
            case MarketLifecycleEvent.RESULT_NO: return 0;
            default:
                long v = e.settlementValue();
                return v == MarketLifecycleEvent.NULL_LONG ? -1 : Math.max(0, Math.min(10_000, v));
        }
    }

    // ---- config ----

    private void applyConfig(EventSlot slot) {
        config.wrap(slot.event(), 0);
        String key = config.key();
        if (!key.startsWith("risk.")) {
            return;
        }
        String value = config.value();
        try {
            if (!settings.apply(key, value)) {
                applyText(key, value);
            }
            configureDerived();
        } catch (IllegalArgumentException e) {
            configErrors++; // config validated the value before it was journaled; keep the last good one
        }
    }

    private void applyText(String key, String value) {
        switch (key) {
            case "risk.r2.factors":
                regimes.configure(value);
                break;
            case "risk.r3.groups":
                GroupSpec.parseGroups(value);
                groupsText = value;
                break;
            case "risk.r3.groupCaps":
                GroupSpec.parseNumbers(value, 4);
                groupCapsText = value;
                break;
            case "risk.r3.groupCorrelation":
                GroupSpec.parseNumbers(value, 4);
                groupRhoText = value;
                break;
            case "risk.day.zone":
                day.configure(ZoneId.of(value), settings.dayHour());
                break;
            case "risk.breaker.ignore":
                breaker.ignore(GroupSpec.parseList(value));
                break;
            default:
                break;
        }
    }

    /** Pushes settings into the parts that keep their own copy (config time only: may allocate). */
    private void configureDerived() {
        tokens.configure(settings.tokenCapacity(), settings.tokenRate());
        rate.configure((int) settings.maxOrdersPerMinute());
        breaker.configure((int) settings.breakerErrors(), settings.breakerWindowNanos(), settings.breakerOpenNanos());
        pnl.markMode(settings.markMode());
        if (day.hour() != settings.dayHour()) {
            day.configure(day.zone(), settings.dayHour());
        }
        double sd = settings.maxStdDev() / 10_000.0;
        quotes.maxVariance(sd * sd);
        baskets.maxVariance(sd * sd);
        correlation.configure(GroupSpec.parseGroups(groupsText), GroupSpec.parseNumbers(groupCapsText, 4),
            GroupSpec.parseNumbers(groupRhoText, 4), settings.eventsExclusive());
    }

    // ---- read-only status and metrics ----

    /** Signed position (0.01 contracts, YES positive). */
    public long position(int m) { return positions.position(m); }
    /** Average entry price ($0.0001) of the open position, −1 when flat. */
    public long averagePrice(int m) { return positions.averagePrice(m); }
    /** Realized P&L of the market before fees ($0.0001). */
    public long realized(int m) { return positions.realized(m); }
    public long fees(int m) { return positions.fees(m); }
    public long unrealized(int m) { return Math.floorDiv(pnl.unrealizedRaw(m), 100); }
    public long mark(int m) { return pnl.mark(m); }
    public long totalRealized() { return Math.floorDiv(positions.totalRealizedRaw(), 100); }
    public long totalFees() { return positions.totalFees(); }
    public long totalUnrealized() { return pnl.totalUnrealized(); }
    /** Today's P&L: realized − fees + unrealized change since the day began ($0.0001). */
    public long dailyPnl() { return pnl.dailyPnl(); }
    public long dailyPeak() { return Math.floorDiv(pnl.dayPeakRaw(), 100); }
    public long drawdown() { return Math.floorDiv(pnl.drawdownRaw(), 100); }
    public long dayStartNanos() { return day.dayStartNanos(); }
    public int eventCount() { return markets.eventCount(); }
    public String eventTicker(int e) { return markets.eventTicker(e); }
    public int eventOf(int m) { return markets.eventId(m); }
    public long eventRealized(int e) { return Math.floorDiv(pnl.eventRealizedRaw(e), 100); }
    public long eventUnrealized(int e) { return Math.floorDiv(pnl.eventUnrealizedRaw(e), 100); }
    public long eventFees(int e) { return pnl.eventFees(e); }
    public long eventAtRisk(int e) { return Math.floorDiv(correlation.eventAtRiskRaw(e), 100); }
    /** Dollars at risk ($0.0001) of a market and in total; sum of absolute positions. */
    public long atRisk(int m) { return Math.floorDiv(positions.atRiskRaw(m), 100); }
    public long totalAtRisk() { return Math.floorDiv(positions.totalAtRiskRaw(), 100); }
    public long totalAbsPosition() { return positions.totalAbsPosition(); }
    /** Cash after fills and settlements ($0.0001). */
    public long cash() { return Math.floorDiv(quotes.cashRaw(), 100); }
    public double portfolioVariance() { return correlation.variance(); }
    public int groupCount() { return correlation.groupCount(); }
    public String groupName(int g) { return correlation.groupName(g); }
    public long groupAtRisk(int g) { return Math.floorDiv(correlation.groupAtRiskRaw(g), 100); }

    public boolean halted() { return killSwitch.halted(); }
    public int haltReason() { return killSwitch.haltReason(); }
    public long haltValue() { return killSwitch.haltValue(); }
    public long haltLimit() { return killSwitch.haltLimit(); }
    public boolean flattening(int m) { return killSwitch.flattening(m); }
    public boolean reduceOnly(int m) { return inventory.reduceOnly(m); }
    public boolean globalReduceOnly() { return inventory.globalReduceOnly(); }
    public boolean coolingDown() { return losses.coolingDown(); }
    public long coolDownUntil() { return losses.coolDownUntil(); }
    public int consecutiveLosses() { return losses.consecutiveLosses(); }
    public int breakerState() { return breaker.state(); }
    public int regimeFactorPct(int regime) { return regimes.factorPct(regime); }

    public int openOrders() { return flow.openOrders(); }
    public int openOrders(int m) { return flow.openOrders(m); }
    public long tokens() { return tokens.tokens(); }
    public long tokenCapacity() { return tokens.capacityTokens(); }
    public int ordersInLastMinute() { return rate.inWindow(lastEventNanos); }

    /** How often a reason code cut, blocked or halted something. */
    public long reasonCount(int reason) { return counters.get(reason); }
    /** Every cut, block and halt counted, all reasons together. */
    public long blocksTotal() { return counters.total(); }

    /** Blocks so far by reason, for logs and benchmarks ({@link ReasonCounters#describe}). */
    public String blocksByReason() { return counters.describe(); }
    /** Non-zero counters as "name=count ..." (allocates: for status pages, not the hot path). */
    public String reasonCounts() { return counters.describe(); }
    public long duplicateFills() { return dedup.duplicates(); }
    public long fillsWithoutTradeId() { return dedup.withoutId(); }
    public long decisionsDropped() { return log.dropped(); }
    public long configErrors() { return configErrors; }
}

package io.kengine.risk;

import io.kengine.config.ParameterDef;
import io.kengine.risk.limits.GroupSpec;
import io.kengine.risk.limits.RegimeScaling;

import java.time.ZoneId;
import java.util.List;

/** Every parameter the risk stage reads, with its default and meaning. Units as the kinds say. */
public final class RiskParameters {
    private RiskParameters() {
    }

    // pre-trade (the first two are the old PreTradeRiskStage's keys, kept)
    public static final ParameterDef MAX_ORDER_SIZE = ParameterDef.count("risk.maxOrderSize", "100.00",
        "largest order, in contracts, risk lets through").withMin("0.01");
    public static final ParameterDef MAX_POSITION = ParameterDef.count("risk.maxPosition", "500.00",
        "R0: largest absolute position per market, in contracts (scaled by the regime factor)").withMin("0.01");
    public static final ParameterDef MAX_NOTIONAL = ParameterDef.money("risk.maxNotional", "100.0000",
        "largest cost of one order in dollars (bid: price x count, ask: (1 - price) x count)").withMin(1);
    public static final ParameterDef PRICE_MIN = ParameterDef.price("risk.priceBand.min", "0.0100",
        "lowest YES price an order may carry");
    public static final ParameterDef PRICE_MAX = ParameterDef.price("risk.priceBand.max", "0.9900",
        "highest YES price an order may carry");
    public static final ParameterDef FAT_FINGER = ParameterDef.price("risk.fatFinger", "0.1500",
        "largest distance of an order's price from the quote's fair value");
    public static final ParameterDef MAX_OPEN_PER_MARKET = ParameterDef.integer("risk.maxOpenOrdersPerMarket", "4",
        "most orders open in one market").withMin(1);
    public static final ParameterDef MAX_OPEN = ParameterDef.integer("risk.maxOpenOrders", "400",
        "most orders open in all markets").withMin(1);
    public static final ParameterDef MAX_ORDERS_PER_MINUTE = ParameterDef.integer("risk.maxOrdersPerMinute", "600",
        "most creates and amends in any 60 s of event time").withMin(1).withMax(60_000_000);
    public static final ParameterDef TOKEN_TIER = ParameterDef.enumOf("risk.tokens.tier",
        List.of("basic", "advanced", "expert", "premier", "paragon", "prime", "prestige"), "basic",
        "Kalshi usage tier whose write token bucket risk mirrors");
    public static final ParameterDef TOKEN_BUDGET_PCT = ParameterDef.integer("risk.tokens.budgetPct", "80",
        "share of the tier's write bucket (rate and capacity) risk lets order flow use, percent").withMin(1).withMax(100);
    public static final ParameterDef TOKEN_CREATE_COST = ParameterDef.integer("risk.tokens.createCost", "10",
        "write tokens of one create or amend").withMin(0);
    public static final ParameterDef TOKEN_CANCEL_COST = ParameterDef.integer("risk.tokens.cancelCost", "2",
        "write tokens of one cancel").withMin(0);
    public static final ParameterDef TOKEN_CANCEL_RESERVE = ParameterDef.integer("risk.tokens.cancelReserve", "20",
        "tokens a create or amend must leave in the bucket so cancels always fit").withMin(0);
    public static final ParameterDef BALANCE = ParameterDef.money("risk.balance", "1000.0000",
        "cash balance at the start of the session; fills and settlements move it").withMin(0);
    public static final ParameterDef REQUIRE_TRUSTED_BOOK = ParameterDef.bool("risk.requireTrustedBook", "true",
        "block orders in a market whose book the book stage does not trust");

    // R0 inventory
    public static final ParameterDef GLOBAL_MAX_POSITION = ParameterDef.count("risk.r0.globalMaxPosition", "2000.00",
        "R0: largest sum of absolute positions over all markets, in contracts").withMin("0.01");
    public static final ParameterDef MAX_AT_RISK = ParameterDef.money("risk.r0.maxDollarsAtRisk", "250.0000",
        "R0: most dollars at risk in one market (a long's cost, a short's NO cost)").withMin(1);
    public static final ParameterDef GLOBAL_MAX_AT_RISK = ParameterDef.money("risk.r0.globalMaxDollarsAtRisk", "1000.0000",
        "R0: most dollars at risk over all markets").withMin(1);
    public static final ParameterDef REDUCE_ONLY_EXIT_PCT = ParameterDef.integer("risk.r0.reduceOnlyExitPct", "90",
        "R0: reduce-only ends (and auto-flatten aims) at this percent of the breached cap").withMin(0).withMax(100);
    public static final ParameterDef FLATTEN_TICKS = ParameterDef.integer("risk.flatten.aggressivenessTicks", "0",
        "flatten price: ticks from joining our side's best toward the opposite best (large = take)").withMin(0).withMax(10_000);
    public static final ParameterDef FLATTEN_MAX_ORDER = ParameterDef.count("risk.flatten.maxOrderSize", "50.00",
        "largest flatten order, in contracts").withMin("0.01");

    // R1 loss and drawdown
    public static final ParameterDef DAILY_LOSS = ParameterDef.money("risk.r1.dailyLossLimit", "200.0000",
        "R1: today's realized + unrealized loss (after fees) that halts").withMin(1);
    public static final ParameterDef MAX_DRAWDOWN = ParameterDef.money("risk.r1.maxDrawdown", "150.0000",
        "R1: fall of today's P&L from the day's peak that halts").withMin(1);
    public static final ParameterDef MAX_CONSECUTIVE_LOSSES = ParameterDef.integer("risk.r1.maxConsecutiveLosses", "5",
        "R1: losing closing fills in a row that start a cool-down (a second time in the day: halt)").withMin(1);
    public static final ParameterDef COOL_DOWN_PCT = ParameterDef.integer("risk.r1.coolDownPct", "50",
        "R1: percent of the loss or drawdown limit at which the cool-down starts").withMin(1).withMax(100);
    public static final ParameterDef COOL_DOWN = ParameterDef.durationMs("risk.r1.coolDown", "5m",
        "R1: how long a cool-down lasts, event time");
    public static final ParameterDef COOL_DOWN_SIZE_PCT = ParameterDef.integer("risk.r1.coolDownSizePct", "50",
        "R1: quote size during a cool-down, percent of the wanted size").withMin(0).withMax(100);
    public static final ParameterDef COOL_DOWN_WIDEN = ParameterDef.price("risk.r1.coolDownWiden", "0.0200",
        "R1: how much further from the fair side each quote moves during a cool-down");

    // R2 regime factors
    public static final ParameterDef REGIME_FACTORS = ParameterDef.text("risk.r2.factors",
        "unknown=100;calm=100;active=75;event=50",
        "R2: percent of every R0/R1 cap per regime, e.g. calm=100;active=75;event=50", RegimeScaling::canonical);

    // R3 correlation
    public static final ParameterDef GROUPS = ParameterDef.text("risk.r3.groups", "none",
        "R3: correlation groups, name=pattern,pattern;... matching ticker, series or event (trailing * = prefix)",
        GroupSpec::canonicalGroups);
    public static final ParameterDef GROUP_CAPS = ParameterDef.text("risk.r3.groupCaps", "none",
        "R3: dollars-at-risk cap per group, name=dollars;... (* = every group without its own)",
        GroupSpec::canonicalNumbers);
    public static final ParameterDef GROUP_CORRELATION = ParameterDef.text("risk.r3.groupCorrelation", "none",
        "R3: correlation of the markets inside a group, name=rho;... rho in [-1, 1]", GroupSpec::canonicalNumbers);
    public static final ParameterDef EVENT_CAP = ParameterDef.money("risk.r3.eventCap", "500.0000",
        "R3: dollars-at-risk cap over all markets of one event").withMin(1);
    public static final ParameterDef EVENT_STRUCTURE = ParameterDef.enumOf("risk.r3.eventStructure",
        List.of("exclusive", "independent"), "exclusive",
        "R3: markets of one event: mutually exclusive outcomes (cov = -p_i p_j) or independent");
    public static final ParameterDef MAX_STD_DEV = ParameterDef.money("risk.r3.maxStdDev", "300.0000",
        "R3: cap on the portfolio's settlement standard deviation sqrt(w'Sw), dollars").withMin(1);

    // P&L and fees
    public static final ParameterDef TAKER_RATE = ParameterDef.price("risk.fees.takerRate", "0.0700",
        "Kalshi taker fee rate in fee = rate x C x P x (1 - P)");
    public static final ParameterDef MAKER_RATE = ParameterDef.price("risk.fees.makerRate", "0.0175",
        "Kalshi maker fee rate (0 on series without maker fees)");
    public static final ParameterDef FEE_ROUNDING = ParameterDef.enumOf("risk.fees.rounding", List.of("unit", "cent"), "unit",
        "round each fill's fee up to $0.0001 (unit, Kalshi since 2026) or to the cent");
    public static final ParameterDef FEE_SOURCE = ParameterDef.enumOf("risk.fees.source", List.of("computed", "reported"),
        "computed", "fee per fill: computed by the formula, or as the exchange reported it on the fill");
    public static final ParameterDef MARK = ParameterDef.enumOf("risk.pnl.mark", List.of("mid", "exit"), "mid",
        "unrealized P&L marks at the mid, or at the side the position would exit at");
    public static final ParameterDef DAY_ZONE = ParameterDef.text("risk.day.zone", "America/New_York",
        "time zone of the trading day's reset", RiskParameters::zone);
    public static final ParameterDef DAY_HOUR = ParameterDef.integer("risk.day.resetHour", "0",
        "hour (0-23, in risk.day.zone) at which daily figures reset").withMin(0).withMax(23);

    // API-error circuit breaker
    public static final ParameterDef BREAKER_ERRORS = ParameterDef.integer("risk.breaker.errors", "5",
        "rejected replies within the window that open the breaker").withMin(1).withMax(1000);
    public static final ParameterDef BREAKER_WINDOW = ParameterDef.durationMs("risk.breaker.window", "10s",
        "window the rejected replies are counted in, event time");
    public static final ParameterDef BREAKER_OPEN_FOR = ParameterDef.durationMs("risk.breaker.openFor", "30s",
        "how long the breaker stays open before one probe order is let through");
    public static final ParameterDef BREAKER_IGNORE = ParameterDef.text("risk.breaker.ignore", "post only cross",
        "reject reasons (substrings, ;-separated, or none) that are business outcomes, not API errors",
        GroupSpec::canonicalList);

    public static final List<ParameterDef> ALL = List.of(
        MAX_ORDER_SIZE, MAX_POSITION, MAX_NOTIONAL, PRICE_MIN, PRICE_MAX, FAT_FINGER, MAX_OPEN_PER_MARKET, MAX_OPEN,
        MAX_ORDERS_PER_MINUTE, TOKEN_TIER, TOKEN_BUDGET_PCT, TOKEN_CREATE_COST, TOKEN_CANCEL_COST, TOKEN_CANCEL_RESERVE,
        BALANCE, REQUIRE_TRUSTED_BOOK,
        GLOBAL_MAX_POSITION, MAX_AT_RISK, GLOBAL_MAX_AT_RISK, REDUCE_ONLY_EXIT_PCT, FLATTEN_TICKS, FLATTEN_MAX_ORDER,
        DAILY_LOSS, MAX_DRAWDOWN, MAX_CONSECUTIVE_LOSSES, COOL_DOWN_PCT, COOL_DOWN, COOL_DOWN_SIZE_PCT, COOL_DOWN_WIDEN,
        REGIME_FACTORS, GROUPS, GROUP_CAPS, GROUP_CORRELATION, EVENT_CAP, EVENT_STRUCTURE, MAX_STD_DEV,
        TAKER_RATE, MAKER_RATE, FEE_ROUNDING, FEE_SOURCE, MARK, DAY_ZONE, DAY_HOUR,
        BREAKER_ERRORS, BREAKER_WINDOW, BREAKER_OPEN_FOR, BREAKER_IGNORE);

    static String zone(String text) {
        try {
            return ZoneId.of(text).getId();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + text + "'");
        }
    }
}

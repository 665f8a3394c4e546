package io.kengine.risk;

import io.kengine.config.ParameterDef;
import io.kengine.risk.fees.KalshiFees;

import static io.kengine.risk.RiskParameters.*;

/**
 * The numeric values of {@link RiskParameters} as the stage uses them (fixed point), starting at the
 * defaults; {@link #apply} takes one ConfigChange. Structured (TEXT) parameters are handed to the
 * component that owns them by the stage. Read-only to everything but the stage.
 */
public final class RiskSettings {
    /** Kalshi write buckets (tokens per second) per tier, in {@link RiskParameters#TOKEN_TIER} order. */
    private static final long[] TIER_RATE = {100, 300, 600, 1_000, 2_000, 4_000, 8_000};
    /** Bucket capacity in seconds of budget: Basic holds 1 s, higher tiers 2 s. */
    private static final long[] TIER_SECONDS = {1, 2, 2, 2, 2, 2, 2};

    long maxOrderSize = def(MAX_ORDER_SIZE);
    long maxPosition = def(MAX_POSITION);
    long maxNotional = def(MAX_NOTIONAL);
    long priceMin = def(PRICE_MIN);
    long priceMax = def(PRICE_MAX);
    long fatFinger = def(FAT_FINGER);
    long maxOpenPerMarket = def(MAX_OPEN_PER_MARKET);
    long maxOpen = def(MAX_OPEN);
    long maxOrdersPerMinute = def(MAX_ORDERS_PER_MINUTE);
    long tokenTier = def(TOKEN_TIER);
    long tokenBudgetPct = def(TOKEN_BUDGET_PCT);
    long createCost = def(TOKEN_CREATE_COST);
    long cancelCost = def(TOKEN_CANCEL_COST);
    long cancelReserve = def(TOKEN_CANCEL_RESERVE);
    long balance = def(BALANCE);
    boolean requireTrustedBook = def(REQUIRE_TRUSTED_BOOK) != 0;

    long globalMaxPosition = def(GLOBAL_MAX_POSITION);
    long maxAtRisk = def(MAX_AT_RISK);
    long globalMaxAtRisk = def(GLOBAL_MAX_AT_RISK);
    long reduceOnlyExitPct = def(REDUCE_ONLY_EXIT_PCT);
    long flattenTicks = def(FLATTEN_TICKS);
    long flattenMaxOrder = def(FLATTEN_MAX_ORDER);

    long dailyLoss = def(DAILY_LOSS);
    long maxDrawdown = def(MAX_DRAWDOWN);
    long maxConsecutiveLosses = def(MAX_CONSECUTIVE_LOSSES);
    long coolDownPct = def(COOL_DOWN_PCT);
    long coolDownMs = def(COOL_DOWN);
    long coolDownSizePct = def(COOL_DOWN_SIZE_PCT);
    long coolDownWiden = def(COOL_DOWN_WIDEN);

    long eventCap = def(EVENT_CAP);
    long eventStructure = def(EVENT_STRUCTURE);
    long maxStdDev = def(MAX_STD_DEV);

    long takerRate = def(TAKER_RATE);
    long makerRate = def(MAKER_RATE);
    long feeRounding = def(FEE_ROUNDING);
    long feeSource = def(FEE_SOURCE);
    long mark = def(MARK);
    long dayHour = def(DAY_HOUR);

    long breakerErrors = def(BREAKER_ERRORS);
    long breakerWindowMs = def(BREAKER_WINDOW);
    long breakerOpenMs = def(BREAKER_OPEN_FOR);

    private static long def(ParameterDef d) {
        return d.parse(d.defaultValue());
    }

    /** Applies a numeric parameter; returns false when the key is not one of them (TEXT or foreign keys). */
    public boolean apply(String key, String value) {
        switch (key) {
            case "risk.maxOrderSize": maxOrderSize = MAX_ORDER_SIZE.parse(value); return true;
            case "risk.maxPosition": maxPosition = MAX_POSITION.parse(value); return true;
            case "risk.maxNotional": maxNotional = MAX_NOTIONAL.parse(value); return true;
            case "risk.priceBand.min": priceMin = PRICE_MIN.parse(value); return true;
            case "risk.priceBand.max": priceMax = PRICE_MAX.parse(value); return true;
            case "risk.fatFinger": fatFinger = FAT_FINGER.parse(value); return true;
            case "risk.maxOpenOrdersPerMarket": maxOpenPerMarket = MAX_OPEN_PER_MARKET.parse(value); return true;
            case "risk.maxOpenOrders": maxOpen = MAX_OPEN.parse(value); return true;
            case "risk.maxOrdersPerMinute": maxOrdersPerMinute = MAX_ORDERS_PER_MINUTE.parse(value); return true;
            case "risk.tokens.tier": tokenTier = TOKEN_TIER.parse(value); return true;
            case "risk.tokens.budgetPct": tokenBudgetPct = TOKEN_BUDGET_PCT.parse(value); return true;
            case "risk.tokens.createCost": createCost = TOKEN_CREATE_COST.parse(value); return true;
            case "risk.tokens.cancelCost": cancelCost = TOKEN_CANCEL_COST.parse(value); return true;
            case "risk.tokens.cancelReserve": cancelReserve = TOKEN_CANCEL_RESERVE.parse(value); return true;
            case "risk.balance": balance = BALANCE.parse(value); return true;
            case "risk.requireTrustedBook": requireTrustedBook = REQUIRE_TRUSTED_BOOK.parse(value) != 0; return true;
            case "risk.r0.globalMaxPosition": globalMaxPosition = GLOBAL_MAX_POSITION.parse(value); return true;
            case "risk.r0.maxDollarsAtRisk": maxAtRisk = MAX_AT_RISK.parse(value); return true;
            case "risk.r0.globalMaxDollarsAtRisk": globalMaxAtRisk = GLOBAL_MAX_AT_RISK.parse(value); return true;
            case "risk.r0.reduceOnlyExitPct": reduceOnlyExitPct = REDUCE_ONLY_EXIT_PCT.parse(value); return true;
            case "risk.flatten.aggressivenessTicks": flattenTicks = FLATTEN_TICKS.parse(value); return true;
            case "risk.flatten.maxOrderSize": flattenMaxOrder = FLATTEN_MAX_ORDER.parse(value); return true;
            case "risk.r1.dailyLossLimit": dailyLoss = DAILY_LOSS.parse(value); return true;
            case "risk.r1.maxDrawdown": maxDrawdown = MAX_DRAWDOWN.parse(value); return true;
            case "risk.r1.maxConsecutiveLosses": maxConsecutiveLosses = MAX_CONSECUTIVE_LOSSES.parse(value); return true;
            case "risk.r1.coolDownPct": coolDownPct = COOL_DOWN_PCT.parse(value); return true;
            case "risk.r1.coolDown": coolDownMs = COOL_DOWN.parse(value); return true;
            case "risk.r1.coolDownSizePct": coolDownSizePct = COOL_DOWN_SIZE_PCT.parse(value); return true;
            case "risk.r1.coolDownWiden": coolDownWiden = COOL_DOWN_WIDEN.parse(value); return true;
            case "risk.r3.eventCap": eventCap = EVENT_CAP.parse(value); return true;
            case "risk.r3.eventStructure": eventStructure = EVENT_STRUCTURE.parse(value); return true;
            case "risk.r3.maxStdDev": maxStdDev = MAX_STD_DEV.parse(value); return true;
            case "risk.fees.takerRate": takerRate = TAKER_RATE.parse(value); return true;
            case "risk.fees.makerRate": makerRate = MAKER_RATE.parse(value); return true;
            case "risk.fees.rounding": feeRounding = FEE_ROUNDING.parse(value); return true;
            case "risk.fees.source": feeSource = FEE_SOURCE.parse(value); return true;
            case "risk.pnl.mark": mark = MARK.parse(value); return true;
            case "risk.day.resetHour": dayHour = DAY_HOUR.parse(value); return true;
            case "risk.breaker.errors": breakerErrors = BREAKER_ERRORS.parse(value); return true;
            case "risk.breaker.window": breakerWindowMs = BREAKER_WINDOW.parse(value); return true;
            case "risk.breaker.openFor": breakerOpenMs = BREAKER_OPEN_FOR.parse(value); return true;
            default: return false;
        }
    }

    public long maxOrderSize() { return maxOrderSize; }
    public long maxPosition() { return maxPosition; }
    public long maxNotional() { return maxNotional; }
    public long priceMin() { return priceMin; }
    public long priceMax() { return priceMax; }
    public long fatFinger() { return fatFinger; }
    public long maxOpenPerMarket() { return maxOpenPerMarket; }
    public long maxOpen() { return maxOpen; }
    public long maxOrdersPerMinute() { return maxOrdersPerMinute; }
    /** Tokens per second risk lets order flow spend: the tier's write rate × budget percent. */
    public long tokenRate() { return TIER_RATE[(int) tokenTier] * tokenBudgetPct / 100; }
    /** Bucket capacity: the tier's capacity × budget percent. */
    public long tokenCapacity() { return TIER_RATE[(int) tokenTier] * TIER_SECONDS[(int) tokenTier] * tokenBudgetPct / 100; }
    public long createCost() { return createCost; }
    public long cancelCost() { return cancelCost; }
    public long cancelReserve() { return cancelReserve; }
    public long balance() { return balance; }
    public boolean requireTrustedBook() { return requireTrustedBook; }
    public long globalMaxPosition() { return globalMaxPosition; }
    public long maxAtRisk() { return maxAtRisk; }
    public long globalMaxAtRisk() { return globalMaxAtRisk; }
    public long reduceOnlyExitPct() { return reduceOnlyExitPct; }
    public long flattenTicks() { return flattenTicks; }
    public long flattenMaxOrder() { return flattenMaxOrder; }
    public long dailyLoss() { return dailyLoss; }
    public long maxDrawdown() { return maxDrawdown; }
    public long maxConsecutiveLosses() { return maxConsecutiveLosses; }
    public long coolDownPct() { return coolDownPct; }
    public long coolDownNanos() { return coolDownMs * 1_000_000L; }
    public long coolDownSizePct() { return coolDownSizePct; }
    public long coolDownWiden() { return coolDownWiden; }
    public long eventCap() { return eventCap; }
    public boolean eventsExclusive() { return eventStructure == 0; }
    public long maxStdDev() { return maxStdDev; }
    public long takerRate() { return takerRate; }
    public long makerRate() { return makerRate; }
    public long feeRoundingUnit() { return feeRounding == 0 ? KalshiFees.ROUND_TO_MONEY_UNIT : KalshiFees.ROUND_TO_CENT; }
    public boolean feesReported() { return feeSource == 1; }
    public int markMode() { return (int) mark; }
    public int dayHour() { return (int) dayHour; }
    public long breakerErrors() { return breakerErrors; }
    public long breakerWindowNanos() { return breakerWindowMs * 1_000_000L; }
    public long breakerOpenNanos() { return breakerOpenMs * 1_000_000L; }
}

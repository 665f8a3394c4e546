package io.kengine.risk;

import io.kengine.protocol.stage.QuoteReason;
import io.kengine.risk.checks.PreTradeChecks;
import io.kengine.risk.limits.CorrelationLimits;
import io.kengine.risk.limits.InventoryLimits;
import io.kengine.risk.limits.RegimeScaling;
import io.kengine.risk.positions.PositionBook;

/**
 * The quantity caps one order side must pass, in a fixed order: price band, fat finger, order size,
 * notional, R0 (market and global contracts, market and global dollars at risk, regime-scaled), R3
 * (group caps, event cap, portfolio variance) and the balance. The result is the most restrictive
 * allowed quantity and the reason of the rule that set it (the reason is untouched when nothing cuts).
 * Allocation-free; shared by quotes and basket legs.
 */
final class SideCheck {
    private final RiskSettings s;
    private final PositionBook positions;
    private final InventoryLimits inventory;
    private final CorrelationLimits correlation;
    private final RegimeScaling regimes;

    long allowed;
    int reason;

    SideCheck(RiskSettings s, PositionBook positions, InventoryLimits inventory, CorrelationLimits correlation,
              RegimeScaling regimes) {
        this.s = s;
        this.positions = positions;
        this.inventory = inventory;
        this.correlation = correlation;
        this.regimes = regimes;
        int n = positions.maxMarkets();
        fitsVersion = new long[n];
        fitsMax = new double[n];
        fitsQty = new long[n];
        java.util.Arrays.fill(fitsVersion, -1);
    }

    /** Whether what the side adds beyond the reducible part fits {@code roomRaw} at {@code unit}: no division. */
    private boolean fits(long roomRaw, long unit, long reducible) {
        long inc = allowed - reducible;
        return inc <= 0 || roomRaw >= 0 && inc * unit <= roomRaw;
    }

    /** Cuts to the room only when the current quantity does not fit (the division runs only then). */
    private void fit(long roomRaw, long unit, long reducible, int why) {
        if (!fits(roomRaw, unit, reducible)) {
            cut(reducible + InventoryLimits.roomQty(roomRaw, unit), why);
        }
    }

    private void cut(long a, int why) {
        if (a < allowed) {
            allowed = Math.max(0, a);
            reason = why;
        }
    }

    // per-market values shared by every side checked for one market in one step (see prepare)
    private long capPos;
    private long capGlobalPos;
    private long capMoney;
    private long capGlobalMoney;
    private long own;
    private long totalAtRisk;
    private long totalAbs;
    private int groups;
    private final long[] groupBase = new long[CorrelationLimits.GROUPS_PER_MARKET];
    private boolean inEvent;
    private long eventBase;
    private boolean varianceReady;
    private double um;
    private double vm;
    private double variance;
    // per market: the largest quantity surelyFits accepted at correlation version fitsVersion and cap fitsMax
    private final long[] fitsVersion;
    private final double[] fitsMax;
    private final long[] fitsQty;

    long capPos() { return capPos; }
    long capGlobalPos() { return capGlobalPos; }
    long capMoney() { return capMoney; }
    long capGlobalMoney() { return capGlobalMoney; }

    /**
     * Reads once what every side of market {@code m} is checked against: the regime-scaled caps, the market's
     * and the portfolio's exposure, the group and event rooms (before any reduction) and, on first use, the
     * variance terms. Valid until positions, R3 exposure or settings change; the quote path prepares once and
     * checks both sides (and held sides) against it.
     */
    void prepare(int m, int regime) {
        int f = regimes.factorPct(regime); // once for the four caps
        capPos = RegimeScaling.scaleBy(s.maxPosition, f);
        capGlobalPos = RegimeScaling.scaleBy(s.globalMaxPosition, f);
        capMoney = RegimeScaling.scaleBy(s.maxAtRisk, f);
        capGlobalMoney = RegimeScaling.scaleBy(s.globalMaxAtRisk, f);
        own = positions.atRiskRaw(m);
        totalAtRisk = positions.totalAtRiskRaw();
        totalAbs = positions.totalAbsPosition();
        int n = correlation.groupsOf(m);
        for (int i = 0; i < n; i++) {
            groupBase[i] = correlation.groupRoomRaw(correlation.groupOf(m, i), 0);
        }
        groups = n;
        inEvent = correlation.inEvent(m);
        if (inEvent) {
            eventBase = correlation.eventRoomRaw(m, 0, s.eventCap);
        }
        varianceReady = false;
    }

    /**
     * @param pos        the position to check against (the market's, or a basket's running position)
     * @param availableRaw money available for what the side adds, raw ($0.000001)
     * @param maxVariance  R3 variance cap, $²
     */
    void check(int m, boolean bid, long price, long qty, long fair, int regime, long pos, long availableRaw,
               double maxVariance, int initialReason) {
        prepare(m, regime);
        checkPrepared(m, bid, price, qty, fair, pos, availableRaw, maxVariance, initialReason);
    }

    /** {@link #check} against what {@link #prepare} last read for the same market. */
    void checkPrepared(int m, boolean bid, long price, long qty, long fair, long pos, long availableRaw,
                       double maxVariance, int initialReason) {
        allowed = qty;
        reason = initialReason;
        if (qty <= 0) {
            allowed = 0;
            return;
        }
        if (!PreTradeChecks.inBand(price, s.priceMin, s.priceMax)) {
            cut(0, QuoteReason.RISK_PRICE_BAND);
            return;
        }
        if (!PreTradeChecks.nearFair(price, fair, s.fatFinger)) {
            cut(0, QuoteReason.RISK_FAT_FINGER);
            return;
        }
        cut(s.maxOrderSize, QuoteReason.RISK_SIZE_CAP);
        long unit = PreTradeChecks.unitCost(bid, price);
        fit(s.maxNotional * 100, unit, 0, QuoteReason.RISK_NOTIONAL_CAP);

        // R0, scaled by R2
        long r = InventoryLimits.reducible(pos, bid);
        long cap = capPos;
        long a = r + Math.max(0, cap - (r > 0 ? 0 : Math.abs(pos)));           // InventoryLimits.allowedContracts
        if (a < allowed) {
            cut(a, cap < s.maxPosition && inventory.allowedContracts(pos, bid, s.maxPosition) > a
                ? QuoteReason.RISK_REGIME : QuoteReason.RISK_POSITION_CAP);
        }
        cut(r + Math.max(0, capGlobalPos - (totalAbs - r)), QuoteReason.RISK_GLOBAL_CAP); // allowedGlobalContracts
        long own = this.own;
        long ownAfter = r > 0 ? 0 : own;    // once the reducing part is done (conservative for partial reductions)
        long capMoney = this.capMoney;
        if (!fits(capMoney * 100 - ownAfter, unit, r)) {
            a = r + InventoryLimits.roomQty(capMoney * 100 - ownAfter, unit);
            cut(a, capMoney < s.maxAtRisk && r + InventoryLimits.roomQty(s.maxAtRisk * 100 - ownAfter, unit) > a
                ? QuoteReason.RISK_REGIME : QuoteReason.RISK_DOLLAR_CAP);
        }
        fit(capGlobalMoney * 100 - (totalAtRisk - own + ownAfter), unit, r, QuoteReason.RISK_DOLLAR_CAP);

        // R3 (room = cap − (exposure − released), the same long arithmetic as base + released)
        long released = own - ownAfter;
        for (int i = 0; i < groups; i++) {
            fit(groupBase[i] + released, unit, r, QuoteReason.RISK_GROUP_CAP);
        }
        if (inEvent) {
            fit(eventBase + released, unit, r, QuoteReason.RISK_EVENT_CAP);
        }
        if (allowed > 0 && !(fitsVersion[m] == correlation.version() && fitsMax[m] == maxVariance && allowed <= fitsQty[m])) {
            if (!varianceReady) {
                um = correlation.uMemo(m);
                vm = correlation.var(m);
                variance = correlation.variance();
                varianceReady = true;
            }
            if (CorrelationLimits.surelyFits(um, vm, variance, allowed, maxVariance)) {
                // remember the largest quantity known to fit for this state (surelyFits is monotone in qty)
                long v = correlation.version();
                if (fitsVersion[m] != v || fitsMax[m] != maxVariance || allowed > fitsQty[m]) {
                    fitsQty[m] = fitsVersion[m] == v && fitsMax[m] == maxVariance ? Math.max(fitsQty[m], allowed) : allowed;
                    fitsVersion[m] = v;
                    fitsMax[m] = maxVariance;
                }
            } else {
                cut(CorrelationLimits.allowedVariance(um, vm, variance, bid ? 1 : -1, allowed, maxVariance),
                    QuoteReason.RISK_VARIANCE_CAP);
            }
        }

        // balance: only what the side adds needs cash
        fit(availableRaw, unit, r, QuoteReason.RISK_BALANCE);
    }
}

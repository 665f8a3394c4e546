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

    /**
     * @param pos        the position to check against (the market's, or a basket's running position)
     * @param availableRaw money available for what the side adds, raw ($0.000001)
     * @param maxVariance  R3 variance cap, $²
     */
    void check(int m, boolean bid, long price, long qty, long fair, int regime, long pos, long availableRaw,
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
        long cap = regimes.scale(s.maxPosition, regime);
        long a = inventory.allowedContracts(pos, bid, cap);
        if (a < allowed) {
            cut(a, cap < s.maxPosition && inventory.allowedContracts(pos, bid, s.maxPosition) > a
                ? QuoteReason.RISK_REGIME : QuoteReason.RISK_POSITION_CAP);
        }
        cut(inventory.allowedGlobalContracts(pos, bid, regimes.scale(s.globalMaxPosition, regime)), QuoteReason.RISK_GLOBAL_CAP);
        long r = InventoryLimits.reducible(pos, bid);
        long own = positions.atRiskRaw(m);
        long ownAfter = r > 0 ? 0 : own;    // once the reducing part is done (conservative for partial reductions)
        long capMoney = regimes.scale(s.maxAtRisk, regime);
        if (!fits(capMoney * 100 - ownAfter, unit, r)) {
            a = r + InventoryLimits.roomQty(capMoney * 100 - ownAfter, unit);
            cut(a, capMoney < s.maxAtRisk && r + InventoryLimits.roomQty(s.maxAtRisk * 100 - ownAfter, unit) > a
                ? QuoteReason.RISK_REGIME : QuoteReason.RISK_DOLLAR_CAP);
        }
        fit(regimes.scale(s.globalMaxAtRisk, regime) * 100 - (positions.totalAtRiskRaw() - own + ownAfter), unit, r,
            QuoteReason.RISK_DOLLAR_CAP);

        // R3
        for (int i = 0; i < correlation.groupsOf(m); i++) {
            fit(correlation.groupRoomRaw(correlation.groupOf(m, i), own - ownAfter), unit, r, QuoteReason.RISK_GROUP_CAP);
        }
        if (correlation.inEvent(m)) {
            fit(correlation.eventRoomRaw(m, own - ownAfter, s.eventCap), unit, r, QuoteReason.RISK_EVENT_CAP);
        }
        if (allowed > 0) {
            cut(correlation.allowedVariance(m, bid ? 1 : -1, allowed, maxVariance), QuoteReason.RISK_VARIANCE_CAP);
        }

        // balance: only what the side adds needs cash
        fit(availableRaw, unit, r, QuoteReason.RISK_BALANCE);
    }
}

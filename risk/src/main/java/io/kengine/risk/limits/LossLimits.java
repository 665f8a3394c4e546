package io.kengine.risk.limits;

import io.kengine.protocol.stage.QuoteReason;

/**
 * R1: today's loss and drawdown and consecutive losing fills. First a cool-down (the stage widens and
 * shrinks quotes for a configured time): when the loss or the drawdown reaches {@code coolDownPct} of
 * its limit (once per rule per day), or after {@code maxConsecutive} losing closing fills in a row.
 * Then a halt (latched by the kill switch until RESUME): at the full loss or drawdown limit, or at a
 * second run of consecutive losses in the same day. Limits arrive already scaled by R2.
 */
public final class LossLimits {
    public static final int NONE = 0;
    public static final int COOL_DOWN = 1;
    public static final int HALT = 2;

    private boolean coolingDown;
    private long coolDownUntil;
    private int consecutiveLosses;
    private int consecutiveStrikes;
    private boolean softLossFired;
    private boolean softDrawdownFired;
    private long coolDowns;

    private int reason;
    private long cachedLossLimit = -1;
    private long cachedDrawdownLimit = -1;
    private long cachedPct = -1;
    private long cachedSoftLoss;
    private long cachedSoftDrawdown;
    private long value;
    private long limit;

    /** A closing fill's net P&L (realized − fee), raw; opening fills are not counted. */
    public void onClosingFill(long netRaw) {
        if (netRaw < 0) {
            consecutiveLosses++;
        } else if (netRaw > 0) {
            consecutiveLosses = 0;
        }
    }

    /**
     * @param lossLimitRaw   scaled daily loss limit, raw
     * @param drawdownLimitRaw scaled drawdown limit, raw
     * @return {@link #NONE}, {@link #COOL_DOWN} or {@link #HALT}; {@link #reason()}, {@link #value()},
     *     {@link #limit()} describe it
     */
    public int evaluate(long nowNanos, long dailyPnlRaw, long drawdownRaw, long lossLimitRaw, long drawdownLimitRaw,
                        int maxConsecutive, long coolDownPct, long coolDownNanos) {
        long loss = -dailyPnlRaw;
        if (loss >= lossLimitRaw) {
            return result(HALT, QuoteReason.RISK_LOSS_HALT, loss, lossLimitRaw);
        }
        if (drawdownRaw >= drawdownLimitRaw) {
            return result(HALT, QuoteReason.RISK_DRAWDOWN_HALT, drawdownRaw, drawdownLimitRaw);
        }
        if (consecutiveLosses >= maxConsecutive) {
            int losses = consecutiveLosses;
            consecutiveLosses = 0;
            if (consecutiveStrikes++ > 0) {
                return result(HALT, QuoteReason.RISK_CONSECUTIVE_LOSSES, losses, maxConsecutive);
            }
            return coolDown(nowNanos, coolDownNanos, QuoteReason.RISK_CONSECUTIVE_LOSSES, losses, maxConsecutive);
        }
        if (lossLimitRaw != cachedLossLimit || drawdownLimitRaw != cachedDrawdownLimit || coolDownPct != cachedPct) {
            cachedLossLimit = lossLimitRaw;
            cachedDrawdownLimit = drawdownLimitRaw;
            cachedPct = coolDownPct;
            cachedSoftLoss = lossLimitRaw / 100 * coolDownPct;
            cachedSoftDrawdown = drawdownLimitRaw / 100 * coolDownPct;
        }
        long softLoss = cachedSoftLoss;
        if (!softLossFired && loss >= softLoss) {
            softLossFired = true;
            return coolDown(nowNanos, coolDownNanos, QuoteReason.RISK_LOSS_HALT, loss, softLoss);
        }
        long softDrawdown = cachedSoftDrawdown;
        if (!softDrawdownFired && drawdownRaw >= softDrawdown) {
            softDrawdownFired = true;
            return coolDown(nowNanos, coolDownNanos, QuoteReason.RISK_DRAWDOWN_HALT, drawdownRaw, softDrawdown);
        }
        return NONE;
    }

    private int coolDown(long nowNanos, long coolDownNanos, int why, long v, long l) {
        coolingDown = true;
        coolDownUntil = nowNanos + coolDownNanos;
        coolDowns++;
        return result(COOL_DOWN, why, v, l);
    }

    private int result(int action, int why, long v, long l) {
        reason = why;
        value = v;
        limit = l;
        return action;
    }

    /** @return true when a cool-down ended at this time */
    public boolean tick(long nowNanos) {
        if (coolingDown && nowNanos >= coolDownUntil) {
            coolingDown = false;
            return true;
        }
        return false;
    }

    /** New trading day: the once-per-day triggers re-arm. */
    public void newDay() {
        softLossFired = false;
        softDrawdownFired = false;
        consecutiveStrikes = 0;
        consecutiveLosses = 0;
    }

    /** Operator RESUME: the consecutive-loss run starts over. */
    public void resume() {
        consecutiveLosses = 0;
        consecutiveStrikes = 0;
    }

    public boolean coolingDown() { return coolingDown; }
    public long coolDownUntil() { return coolDownUntil; }
    public int consecutiveLosses() { return consecutiveLosses; }
    public long coolDowns() { return coolDowns; }
    public int reason() { return reason; }
    public long value() { return value; }
    public long limit() { return limit; }
}

package io.kengine.pricing.regime;

import io.kengine.protocol.stage.Regime;

/**
 * Each market's current regime with hysteresis: a more intense classification takes over at once
 * (widen first), a calmer one only after it has held for the dwell time, so a market on a threshold
 * does not flap (each flap would be a journaled decision and a requote). Event time only.
 */
public final class RegimeTracker {
    private final int[] current;
    private final int[] candidate;
    private final long[] candidateSince;

    public RegimeTracker(int maxMarkets) {
        current = new int[maxMarkets];
        candidate = new int[maxMarkets];
        candidateSince = new long[maxMarkets];
    }

    /** Feeds one classification; returns the market's regime after it. */
    public int update(int market, int classified, long nowNanos, long dwellNanos) {
        int cur = current[market];
        if (cur == Regime.UNKNOWN || classified > cur) {
            current[market] = classified;
            candidate[market] = classified;
            return classified;
        }
        if (classified == cur) {
            candidate[market] = cur;
            return cur;
        }
        if (candidate[market] != classified) {
            candidate[market] = classified;
            candidateSince[market] = nowNanos;
        }
        if (nowNanos - candidateSince[market] >= dwellNanos) {
            current[market] = classified;
            return classified;
        }
        return cur;
    }

    public int current(int market) {
        return current[market];
    }
}

package io.kengine.pricing.market;

import io.kengine.protocol.event.Codes;

/**
 * Recent taker direction per market for M1: exponentially decayed volumes of YES-taker and NO-taker
 * trades (half-life in event time), flow = (yes − no) / (yes + no) in [−1, 1]. Doubles: a model input.
 */
public final class TradeFlow {
    private final double[] yes;
    private final double[] no;
    private final long[] atNanos;
    private double halfLifeNanos = 30e9;

    public TradeFlow(int maxMarkets) {
        yes = new double[maxMarkets];
        no = new double[maxMarkets];
        atNanos = new long[maxMarkets];
    }

    public void halfLifeMs(long ms) {
        halfLifeNanos = Math.max(1, ms) * 1e6;
    }

    public void onTrade(int market, byte takerSide, long count, long nowNanos) {
        decay(market, nowNanos);
        if (takerSide == Codes.TAKER_YES) {
            yes[market] += count;
        } else if (takerSide == Codes.TAKER_NO) {
            no[market] += count;
        }
    }

    /** Flow as of {@code nowNanos} (the ratio is decay-invariant, so no state changes here). */
    public double flow(int market) {
        double total = yes[market] + no[market];
        return total > 0 ? (yes[market] - no[market]) / total : 0;
    }

    private void decay(int market, long nowNanos) {
        long dt = nowNanos - atNanos[market];
        if (dt > 0 && atNanos[market] != 0) {
            double f = Math.exp(-dt * (Math.log(2) / halfLifeNanos));
            yes[market] *= f;
            no[market] *= f;
        }
        atNanos[market] = Math.max(atNanos[market], nowNanos);
    }
}

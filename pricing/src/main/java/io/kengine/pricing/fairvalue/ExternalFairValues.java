package io.kengine.pricing.fairvalue;

import io.kengine.config.ParameterDef;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.FairValueEvent;

import java.util.List;

/**
 * The latest external fair value per market (a model's probability as a YES price, its confidence and
 * expiry, from journaled FairValue events) and the rule for using it: used while unexpired (event time
 * before {@code expiresAtNanos}) and at least {@code minConfidence}; otherwise the stage falls back to
 * the market-implied value or stops quoting, as {@code onStale} says. Each expiry is reported once, so
 * the stage journals one FAIR_VALUE_EXPIRED decision per stale value.
 */
public final class ExternalFairValues {
    public static final String MIN_CONFIDENCE_KEY = "pricing.fairValue.minConfidence";
    public static final String ON_STALE_KEY = "pricing.fairValue.onStale";
    public static final ParameterDef MIN_CONFIDENCE = ParameterDef.price(MIN_CONFIDENCE_KEY, "0.5000",
        "least confidence (0..1) for an external fair value to be used");
    public static final ParameterDef ON_STALE = ParameterDef.enumOf(ON_STALE_KEY, List.of("fallback", "stop"), "fallback",
        "an expired or unconfident external fair value: fall back to the market-implied value, or stop quoting");
    public static final List<ParameterDef> PARAMETERS = List.of(MIN_CONFIDENCE, ON_STALE);

    /** Use the external value. */
    public static final int USE = 0;
    /** No external value for the market: market-implied. */
    public static final int ABSENT = 1;
    /** Expired or unconfident, fall back to market-implied. */
    public static final int FALLBACK = 2;
    /** Expired, stop quoting. */
    public static final int STOP_STALE = 3;
    /** Below the confidence floor, stop quoting. */
    public static final int STOP_LOW_CONFIDENCE = 4;

    private final long[] price;
    private final long[] expiresAt;
    private final int[] confidence;
    private final boolean[] present;
    private final boolean[] expiryReported;
    private long minConfidence = MIN_CONFIDENCE.parse(MIN_CONFIDENCE.defaultValue());
    private boolean stopWhenStale = ON_STALE.parse(ON_STALE.defaultValue()) == 1;

    public ExternalFairValues(int maxMarkets) {
        price = new long[maxMarkets];
        expiresAt = new long[maxMarkets];
        confidence = new int[maxMarkets];
        present = new boolean[maxMarkets];
        expiryReported = new boolean[maxMarkets];
    }

    public void onFairValue(int market, FairValueEvent e) {
        price[market] = e.fairPrice();
        expiresAt[market] = e.expiresAtNanos();
        confidence[market] = e.confidenceBps();
        present[market] = true;
        expiryReported[market] = false;
    }

    /** What to do with the market's external value at this event time. */
    public int judge(int market, long nowNanos) {
        if (!present[market]) {
            return ABSENT;
        }
        if (nowNanos >= expiresAt[market]) {
            return stopWhenStale ? STOP_STALE : FALLBACK;
        }
        if (confidence[market] < minConfidence) {
            return stopWhenStale ? STOP_LOW_CONFIDENCE : FALLBACK;
        }
        return USE;
    }

    /** True exactly once per value, the first time it is seen expired. */
    public boolean reportExpiry(int market, long nowNanos) {
        if (present[market] && !expiryReported[market] && nowNanos >= expiresAt[market]) {
            expiryReported[market] = true;
            return true;
        }
        return false;
    }

    /** The first market (by id) whose value expired unreported, or −1; for timer sweeps. */
    public int firstUnreportedExpiry(long nowNanos, int limit) {
        for (int m = 0; m < limit; m++) {
            if (present[m] && !expiryReported[m] && nowNanos >= expiresAt[m]) {
                return m;
            }
        }
        return -1;
    }

    public long price(int market) {
        return price[market];
    }

    public int confidenceBps(int market) {
        return confidence[market];
    }

    public boolean apply(ConfigChangeEvent c) {
        if (c.keyEquals(MIN_CONFIDENCE_KEY)) {
            minConfidence = MIN_CONFIDENCE.parse(c.value());
        } else if (c.keyEquals(ON_STALE_KEY)) {
            stopWhenStale = ON_STALE.parse(c.value()) == 1;
        } else {
            return false;
        }
        return true;
    }
}

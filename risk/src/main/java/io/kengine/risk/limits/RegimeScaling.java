package io.kengine.risk.limits;

import io.kengine.protocol.stage.Regime;

import java.util.Map;

/**
 * R2: every R0 and R1 cap is multiplied by the percent configured for the regime pricing reports
 * ({@code QuoteNote.regime()}). R0 caps of a market use that market's last regime; R1's portfolio
 * limits use the smallest factor among the regimes of the markets we hold positions in (kept as
 * counts per regime, so the lookup is four compares).
 */
public final class RegimeScaling {
    public static final int REGIMES = 4;
    private final int[] factorPct = {100, 100, 75, 50};
    private final int[] heldIn = new int[REGIMES];
    private int portfolioFactor = 100; // portfolioFactorPct(), recomputed when heldIn or the factors change

    public int factorPct(int regime) {
        return regime >= 0 && regime < REGIMES ? factorPct[regime] : factorPct[Regime.UNKNOWN];
    }

    /** Scales a cap; never overflows for caps below 2^63 / 1000. */
    public long scale(long cap, int regime) {
        int f = factorPct(regime);
        return f == 100 ? cap : cap / 100 * f + cap % 100 * f / 100;
    }

    /** A market with a position moved from regime {@code from} to {@code to} (−1: not held). */
    public void held(int from, int to) {
        boolean changed = false; // the factor depends only on which regimes are held: recompute when that set moves
        if (from >= 0) {
            changed = --heldIn[from] == 0;
        }
        if (to >= 0) {
            changed |= heldIn[to]++ == 0;
        }
        if (changed) {
            portfolioFactor = computePortfolioFactor();
        }
    }

    /** Smallest factor over the regimes positions are held in (100 when flat). */
    public int portfolioFactorPct() {
        return portfolioFactor;
    }

    private int computePortfolioFactor() {
        int f = 100;
        for (int r = 0; r < REGIMES; r++) {
            if (heldIn[r] > 0 && factorPct[r] < f) {
                f = factorPct[r];
            }
        }
        return f;
    }

    public long scalePortfolio(long cap) {
        return scaleBy(cap, portfolioFactorPct());
    }

    /** Scales a cap by a factor already looked up ({@link #portfolioFactorPct()} read once for several caps). */
    public static long scaleBy(long cap, int f) {
        return f == 100 ? cap : cap / 100 * f + cap % 100 * f / 100;
    }

    public void configure(String text) {
        int[] f = parse(text);
        System.arraycopy(f, 0, factorPct, 0, REGIMES);
        portfolioFactor = computePortfolioFactor();
    }

    static int[] parse(String text) {
        int[] f = {100, 100, 100, 100};
        Map<String, Long> values = GroupSpec.parseNumbers(text, 0);
        for (Map.Entry<String, Long> e : values.entrySet()) {
            int r = regimeOf(e.getKey());
            long v = e.getValue();
            if (v < 0 || v > 1000) {
                throw new IllegalArgumentException("factor of " + e.getKey() + " must be 0..1000 percent");
            }
            f[r] = (int) v;
        }
        return f;
    }

    private static int regimeOf(String name) {
        for (int r = 0; r < REGIMES; r++) {
            if (Regime.name(r).equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown regime '" + name + "' (unknown, calm, active, event)");
    }

    public static String canonical(String text) {
        int[] f = parse(text);
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < REGIMES; r++) {
            if (r > 0) {
                sb.append(';');
            }
            sb.append(Regime.name(r)).append('=').append(f[r]);
        }
        return sb.toString();
    }
}

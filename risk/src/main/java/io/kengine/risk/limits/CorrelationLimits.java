package io.kengine.risk.limits;

import io.kengine.risk.markets.MarketTable;

import java.util.List;
import java.util.Map;

/**
 * R3: correlation groups with dollars-at-risk caps, the implicit group of all markets of one event with
 * its own cap, and the portfolio variance cap. Groups come from config (ticker, series or event
 * patterns); membership is computed when a market is defined or the groups change, never per check.
 *
 * <p>Variance: w = positions in contracts, Σ the settlement covariance built from structure, not from an
 * n×n matrix: Σ_ii = p_i(1 − p_i) with p_i the market's price ($) when its position last changed (0.5
 * before); two markets of one event are mutually exclusive outcomes, adding −p_i p_j; two markets sharing
 * a group with correlation ρ_g add ρ_g σ_i σ_j (σ = √Σ_ii). So wᵀΣw = Σ_i Σ_ii w_i² + Σ_events (R_e − P_e²)
 * + Σ_groups ρ_g (S_g² − Q_g) with per-event sums P_e = Σ p_i w_i, R_e = Σ p_i² w_i² and per-group sums
 * S_g = Σ σ_i w_i, Q_g = Σ σ_i² w_i². One position change updates its event's and groups' sums, and a
 * check computes (Σw)_k from them: O(1 + groups of the market), whatever the size of the event or group.
 * Doubles only here; the result is compared against the limit and cut to a whole quantity deterministically.
 */
public final class CorrelationLimits {
    public static final int MAX_GROUPS = 64;
    public static final int GROUPS_PER_MARKET = 4;

    private final MarketTable markets;
    private final int maxMarkets;
    private final int[] groupOf;
    private final byte[] groupCount;
    private final long[] groupCapMoney = new long[MAX_GROUPS];
    private final double[] groupRho = new double[MAX_GROUPS];
    private final long[] groupAtRisk = new long[MAX_GROUPS];
    private final long[] eventAtRisk;
    private final long[] atRisk;
    private List<GroupSpec> groups = List.of();
    private boolean exclusive = true;

    private final double[] w;
    private final double[] p;
    private final double[] sigma;    // √(p(1 − p)), kept with p
    private final double[] eventP;   // P_e
    private final double[] eventR;   // R_e
    private final double[] groupS = new double[MAX_GROUPS];
    private final double[] groupQ = new double[MAX_GROUPS];
    private double diagonal;         // Σ_i Σ_ii w_i²
    private double eventTerm;        // Σ_e (R_e − P_e²)
    private double groupTerm;        // Σ_g ρ_g (S_g² − Q_g)

    private int lastGroup = -1;

    // u(m) memo: valid while nothing u depends on changed (every mutator below bumps version)
    private long version;
    private final long[] uVersion;
    private final double[] uMemo;

    public CorrelationLimits(MarketTable markets) {
        this.markets = markets;
        this.maxMarkets = markets.maxMarkets();
        groupOf = new int[maxMarkets * GROUPS_PER_MARKET];
        groupCount = new byte[maxMarkets];
        eventAtRisk = new long[maxMarkets];
        atRisk = new long[maxMarkets];
        w = new double[maxMarkets];
        p = new double[maxMarkets];
        sigma = new double[maxMarkets];
        eventP = new double[maxMarkets];
        eventR = new double[maxMarkets];
        java.util.Arrays.fill(p, 0.5);
        java.util.Arrays.fill(sigma, 0.5);
        uVersion = new long[maxMarkets];
        uMemo = new double[maxMarkets];
        java.util.Arrays.fill(uVersion, -1);
    }

    /** New groups, caps (name → $0.0001, * = default) and correlations (name → ρ × 10^4): rebuilds everything. */
    public void configure(List<GroupSpec> specs, Map<String, Long> caps, Map<String, Long> rho, boolean eventsExclusive) {
        if (specs.size() > MAX_GROUPS) {
            throw new IllegalArgumentException("at most " + MAX_GROUPS + " correlation groups");
        }
        Long star = caps.get("*");
        for (int g = 0; g < specs.size(); g++) {
            Long r = rho.get(specs.get(g).name);
            double v = r == null ? 0 : r / 10_000.0;
            if (v < -1 || v > 1) {
                throw new IllegalArgumentException("correlation of " + specs.get(g).name + " must be in [-1, 1]");
            }
        }
        version++;
        this.groups = List.copyOf(specs);
        this.exclusive = eventsExclusive;
        for (int g = 0; g < specs.size(); g++) {
            Long c = caps.get(specs.get(g).name);
            groupCapMoney[g] = c != null ? c : star != null ? star : Long.MAX_VALUE / 200;
            Long r = rho.get(specs.get(g).name);
            groupRho[g] = r == null ? 0 : r / 10_000.0;
        }
        for (int i = 0; i < markets.definedCount(); i++) {
            assign(markets.definedMarket(i));
        }
        rebuild();
    }

    /** A market was defined: its groups; a redefinition (its event may have changed) rebuilds the sums. */
    public void onDefine(int m, boolean isNew) {
        version++;
        if (isNew) {
            assign(m);
            return;
        }
        assign(m);
        rebuild();
    }

    private void assign(int m) {
        int n = 0;
        int e = markets.eventId(m);
        for (int g = 0; g < groups.size() && n < GROUPS_PER_MARKET; g++) {
            if (groups.get(g).matches(markets.ticker(m), markets.series(m), e >= 0 ? markets.eventTicker(e) : null)) {
                groupOf[m * GROUPS_PER_MARKET + n++] = g;
            }
        }
        groupCount[m] = (byte) n;
    }

    /** Recomputes group and event exposure and the variance sums from scratch (config time only). */
    private void rebuild() {
        version++;
        java.util.Arrays.fill(groupAtRisk, 0);
        java.util.Arrays.fill(eventAtRisk, 0);
        java.util.Arrays.fill(eventP, 0);
        java.util.Arrays.fill(eventR, 0);
        java.util.Arrays.fill(groupS, 0);
        java.util.Arrays.fill(groupQ, 0);
        diagonal = 0;
        eventTerm = 0;
        groupTerm = 0;
        for (int i = 0; i < markets.definedCount(); i++) {
            int m = markets.definedMarket(i);
            addExposure(m, atRisk[m]);
            addTerms(m, 1);
        }
    }

    /** Σ_mm = p_m(1 − p_m). */
    public double var(int a) {
        return p[a] * (1 - p[a]);
    }

    /** Adds (sign 1) or removes (−1) market m's w and p from the diagonal, event and group sums. */
    private void addTerms(int m, int sign) {
        double wm = w[m];
        if (wm == 0) {
            return;
        }
        double v = var(m);
        diagonal += sign * v * wm * wm;
        int e = markets.eventId(m);
        if (e >= 0) {
            double pw = p[m] * wm;
            eventTerm -= eventR[e] - eventP[e] * eventP[e];
            eventP[e] += sign * pw;
            eventR[e] += sign * pw * pw;
            eventTerm += eventR[e] - eventP[e] * eventP[e];
        }
        if (groupCount[m] > 0) {
            double sw = sigma[m] * wm;
            for (int i = 0; i < groupCount[m]; i++) {
                int g = groupOf[m * GROUPS_PER_MARKET + i];
                double rho = groupRho[g];
                groupTerm -= rho * (groupS[g] * groupS[g] - groupQ[g]);
                groupS[g] += sign * sw;
                groupQ[g] += sign * sw * sw;
                groupTerm += rho * (groupS[g] * groupS[g] - groupQ[g]);
            }
        }
    }

    /** Covariance of two markets' settlement values, as the sums above define it. */
    public double cov(int a, int b) {
        if (a == b) {
            return var(a);
        }
        double c = 0;
        int ea = markets.eventId(a);
        if (exclusive && ea >= 0 && ea == markets.eventId(b)) {
            c -= p[a] * p[b];
        }
        for (int i = 0; i < groupCount[a]; i++) {
            int g = groupOf[a * GROUPS_PER_MARKET + i];
            if (groupRho[g] == 0) {
                continue;
            }
            for (int k = 0; k < groupCount[b]; k++) {
                if (groupOf[b * GROUPS_PER_MARKET + k] == g) {
                    c += groupRho[g] * sigma[a] * sigma[b];
                }
            }
        }
        return c;
    }

    private void addExposure(int m, long raw) {
        for (int i = 0; i < groupCount[m]; i++) {
            groupAtRisk[groupOf[m * GROUPS_PER_MARKET + i]] += raw;
        }
        int e = markets.eventId(m);
        if (e >= 0) {
            eventAtRisk[e] += raw;
        }
    }

    /**
     * The market's position or at-risk changed. @param position 0.01 contracts, @param price the
     * market's mark ($0.0001) or a value outside (0, 1) to keep the last one
     */
    public void onPosition(int m, long newAtRiskRaw, long position, long price) {
        version++;
        long d = newAtRiskRaw - atRisk[m];
        if (d != 0) {
            addExposure(m, d);
            atRisk[m] = newAtRiskRaw;
        }
        // Removes m's old w, p, σ from the sums and adds the new ones: the same floating-point operations in
        // the same order as addTerms(m, −1) then addTerms(m, +1) (−x added is x subtracted, exactly), so the
        // sums are bit for bit what they were; only the accumulators live in registers between the two.
        double w0 = w[m];
        double p0 = p[m];
        double s0 = sigma[m];
        double w1 = position / 100.0;
        double p1 = p0;
        double s1 = s0;
        if (price > 0 && price < 10_000) {
            double pm = price / 10_000.0;
            if (pm != p0) { // the same p gives the same σ: the square root runs only when the mark moved
                p1 = pm;
                s1 = Math.sqrt(pm * (1 - pm));
            }
        }
        w[m] = w1;
        p[m] = p1;
        sigma[m] = s1;
        boolean out = w0 != 0;
        boolean in = w1 != 0;
        if (!out && !in) {
            return;
        }
        double diag = diagonal;
        if (out) {
            diag -= p0 * (1 - p0) * w0 * w0;
        }
        if (in) {
            diag += p1 * (1 - p1) * w1 * w1;
        }
        diagonal = diag;
        int e = markets.eventId(m);
        if (e >= 0) {
            double t = eventTerm;
            double ep = eventP[e];
            double er = eventR[e];
            if (out) {
                double pw = p0 * w0;
                t -= er - ep * ep;
                ep -= pw;
                er -= pw * pw;
                t += er - ep * ep;
            }
            if (in) {
                double pw = p1 * w1;
                t -= er - ep * ep;
                ep += pw;
                er += pw * pw;
                t += er - ep * ep;
            }
            eventP[e] = ep;
            eventR[e] = er;
            eventTerm = t;
        }
        int n = groupCount[m];
        if (n > 0) {
            double t = groupTerm;
            int at = m * GROUPS_PER_MARKET;
            if (out) {
                double sw = s0 * w0;
                for (int i = 0; i < n; i++) {
                    int g = groupOf[at + i];
                    double rho = groupRho[g];
                    double gs = groupS[g];
                    double gq = groupQ[g];
                    t -= rho * (gs * gs - gq);
                    gs -= sw;
                    gq -= sw * sw;
                    t += rho * (gs * gs - gq);
                    groupS[g] = gs;
                    groupQ[g] = gq;
                }
            }
            if (in) {
                double sw = s1 * w1;
                for (int i = 0; i < n; i++) {
                    int g = groupOf[at + i];
                    double rho = groupRho[g];
                    double gs = groupS[g];
                    double gq = groupQ[g];
                    t -= rho * (gs * gs - gq);
                    gs += sw;
                    gq += sw * sw;
                    t += rho * (gs * gs - gq);
                    groupS[g] = gs;
                    groupQ[g] = gq;
                }
            }
            groupTerm = t;
        }
    }

    /** wᵀΣw, $². Not clamped: a configured Σ that is not positive semi-definite can make it negative. */
    public double variance() {
        return diagonal + (exclusive ? eventTerm : 0) + groupTerm;
    }

    /** (Σw)_m from the sums: O(1 + groups of m). */
    public double u(int m) {
        double wm = w[m];
        double u = var(m) * wm;
        int e = markets.eventId(m);
        if (exclusive && e >= 0) {
            u -= p[m] * (eventP[e] - p[m] * wm);
        }
        double sm = sigma[m];
        for (int i = 0; i < groupCount[m]; i++) {
            int g = groupOf[m * GROUPS_PER_MARKET + i];
            u += groupRho[g] * sm * (groupS[g] - sm * wm);
        }
        return u;
    }

    /** {@link #u(int)}, remembered per market until a position, definition or configuration changes. */
    public double uMemo(int m) {
        long v = version;
        if (uVersion[m] == v) {
            return uMemo[m];
        }
        double x = u(m);
        uMemo[m] = x;
        uVersion[m] = v;
        return x;
    }

    /** Allowed by the market's group caps; {@link #lastGroup()} names the binding group. */
    public long allowedGroups(int m, long reducible, long unit, long ownAtRiskRaw) {
        long allowed = Long.MAX_VALUE;
        lastGroup = -1;
        for (int i = 0; i < groupCount[m]; i++) {
            int g = groupOf[m * GROUPS_PER_MARKET + i];
            long after = groupAtRisk[g] - (reducible > 0 ? ownAtRiskRaw : 0);
            long a = reducible + InventoryLimits.roomQty(groupCapMoney[g] * 100 - after, unit);
            if (a < allowed) {
                allowed = a;
                lastGroup = g;
            }
        }
        return allowed;
    }

    /** Room under group g's cap, raw, after {@code released} raw of the market's own risk is reduced away. */
    public long groupRoomRaw(int g, long released) {
        return groupCapMoney[g] * 100 - (groupAtRisk[g] - released);
    }

    public boolean inEvent(int m) {
        return markets.eventId(m) >= 0;
    }

    /** Room under the event cap for market m's event, raw. */
    public long eventRoomRaw(int m, long released, long capMoney) {
        return capMoney * 100 - (eventAtRisk[markets.eventId(m)] - released);
    }

    /** Allowed by the event cap (all markets of the market's event). */
    public long allowedEvent(int m, long reducible, long unit, long ownAtRiskRaw, long capMoney) {
        int e = markets.eventId(m);
        if (e < 0) {
            return Long.MAX_VALUE;
        }
        long after = eventAtRisk[e] - (reducible > 0 ? ownAtRiskRaw : 0);
        return reducible + InventoryLimits.roomQty(capMoney * 100 - after, unit);
    }

    /** Variance change if market m's position moved by {@code delta} contracts (signed). */
    public double varianceDelta(int m, double delta) {
        return 2 * delta * u(m) + delta * delta * var(m);
    }

    /**
     * Largest part of {@code qty} (0.01 contracts, direction {@code sign} = +1 buy YES, −1 sell) that keeps
     * wᵀΣw within {@code maxVariance} ($²); a move that lowers the variance always passes.
     */
    public long allowedVariance(int m, int sign, long qty, double maxVariance) {
        return allowedVariance(u(m), var(m), variance(), sign, qty, maxVariance);
    }

    /**
     * A division-free sufficient test that {@link #allowedVariance} returns all of {@code qty} (either sign):
     * dd ≥ |sign × qty / 100.0| and bound ≥ |dv| as the exact test computes them, the margins (1e-10 relative
     * on dd, 1e-9 on the sum, 1e-300 absolute) far above the few roundings involved; rounded addition is
     * monotone, so v + bound ≤ maxVariance implies v + dv ≤ maxVariance (or dv ≤ 0). NaN or overflow fail it.
     * Monotone in qty: true for qty implies true for every smaller positive qty.
     */
    public static boolean surelyFits(double um, double a, double v, long qty, double maxVariance) {
        if (qty <= 0) {
            return false;
        }
        double dd = qty * 0.010000000001;
        double bound = (2 * dd * Math.abs(um) + dd * dd * Math.abs(a)) * (1 + 1e-9) + 1e-300;
        return v + bound <= maxVariance;
    }

    /** Bumped by every change to what u(m), var(m) or variance() read. */
    public long version() { return version; }

    /** {@link #allowedVariance(int, int, long, double)} from u(m), var(m) and variance() already read. */
    public static long allowedVariance(double um, double a, double v, int sign, long qty, double maxVariance) {
        if (surelyFits(um, a, v, qty, maxVariance)) {
            return qty;
        }
        double d = sign * qty / 100.0;
        double dv = 2 * d * um + d * d * a;
        if (dv <= 0 || v + dv <= maxVariance) {
            return qty;
        }
        double b = 2 * sign * um;
        double c = v - maxVariance;
        double x;
        if (c <= 0) {
            if (a <= 0) {
                x = b <= 0 ? Double.MAX_VALUE : -c / b;
            } else {
                x = (-b + Math.sqrt(Math.max(0, b * b - 4 * a * c))) / (2 * a);
            }
        } else {
            x = b < 0 && a > 0 ? -b / a : 0; // already above: only moves that do not raise it
        }
        long q = (long) Math.floor(x * 100 - 1e-6);
        return Math.max(0, Math.min(qty, q));
    }

    public double w(int m) { return w[m]; }
    public int groupCount() { return groups.size(); }
    public String groupName(int g) { return groups.get(g).name; }
    public long groupAtRiskRaw(int g) { return groupAtRisk[g]; }
    public long groupCapMoney(int g) { return groupCapMoney[g]; }
    public long eventAtRiskRaw(int e) { return eventAtRisk[e]; }
    public int groupsOf(int m) { return groupCount[m]; }
    public int groupOf(int m, int i) { return groupOf[m * GROUPS_PER_MARKET + i]; }
    public int lastGroup() { return lastGroup; }
}

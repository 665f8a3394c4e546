package io.kengine.risk.limits;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.risk.markets.MarketTable;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CorrelationLimitsTest {
    private final MarketTable markets = new MarketTable(64);
    private final CorrelationLimits c = new CorrelationLimits(markets);
    private final UnsafeBuffer buf = new UnsafeBuffer(new byte[1024]);

    private void define(int m, String ticker, String event, String series) {
        MarketDefinitionEvent d = new MarketDefinitionEvent().wrapForEncode(buf, 0, m, EventSource.FEED)
            .ticker(ticker).eventTicker(event).seriesTicker(series).status(Codes.STATUS_OPEN);
        boolean isNew = markets.define(m, d);
        c.onDefine(m, isNew);
    }

    /** Naive wᵀΣw with the same covariance definition. */
    private double naive(int n) {
        double v = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                v += c.w(i) * c.cov(i, j) * c.w(j);
            }
        }
        return v;
    }

    @Test
    void incrementalVarianceEqualsTheFullQuadraticForm() {
        c.configure(GroupSpec.parseGroups("fed=KXFED*;nba=KXNBA*"), Map.of(), GroupSpec.parseNumbers("fed=0.6;nba=-0.2", 4), true);
        for (int m = 0; m < 24; m++) {
            String series = m < 8 ? "KXFED" : m < 16 ? "KXNBA" : "KXOTHER";
            define(m, series + "-" + m, series + "-E" + (m / 4), series);
        }
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 5000; i++) {
            int m = r.nextInt(24);
            c.onPosition(m, 0, r.nextLong(-5000, 5001), r.nextLong(100, 9900));
            if (i % 50 == 0) {
                double exact = naive(24);
                assertEquals(exact, c.variance(), 1e-6 * Math.max(1, exact), "step " + i);
            }
        }
    }

    @Test
    void aCheckIsTheExactQuadraticChange() {
        c.configure(GroupSpec.parseGroups("fed=KXFED*"), Map.of(), GroupSpec.parseNumbers("fed=0.4", 4), true);
        for (int m = 0; m < 12; m++) {
            define(m, "KXFED-" + m, "KXFED-E" + (m / 3), "KXFED");
        }
        SplittableRandom r = new SplittableRandom(5);
        for (int m = 0; m < 12; m++) {
            c.onPosition(m, 0, r.nextLong(-3000, 3001), r.nextLong(500, 9500));
        }
        for (int m = 0; m < 12; m++) {
            double before = naive(12);
            double predicted = c.varianceDelta(m, 7.5);
            c.onPosition(m, 0, Math.round(c.w(m) * 100) + 750, -1);
            assertEquals(naive(12) - before, predicted, 1e-6);
        }
    }

    @Test
    void exclusiveOutcomesHedgeEachOther() {
        c.configure(GroupSpec.parseGroups("none"), Map.of(), Map.of(), true);
        define(0, "A", "E", "S");
        define(1, "B", "E", "S");
        c.onPosition(0, 0, 1000, 5000);        // 10 YES of A at 0.5: variance 10² × 0.25 = 25
        assertEquals(25.0, c.variance(), 1e-9);
        c.onPosition(1, 0, 0, 5000);
        assertTrue(c.varianceDelta(1, 10) < 0, "buying the other exclusive outcome lowers the variance");
        assertEquals(1000, c.allowedVariance(1, 1, 1000, 25.0));
        assertEquals(0, c.allowedVariance(0, 1, 1000, 25.0), "more of A is above the cap");
        long q = c.allowedVariance(0, 1, 1000, 36.0);   // (10 + x)² / 4 ≤ 36 → x ≤ 2
        assertEquals(199, q);
    }

    @Test
    void groupAndEventCapsCountDollarsAtRiskOfTheirMembers() {
        c.configure(GroupSpec.parseGroups("fed=KXFED*"), GroupSpec.parseNumbers("fed=10.00", 4), Map.of(), true);
        define(0, "KXFED-A", "KXFED-E1", "KXFED");
        define(1, "KXFED-B", "KXFED-E2", "KXFED");
        define(2, "OTHER", "OTHER-E", "OTHER");
        c.onPosition(0, 4000L * 1500, 1500, 4000);    // $6 at risk in the group
        assertEquals(4000L * 1500, c.groupAtRiskRaw(0));
        // $4 of room at $0.50 a contract: 8 contracts
        assertEquals(800, c.allowedGroups(1, 0, 5000, 0));
        assertEquals(Long.MAX_VALUE, c.allowedGroups(2, 0, 5000, 0), "not in a group");
        assertEquals(0 + 1500 / 1 * 0 + InventoryLimits.roomQty(500_0000L * 100 - 4000L * 1500, 5000),
            c.allowedEvent(0, 0, 5000, 4000L * 1500, 500_0000L));
    }

    @Test
    void specsAreValidated() {
        assertEquals("fed=KXFED-*,KXFOMC*;nba=KXNBA*", GroupSpec.canonicalGroups(" fed=KXFED-*, KXFOMC* ; nba=KXNBA* "));
        assertEquals("none", GroupSpec.canonicalGroups("none"));
        assertThrows(IllegalArgumentException.class, () -> GroupSpec.canonicalGroups("fed"));
        assertThrows(IllegalArgumentException.class, () -> GroupSpec.canonicalGroups("fed=KX*FED"));
        assertThrows(IllegalArgumentException.class, () -> GroupSpec.canonicalGroups("a=X;a=Y"));
        assertThrows(IllegalArgumentException.class, () -> GroupSpec.canonicalNumbers("fed=abc"));
        assertEquals("unknown=100;calm=100;active=50;event=25", RegimeScaling.canonical("active=50;event=25"));
        assertThrows(IllegalArgumentException.class, () -> RegimeScaling.canonical("storm=10"));
    }

    @Test
    void regimeFactorsScaleCapsAndThePortfolioUsesTheWorstHeldRegime() {
        RegimeScaling r = new RegimeScaling();
        r.configure("calm=100;active=75;event=50");
        assertEquals(375, r.scale(500, 2));
        assertEquals(250, r.scale(500, 3));
        assertEquals(100, r.portfolioFactorPct());
        r.held(-1, 2);
        assertEquals(75, r.portfolioFactorPct());
        r.held(-1, 3);
        r.held(3, -1);
        assertEquals(75, r.portfolioFactorPct());
    }

    /**
     * The fused update in {@link CorrelationLimits#onPosition} must leave the sums bit for bit where the
     * original two-step update left them (remove the market's old terms, update w/p/σ, add the new terms),
     * so every variance decision is unchanged. Reference: that original code, on its own sums.
     */
    @Test
    void onPositionIsBitForBitTheTwoStepUpdate() {
        double[] rho = {0.6, -0.2, 0.3};
        c.configure(GroupSpec.parseGroups("fed=KXFED*;nba=KXNBA*;all=KX*"), Map.of(),
            GroupSpec.parseNumbers("fed=0.6;nba=-0.2;all=0.3", 4), true);
        int n = 24;
        for (int m = 0; m < n; m++) {
            String series = m < 8 ? "KXFED" : m < 16 ? "KXNBA" : "OTHER";
            define(m, series + "-" + m, m % 5 == 0 ? "" : series + "-E" + (m / 4), series);
        }
        double[] w = new double[n];
        double[] p = new double[n];
        double[] sigma = new double[n];
        java.util.Arrays.fill(p, 0.5);
        java.util.Arrays.fill(sigma, 0.5);
        double[] eventP = new double[n];
        double[] eventR = new double[n];
        double[] groupS = new double[3];
        double[] groupQ = new double[3];
        double[] sums = new double[3]; // diagonal, event term, group term
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            int m = r.nextInt(n);
            long pos = r.nextInt(4) == 0 ? 0 : r.nextLong(-5000, 5001);
            long price = r.nextInt(3) == 0 ? -1 : r.nextInt(3) == 0 ? Math.round(p[m] * 10_000) : r.nextLong(1, 10_000);
            c.onPosition(m, 0, pos, price);
            // the original: addTerms(m, -1); w, p, σ; addTerms(m, +1)
            for (int sign = -1; sign <= 1; sign += 2) {
                if (sign == 1) {
                    w[m] = pos / 100.0;
                    if (price > 0 && price < 10_000) {
                        p[m] = price / 10_000.0;
                        sigma[m] = Math.sqrt(p[m] * (1 - p[m]));
                    }
                }
                double wm = w[m];
                if (wm == 0) {
                    continue;
                }
                double v = p[m] * (1 - p[m]);
                sums[0] += sign * v * wm * wm;
                int e = markets.eventId(m);
                if (e >= 0) {
                    double pw = p[m] * wm;
                    sums[1] -= eventR[e] - eventP[e] * eventP[e];
                    eventP[e] += sign * pw;
                    eventR[e] += sign * pw * pw;
                    sums[1] += eventR[e] - eventP[e] * eventP[e];
                }
                double sw = sigma[m] * wm;
                for (int k = 0; k < c.groupsOf(m); k++) {
                    int g = c.groupOf(m, k);
                    sums[2] -= rho[g] * (groupS[g] * groupS[g] - groupQ[g]);
                    groupS[g] += sign * sw;
                    groupQ[g] += sign * sw * sw;
                    sums[2] += rho[g] * (groupS[g] * groupS[g] - groupQ[g]);
                }
            }
            assertEquals(sums[0] + sums[1] + sums[2], c.variance(), 0.0, "step " + i);
            assertEquals(w[m], c.w(m), 0.0);
        }
    }
}

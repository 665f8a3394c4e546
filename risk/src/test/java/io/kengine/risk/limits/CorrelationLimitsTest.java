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
}

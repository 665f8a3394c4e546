package io.kengine.sim.flow;

import io.kengine.sim.exchange.MarketResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrueProbabilityProcessTest {
    private static final FlowConfig.Truth TRUTH = FlowConfig.Truth.defaults();

    private static TrueProbabilityProcess process(long seed, FlowConfig.Truth truth, double start) {
        return new TrueProbabilityProcess(seed, truth, start, null, 0);
    }

    @Test
    void theValueAtATimeDependsOnlyOnSeedAndTime() {
        TrueProbabilityProcess dense = process(1, TRUTH, 0.5);
        TrueProbabilityProcess sparse = process(1, TRUTH, 0.5);
        for (long t = 0; t <= 600_000; t += 37) {
            dense.probabilityAt(t);
        }
        dense.probabilityAt(600_000);
        assertEquals(dense.probability(), sparse.probabilityAt(600_000));
        assertEquals(600_000, sparse.timeMs());
        assertEquals(dense.probability(), sparse.probabilityAt(599_950), "never runs backwards");
        assertEquals(sparse.probabilityAt(600_099), sparse.probabilityAt(600_000), "moves in whole 100 ms steps");
        assertNotEquals(process(2, TRUTH, 0.5).probabilityAt(600_000), sparse.probability());
        assertNotEquals(0.5, sparse.probability());
    }

    @Test
    void aDrawnStartLiesInTheConfiguredRange() {
        for (long seed = 0; seed < 200; seed++) {
            double p = process(seed, TRUTH, FlowMarket.DRAWN).probability();
            assertTrue(p >= 0.2 - 1e-12 && p <= 0.8 + 1e-12, "start " + p);
        }
    }

    @Test
    void staysWithinItsBoundsEvenWhenWild() {
        FlowConfig.Truth wild = TRUTH.withVolatility(3.0).withJumps(5.0, 4.0);
        TrueProbabilityProcess p = process(3, wild, 0.5);
        double lo = 1;
        double hi = 0;
        for (long t = 0; t <= 300_000; t += 100) {
            double v = p.probabilityAt(t);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        assertTrue(lo >= 0.03 - 1e-9 && hi <= 0.97 + 1e-9, lo + " .. " + hi);
        assertTrue(lo < 0.1 && hi > 0.9, "reflection keeps it moving through the whole range");
    }

    @Test
    void diffusionHasTheConfiguredVolatility() {
        double sigma = 0.05;
        TrueProbabilityProcess p = new TrueProbabilityProcess(4, new FlowConfig.Truth(sigma, 0, 0, 1000, 0.0001, 0.9999, 0.5, 0.5),
            0.5, null, 0);
        int n = 20_000;
        double sumSq = 0;
        double prev = p.logit();
        for (int i = 1; i <= n; i++) {
            p.probabilityAt(i * 1000L);
            sumSq += (p.logit() - prev) * (p.logit() - prev);
            prev = p.logit();
        }
        double perSqrtSecond = Math.sqrt(sumSq / n);
        assertEquals(sigma, perSqrtSecond, sigma * 0.03);
        assertEquals(0, p.jumps());
    }

    @Test
    void jumpsArriveAtTheConfiguredIntensity() {
        TrueProbabilityProcess p = process(5, TRUTH.withVolatility(0).withJumps(0.5, 0.3), 0.5);
        p.probabilityAt(2_000_000); // 2000 s: 1000 jumps expected, sd ~32
        assertTrue(Math.abs(p.jumps() - 1000) < 130, p.jumps() + " jumps");
    }

    @Test
    void theOutcomeIsYesWithTheFinalProbability() {
        FlowConfig.Truth still = TRUTH.withVolatility(0).withJumps(0, 0);
        int yes = 0;
        int n = 4000;
        for (long seed = 0; seed < n; seed++) {
            yes += process(seed, still, 0.3).outcome() == MarketResult.YES ? 1 : 0;
        }
        assertEquals(0.3, yes / (double) n, 0.03);
    }

    @Test
    void theOutcomeIsDecidedOnceAndAConfiguredOneWins() {
        TrueProbabilityProcess p = process(6, TRUTH, 0.5);
        p.probabilityAt(60_000);
        MarketResult first = p.outcome();
        assertTrue(p.decided());
        p.probabilityAt(3_600_000);
        assertEquals(first, p.outcome());
        assertEquals(MarketResult.NO, new TrueProbabilityProcess(6, TRUTH, 0.97, MarketResult.NO, 0).outcome());
        assertThrows(IllegalArgumentException.class, () -> new TrueProbabilityProcess(6, TRUTH, 0.5, MarketResult.SCALAR, 0));
        assertThrows(IllegalArgumentException.class, () -> process(6, TRUTH, 0.99));
    }
}

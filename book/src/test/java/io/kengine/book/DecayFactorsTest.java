package io.kengine.book;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DecayFactorsTest {
    private static final long TAU = 60_000_000_000L;

    @Test
    void matchesExpWithinAFewUlpsAcrossTheTableRangeAndBeyond() {
        DecayFactors f = DecayFactors.forTau(TAU);
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            int bits = rnd.nextInt(1, 40); // spread Δt over 1 ns .. ~18 min, both sides of 2^32
            long dt = rnd.nextLong(1L << bits);
            double exact = StrictMath.exp(-dt / (double) TAU);
            assertEquals(exact, f.factor(dt), exact * 1e-14, "dt=" + dt);
        }
    }

    @Test
    void boundaryValuesAreExactOrClose() {
        DecayFactors f = DecayFactors.forTau(TAU);
        assertEquals(1.0, f.factor(0), 0.0);
        long last = (1L << 32) - 1;
        assertEquals(StrictMath.exp(-last / (double) TAU), f.factor(last), 1e-14);
        assertEquals(StrictMath.exp(-(1L << 32) / (double) TAU), f.factor(1L << 32), 0.0);
    }

    @Test
    void tablesAreSharedPerTimeConstantAndRefuseNonPositive() {
        assertSame(DecayFactors.forTau(TAU), DecayFactors.forTau(TAU));
        assertThrows(IllegalArgumentException.class, () -> DecayFactors.forTau(0));
    }
}

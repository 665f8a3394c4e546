package io.kengine.sim.flow;

import java.util.SplittableRandom;

/**
 * The flow's only source of randomness: a seeded {@link SplittableRandom} plus the few distributions the
 * participants need, computed with {@link StrictMath} so a seed gives bit-identical draws on every JVM and CPU
 * (plain {@code Math.log} may use platform intrinsics that differ in the last bit).
 */
final class Rng {
    private final SplittableRandom random;

    Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    long nextSeed() {
        return random.nextLong();
    }

    /** Uniform in [0, 1). */
    double uniform() {
        return random.nextDouble();
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    /** Standard normal (Box–Muller, one value per call so the draw count per call is fixed). */
    double gaussian() {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]: log is finite
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** Uniform integer in [lo, hi]. */
    long between(long lo, long hi) {
        return lo + random.nextLong(hi - lo + 1);
    }

    /** A size in [min, max] that is a whole number of lots (the config guarantees one exists). */
    long lots(long min, long max, long lot) {
        long lo = Math.max(1, (min + lot - 1) / lot);
        long hi = max / lot;
        return between(lo, hi) * lot;
    }

    /**
     * Waiting time of a Poisson process of {@code ratePerSecond}, in whole ms and at least 1 (so event time always
     * advances); {@link FlowDriver#NEVER} for rate 0.
     */
    long exponentialMs(double ratePerSecond) {
        if (ratePerSecond <= 0) {
            return FlowDriver.NEVER;
        }
        double seconds = -StrictMath.log(1.0 - random.nextDouble()) / ratePerSecond;
        double ms = StrictMath.ceil(seconds * 1000.0);
        return ms >= 1e15 ? FlowDriver.NEVER : Math.max(1L, (long) ms);
    }
}

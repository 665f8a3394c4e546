package io.kengine.sim.flow;

import io.kengine.sim.exchange.MarketResult;

/**
 * One market's hidden true probability: a random walk in logit space with occasional jumps, deterministic from a
 * seed, which also decides how the market settles.
 *
 * <p>Time is cut into fixed steps of {@link FlowConfig.Truth#stepMs()} from the start; each step adds
 * {@code volatility × √dt × N(0,1)} and, with probability {@code 1 − e^(−rate·dt)}, a jump of
 * {@code jumpSize × N(0,1)}; the result is reflected into [min, max] probability. The value at time t is the value
 * after the last whole step at or before t, so it depends only on the seed and t, never on how often or when it is
 * asked (a query before the current time answers the current value: the process never runs backwards).
 *
 * <p>Settlement: a configured outcome wins; otherwise YES with the probability at the moment {@link #outcome()} is
 * first asked, against a uniform drawn from the seed at construction (so the draw itself does not depend on how far
 * the walk went).
 */
public final class TrueProbabilityProcess {
    private final Rng path;
    private final double outcomeDraw;
    private final MarketResult forcedOutcome;
    private final long stepMs;
    private final double diffusionPerStep;
    private final double jumpProbabilityPerStep;
    private final double jumpSize;
    private final double minLogit;
    private final double maxLogit;

    private long timeMs;
    private double logit;
    private long jumps;
    private MarketResult outcome;

    /**
     * @param startProbability where the walk starts; NaN draws it from the seed in [startLow, startHigh]
     * @param forcedOutcome    YES or NO to fix the settlement, or null to draw it
     */
    public TrueProbabilityProcess(long seed, FlowConfig.Truth truth, double startProbability, MarketResult forcedOutcome,
                                  long startMs) {
        if (forcedOutcome == MarketResult.SCALAR) {
            throw new IllegalArgumentException("a binary market settles YES or NO, not " + forcedOutcome);
        }
        Rng seeds = new Rng(seed);
        this.path = new Rng(seeds.nextSeed());
        this.outcomeDraw = seeds.uniform();
        double start = Double.isNaN(startProbability)
            ? truth.startLow() + (truth.startHigh() - truth.startLow()) * seeds.uniform()
            : startProbability;
        if (!(start >= truth.minProbability() && start <= truth.maxProbability())) {
            throw new IllegalArgumentException("start probability " + startProbability + " is outside ["
                + truth.minProbability() + ", " + truth.maxProbability() + "]");
        }
        this.forcedOutcome = forcedOutcome;
        this.stepMs = truth.stepMs();
        double dtSeconds = stepMs / 1000.0;
        this.diffusionPerStep = truth.volatilityPerSqrtSecond() * StrictMath.sqrt(dtSeconds);
        this.jumpProbabilityPerStep = -StrictMath.expm1(-truth.jumpRatePerSecond() * dtSeconds);
        this.jumpSize = truth.jumpSizeLogit();
        this.minLogit = logit(truth.minProbability());
        this.maxLogit = logit(truth.maxProbability());
        this.logit = logit(start);
        this.timeMs = startMs;
    }

    /** The probability at {@code nowMs}, walking forward as far as needed. */
    public double probabilityAt(long nowMs) {
        while (nowMs - timeMs >= stepMs) {
            stepOnce();
        }
        return probability();
    }

    /** The probability at {@link #timeMs()}. */
    public double probability() {
        return sigmoid(logit);
    }

    /** The current log-odds. */
    public double logit() {
        return logit;
    }

    /** Time of the last whole step taken (the start time before the first). */
    public long timeMs() {
        return timeMs;
    }

    /** Jumps so far. */
    public long jumps() {
        return jumps;
    }

    /** The configured outcome, or null when it will be drawn. */
    public MarketResult forcedOutcome() {
        return forcedOutcome;
    }

    /**
     * The settlement: decided the first time it is asked (from the probability at that moment) and the same ever
     * after. Walk the process to the market's close with {@link #probabilityAt} first.
     */
    public MarketResult outcome() {
        if (outcome == null) {
            outcome = forcedOutcome != null ? forcedOutcome
                : outcomeDraw < probability() ? MarketResult.YES : MarketResult.NO;
        }
        return outcome;
    }

    public boolean decided() {
        return outcome != null;
    }

    private void stepOnce() {
        // Fixed draws per step (two for the walk and the jump test, two more only on a jump): the path is a
        // function of the seed and the step count alone.
        double x = logit + diffusionPerStep * path.gaussian();
        if (path.chance(jumpProbabilityPerStep)) {
            x += jumpSize * path.gaussian();
            jumps++;
        }
        logit = reflect(x);
        timeMs += stepMs;
    }

    /** Mirror at the bounds (a clamp would make the walk stick to them); a huge jump that overshoots twice is clamped. */
    private double reflect(double x) {
        if (x > maxLogit) {
            x = 2 * maxLogit - x;
        } else if (x < minLogit) {
            x = 2 * minLogit - x;
        }
        return Math.max(minLogit, Math.min(maxLogit, x));
    }

    static double logit(double p) {
        return StrictMath.log(p / (1.0 - p));
    }

    static double sigmoid(double x) {
        return 1.0 / (1.0 + StrictMath.exp(-x));
    }
}

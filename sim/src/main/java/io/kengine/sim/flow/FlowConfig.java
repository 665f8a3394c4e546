package io.kengine.sim.flow;

import io.kengine.protocol.units.FixedPoint;

/**
 * Everything the simulated flow can be tuned by, with {@link #defaults()} that make a lively but orderly market.
 * Prices and price offsets in $0.0001, sizes and positions in 0.01 contracts, money in $0.0001, rates are Poisson
 * intensities per second (0 switches a participant off), noise and jumps are in logit units (log-odds), where
 * 0.1 is about 2.5¢ at 50¢ and less near the edges.
 *
 * @param truth             the hidden true probability of each market
 * @param makers            the passive ladder makers
 * @param informed          the informed takers
 * @param noise             the noise traders
 * @param fundingPerAccount cash deposited into each participant's account at start ($0.0001, on the cent grid)
 * @param sizeLot           every drawn order size is a multiple of this (100 = whole contracts, 1 = 0.01 lots)
 */
public record FlowConfig(Truth truth, Makers makers, Informed informed, Noise noise, long fundingPerAccount,
                         long sizeLot) {

    private static final long DOLLAR = FixedPoint.PRICE_ONE;
    private static final long CONTRACT = FixedPoint.COUNT_ONE;

    public FlowConfig {
        require(truth != null && makers != null && informed != null && noise != null, "every section must be present");
        require(fundingPerAccount > 0 && fundingPerAccount <= FixedPoint.MAX_MONEY / 4 && fundingPerAccount % FixedPoint.CENT == 0,
            "fundingPerAccount must be positive, at most a quarter of MAX_MONEY and on the cent grid, got " + fundingPerAccount);
        require(sizeLot >= 1 && sizeLot <= 1000 * CONTRACT, "sizeLot must be 1..100000, got " + sizeLot);
        requireLot(makers.minLevelSize(), makers.maxLevelSize(), sizeLot, "makers level size");
        requireLot(informed.minSize(), informed.maxSize(), sizeLot, "informed size");
        requireLot(noise.minSize(), noise.maxSize(), sizeLot, "noise size");
    }

    /** $1,000,000 per account, whole-contract sizes, and each section's defaults. */
    public static FlowConfig defaults() {
        return new FlowConfig(Truth.defaults(), Makers.defaults(), Informed.defaults(), Noise.defaults(),
            1_000_000L * DOLLAR, CONTRACT);
    }

    public FlowConfig withTruth(Truth t) {
        return new FlowConfig(t, makers, informed, noise, fundingPerAccount, sizeLot);
    }

    public FlowConfig withMakers(Makers m) {
        return new FlowConfig(truth, m, informed, noise, fundingPerAccount, sizeLot);
    }

    public FlowConfig withInformed(Informed i) {
        return new FlowConfig(truth, makers, i, noise, fundingPerAccount, sizeLot);
    }

    public FlowConfig withNoise(Noise n) {
        return new FlowConfig(truth, makers, informed, n, fundingPerAccount, sizeLot);
    }

    public FlowConfig withFundingPerAccount(long money) {
        return new FlowConfig(truth, makers, informed, noise, money, sizeLot);
    }

    public FlowConfig withSizeLot(long lot) {
        return new FlowConfig(truth, makers, informed, noise, fundingPerAccount, lot);
    }

    /**
     * The hidden true probability: a random walk in logit space, {@code volatilityPerSqrtSecond} × √dt per step of
     * {@code stepMs}, plus jumps arriving at {@code jumpRatePerSecond} with normal sizes of standard deviation
     * {@code jumpSizeLogit}; reflected into [{@code minProbability}, {@code maxProbability}]. A market whose start
     * is not given starts uniformly in [{@code startLow}, {@code startHigh}].
     */
    public record Truth(double volatilityPerSqrtSecond, double jumpRatePerSecond, double jumpSizeLogit, long stepMs,
                        double minProbability, double maxProbability, double startLow, double startHigh) {
        public Truth {
            require(finite(volatilityPerSqrtSecond) && volatilityPerSqrtSecond >= 0 && volatilityPerSqrtSecond <= 10,
                "truth.volatilityPerSqrtSecond must be in [0, 10], got " + volatilityPerSqrtSecond);
            requireRate(jumpRatePerSecond, "truth.jumpRatePerSecond");
            require(finite(jumpSizeLogit) && jumpSizeLogit >= 0 && jumpSizeLogit <= 10,
                "truth.jumpSizeLogit must be in [0, 10], got " + jumpSizeLogit);
            require(stepMs >= 1 && stepMs <= 60_000, "truth.stepMs must be 1..60000, got " + stepMs);
            require(finite(minProbability) && finite(maxProbability) && 0 < minProbability && minProbability < maxProbability
                && maxProbability < 1, "truth needs 0 < minProbability < maxProbability < 1, got " + minProbability + ", " + maxProbability);
            require(finite(startLow) && finite(startHigh) && minProbability <= startLow && startLow <= startHigh
                && startHigh <= maxProbability, "truth needs minProbability <= startLow <= startHigh <= maxProbability");
        }

        /** 0.015 logit/√s (about ±4¢ a minute at 50¢), a jump every 10 minutes of ±0.6 logit, 100 ms steps, [3%, 97%]. */
        public static Truth defaults() {
            return new Truth(0.015, 1.0 / 600, 0.6, 100, 0.03, 0.97, 0.2, 0.8);
        }

        public Truth withVolatility(double perSqrtSecond) {
            return new Truth(perSqrtSecond, jumpRatePerSecond, jumpSizeLogit, stepMs, minProbability, maxProbability, startLow, startHigh);
        }

        public Truth withJumps(double ratePerSecond, double sizeLogit) {
            return new Truth(volatilityPerSqrtSecond, ratePerSecond, sizeLogit, stepMs, minProbability, maxProbability, startLow, startHigh);
        }
    }

    /**
     * Passive ladder makers, {@code perMarket} per market. Each refreshes at {@code refreshRatePerSecond}: it quotes
     * {@code levels} bids and asks, the first {@code firstLevelOffset} either side of its estimate, then every
     * {@code levelSpacing} (at least one tick), each of the maker's own size drawn once in [{@code minLevelSize},
     * {@code maxLevelSize}]. Its estimate is the true probability plus an error of standard deviation
     * {@code estimateNoiseLogit} that persists with {@code estimateNoiseHalfLifeSeconds}; it leans against its
     * inventory by {@code inventorySkewPerContract} ($0.0001 per contract held) and stops adding beyond
     * {@code maxPosition}.
     */
    public record Makers(int perMarket, double refreshRatePerSecond, int levels, long minLevelSize, long maxLevelSize,
                         long firstLevelOffset, long levelSpacing, double estimateNoiseLogit,
                         double estimateNoiseHalfLifeSeconds, long inventorySkewPerContract, long maxPosition) {
        public Makers {
            require(perMarket >= 0 && perMarket <= 50, "makers.perMarket must be 0..50, got " + perMarket);
            requireRate(refreshRatePerSecond, "makers.refreshRatePerSecond");
            require(levels >= 1 && levels <= 50, "makers.levels must be 1..50, got " + levels);
            require(firstLevelOffset >= 0 && firstLevelOffset < DOLLAR / 2, "makers.firstLevelOffset must be in [0, 0.5), got " + firstLevelOffset);
            require(levelSpacing >= 0 && levelSpacing < DOLLAR / 2, "makers.levelSpacing must be in [0, 0.5), got " + levelSpacing);
            requireNoise(estimateNoiseLogit, "makers.estimateNoiseLogit");
            require(finite(estimateNoiseHalfLifeSeconds) && estimateNoiseHalfLifeSeconds >= 0,
                "makers.estimateNoiseHalfLifeSeconds must be >= 0, got " + estimateNoiseHalfLifeSeconds);
            require(inventorySkewPerContract >= 0 && inventorySkewPerContract <= DOLLAR,
                "makers.inventorySkewPerContract must be in [0, 1], got " + inventorySkewPerContract);
            requirePosition(maxPosition, "makers.maxPosition");
        }

        /** Two makers refreshing twice a second, 3 levels 2¢ out and 1¢ apart, 5–25 contracts each, ±0.1 logit views. */
        public static Makers defaults() {
            return new Makers(2, 2.0, 3, 5 * CONTRACT, 25 * CONTRACT, 200, 100, 0.10, 20.0, 2, 300 * CONTRACT);
        }

        public Makers withPerMarket(int n) {
            return new Makers(n, refreshRatePerSecond, levels, minLevelSize, maxLevelSize, firstLevelOffset, levelSpacing,
                estimateNoiseLogit, estimateNoiseHalfLifeSeconds, inventorySkewPerContract, maxPosition);
        }

        public Makers withEstimateNoise(double logit, double halfLifeSeconds) {
            return new Makers(perMarket, refreshRatePerSecond, levels, minLevelSize, maxLevelSize, firstLevelOffset, levelSpacing,
                logit, halfLifeSeconds, inventorySkewPerContract, maxPosition);
        }

        public Makers withInventorySkewPerContract(long skew) {
            return new Makers(perMarket, refreshRatePerSecond, levels, minLevelSize, maxLevelSize, firstLevelOffset, levelSpacing,
                estimateNoiseLogit, estimateNoiseHalfLifeSeconds, skew, maxPosition);
        }

        public Makers withMaxPosition(long max) {
            return new Makers(perMarket, refreshRatePerSecond, levels, minLevelSize, maxLevelSize, firstLevelOffset, levelSpacing,
                estimateNoiseLogit, estimateNoiseHalfLifeSeconds, inventorySkewPerContract, max);
        }
    }

    /**
     * Informed takers, {@code perMarket} per market, waking at {@code ratePerSecond}: each wake-up they see the true
     * probability with {@code observationNoiseLogit} and, when the best bid or ask is off by more than
     * {@code threshold}, send an immediate-or-cancel order limited to that threshold, sized in [{@code minSize},
     * {@code maxSize}] and kept within ±{@code maxPosition}.
     */
    public record Informed(int perMarket, double ratePerSecond, double observationNoiseLogit, long threshold, long minSize,
                           long maxSize, long maxPosition) {
        public Informed {
            require(perMarket >= 0 && perMarket <= 50, "informed.perMarket must be 0..50, got " + perMarket);
            requireRate(ratePerSecond, "informed.ratePerSecond");
            requireNoise(observationNoiseLogit, "informed.observationNoiseLogit");
            require(threshold >= 0 && threshold < DOLLAR / 2, "informed.threshold must be in [0, 0.5), got " + threshold);
            requirePosition(maxPosition, "informed.maxPosition");
        }

        /** One informed trader waking every 5 s on average, trading mispricings beyond 2¢, 5–30 contracts. */
        public static Informed defaults() {
            return new Informed(1, 0.2, 0.03, 200, 5 * CONTRACT, 30 * CONTRACT, 300 * CONTRACT);
        }

        public Informed withPerMarket(int n) {
            return new Informed(n, ratePerSecond, observationNoiseLogit, threshold, minSize, maxSize, maxPosition);
        }

        public Informed withRatePerSecond(double rate) {
            return new Informed(perMarket, rate, observationNoiseLogit, threshold, minSize, maxSize, maxPosition);
        }
    }

    /**
     * Noise traders, {@code perMarket} per market, waking at {@code ratePerSecond} with a random side and size in
     * [{@code minSize}, {@code maxSize}]: with probability {@code immediateFraction} an immediate-or-cancel order up to
     * a random slippage in [0, {@code maxSlippage}] through the best opposite price, otherwise a good-till-time order
     * a random distance in [0, {@code restingRange}] behind the mid, expiring after [{@code minLifetimeMs},
     * {@code maxLifetimeMs}]. Position kept within ±{@code maxPosition}.
     */
    public record Noise(int perMarket, double ratePerSecond, double immediateFraction, long minSize, long maxSize,
                        long maxSlippage, long restingRange, long minLifetimeMs, long maxLifetimeMs, long maxPosition) {
        public Noise {
            require(perMarket >= 0 && perMarket <= 50, "noise.perMarket must be 0..50, got " + perMarket);
            requireRate(ratePerSecond, "noise.ratePerSecond");
            require(finite(immediateFraction) && immediateFraction >= 0 && immediateFraction <= 1,
                "noise.immediateFraction must be in [0, 1], got " + immediateFraction);
            require(maxSlippage >= 0 && maxSlippage < DOLLAR, "noise.maxSlippage must be in [0, 1), got " + maxSlippage);
            require(restingRange >= 0 && restingRange < DOLLAR, "noise.restingRange must be in [0, 1), got " + restingRange);
            // expiration_time has whole seconds: a lifetime under 1 s would round to the same second as now
            require(minLifetimeMs >= 1000 && minLifetimeMs <= maxLifetimeMs && maxLifetimeMs <= 86_400_000L,
                "noise needs 1000 <= minLifetimeMs <= maxLifetimeMs <= 86400000, got " + minLifetimeMs + ", " + maxLifetimeMs);
            requirePosition(maxPosition, "noise.maxPosition");
        }

        /** Two noise traders acting every 2 s on average, half immediate, 1–20 contracts, resting orders live 2–30 s. */
        public static Noise defaults() {
            return new Noise(2, 0.5, 0.5, CONTRACT, 20 * CONTRACT, 200, 500, 2_000, 30_000, 200 * CONTRACT);
        }

        public Noise withPerMarket(int n) {
            return new Noise(n, ratePerSecond, immediateFraction, minSize, maxSize, maxSlippage, restingRange, minLifetimeMs,
                maxLifetimeMs, maxPosition);
        }

        public Noise withRatePerSecond(double rate) {
            return new Noise(perMarket, rate, immediateFraction, minSize, maxSize, maxSlippage, restingRange, minLifetimeMs,
                maxLifetimeMs, maxPosition);
        }
    }

    // ---------------------------------------------------------------- validation

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    private static boolean finite(double d) {
        return !Double.isNaN(d) && !Double.isInfinite(d);
    }

    private static void requireRate(double rate, String name) {
        require(finite(rate) && rate >= 0 && rate <= 1000, name + " must be in [0, 1000] per second, got " + rate);
    }

    private static void requireNoise(double logit, String name) {
        require(finite(logit) && logit >= 0 && logit <= 10, name + " must be in [0, 10], got " + logit);
    }

    private static void requirePosition(long max, String name) {
        require(max >= 1 && max <= FixedPoint.MAX_COUNT / 4, name + " must be positive, got " + max);
    }

    private static void requireLot(long min, long max, long lot, String name) {
        require(min >= 1 && min <= max && max <= 1_000_000L * CONTRACT, name + " needs 1 <= min <= max <= 1000000 contracts, got "
            + min + ", " + max);
        require(max / lot >= (min + lot - 1) / lot && max >= lot, name + " range [" + min + ", " + max
            + "] holds no multiple of sizeLot " + lot);
    }
}

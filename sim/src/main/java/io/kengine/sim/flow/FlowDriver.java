package io.kengine.sim.flow;

import io.kengine.sim.exchange.AccountPrecision;
import io.kengine.sim.exchange.Exchange;
import io.kengine.sim.exchange.MarketResult;
import io.kengine.sim.exchange.MarketState;
import io.kengine.sim.exchange.MarketStatus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * Runs the simulated participants against an {@link Exchange}: per market a {@link TrueProbabilityProcess} and
 * {@link FlowConfig}'s numbers of {@link PassiveMaker}s, {@link InformedTrader}s and {@link NoiseTrader}s, each with
 * its own funded account ({@code flow-<kind>-<ticker>-<n>}).
 *
 * <p>Event-time scheduling: every participant names the time of its next wake-up; {@link #step} wakes them in
 * (time, participant index) order up to the given time, each acting at its own event time. Nothing reads a clock
 * or unseeded randomness, and the driver never moves the exchange's clock beyond its participants' event times, so
 * the whole flow is a function of the seed, the config, the market list and whatever else calls the exchange —
 * how often {@code step} is called does not matter.
 *
 * <p>Single-threaded like the exchange: call it on the thread that owns the exchange.
 */
public final class FlowDriver {
    /** "No further wake-up." */
    public static final long NEVER = Long.MAX_VALUE;

    private static final Comparator<Wake> ORDER = Comparator.comparingLong(Wake::timeMs).thenComparingInt(Wake::index);

    private final Exchange exchange;
    private final FlowConfig config;
    private final Rng seeds;
    private final FlowStats stats = new FlowStats();
    private final Map<String, MarketFlow> markets = new LinkedHashMap<>();
    private final List<Participant> participants = new ArrayList<>();
    private final PriorityQueue<Wake> queue = new PriorityQueue<>(ORDER);
    private long lastStepMs = Long.MIN_VALUE;

    private record Wake(long timeMs, int index) {
    }

    /** A driver with no markets yet; add them with {@link #addMarket}. */
    public FlowDriver(Exchange exchange, long seed, FlowConfig config) {
        this.exchange = Objects.requireNonNull(exchange, "exchange");
        this.config = Objects.requireNonNull(config, "config");
        this.seeds = new Rng(seed);
    }

    /** A driver trading the given markets (already listed on the exchange), in that order. */
    public FlowDriver(Exchange exchange, long seed, FlowConfig config, List<FlowMarket> markets, long nowMs) {
        this(exchange, seed, config);
        for (FlowMarket m : markets) {
            addMarket(m, nowMs);
        }
    }

    /**
     * Starts flow in a market already listed on the exchange: its truth starts at {@code nowMs}; its participants'
     * accounts are opened and funded, makers first wake at {@code nowMs}, takers at their first Poisson time.
     * Seeds are drawn from the driver's seed in call order, so the same calls give the same flow.
     *
     * @throws IllegalArgumentException for an unknown or already traded market, or an account id already taken
     */
    public void addMarket(FlowMarket spec, long nowMs) {
        MarketState state = exchange.findMarket(spec.ticker())
            .orElseThrow(() -> new IllegalArgumentException("market " + spec.ticker() + " is not listed on the exchange"));
        if (markets.containsKey(spec.ticker())) {
            throw new IllegalArgumentException("market " + spec.ticker() + " already has flow");
        }
        // One seed stream per market and, inside it, per kind of participant: changing how many noise traders
        // there are leaves the truth, the makers and the informed traders exactly as they were.
        Rng market = new Rng(seeds.nextSeed());
        TrueProbabilityProcess truth = new TrueProbabilityProcess(market.nextSeed(), config.truth(), spec.startProbability(),
            spec.outcome(), nowMs);
        Rng makerSeeds = new Rng(market.nextSeed());
        Rng informedSeeds = new Rng(market.nextSeed());
        Rng noiseSeeds = new Rng(market.nextSeed());
        MarketFlow m = new MarketFlow(spec.ticker(), state.grid(), truth);
        markets.put(m.ticker, m);
        for (int i = 0; i < config.makers().perMarket(); i++) {
            join(new PassiveMaker(participants.size(), accountId("maker", m, i), m, exchange, stats, makerSeeds.nextSeed(), config), nowMs);
        }
        for (int i = 0; i < config.informed().perMarket(); i++) {
            join(new InformedTrader(participants.size(), accountId("informed", m, i), m, exchange, stats, informedSeeds.nextSeed(),
                config), nowMs);
        }
        for (int i = 0; i < config.noise().perMarket(); i++) {
            join(new NoiseTrader(participants.size(), accountId("noise", m, i), m, exchange, stats, noiseSeeds.nextSeed(), config), nowMs);
        }
    }

    private static String accountId(String kind, MarketFlow m, int i) {
        return "flow-" + kind + "-" + m.ticker + "-" + i;
    }

    private void join(Participant p, long nowMs) {
        exchange.openAccount(p.accountId(), AccountPrecision.CENT);
        exchange.deposit(p.accountId(), config.fundingPerAccount());
        participants.add(p);
        long first = p.firstWakeMs(Math.max(nowMs, lastStepMs));
        if (first != NEVER) {
            queue.add(new Wake(first, p.index()));
        }
    }

    /**
     * Wakes every participant due at or before {@code nowMs}, in (time, index) order, then walks each market's truth
     * to {@code nowMs} (capped at its close). A time at or before the last step's does nothing new.
     */
    public void step(long nowMs) {
        while (!queue.isEmpty() && queue.peek().timeMs() <= nowMs) {
            Wake w = queue.poll();
            long next = participants.get(w.index()).wake(w.timeMs());
            if (next != NEVER) {
                queue.add(new Wake(next, w.index()));
            }
        }
        if (nowMs > lastStepMs) {
            lastStepMs = nowMs;
            for (MarketFlow m : markets.values()) {
                exchange.findMarket(m.ticker).ifPresent(s -> m.trueProbability(nowMs, s.closeTimeMs()));
            }
        }
    }

    /** Time of the next wake-up of any participant, or {@link #NEVER}: when a timer-driven caller should step next. */
    public long nextEventMs() {
        Wake w = queue.peek();
        return w == null ? NEVER : w.timeMs();
    }

    /**
     * Ends every flow market now and pays it out per its truth: an open (or paused) market is closed early (its close
     * time moved to {@code nowMs}), a closed one is determined with {@link TrueProbabilityProcess#outcome()} at its
     * close time, a determined one is settled. Markets not yet open, or opening at this very ms, are left alone.
     * Call {@link #step} first if the flow should run up to {@code nowMs}.
     *
     * @return the result of every market this call settled, in the order the markets were added
     */
    public Map<String, MarketResult> settleAll(long nowMs) {
        Map<String, MarketResult> settled = new LinkedHashMap<>();
        exchange.advanceTime(nowMs);
        for (MarketFlow m : markets.values()) {
            long now = exchange.now();
            MarketState s = exchange.findMarket(m.ticker).orElse(null);
            if (s == null) {
                continue;
            }
            if ((s.status() == MarketStatus.OPEN || s.status() == MarketStatus.PAUSED) && now > s.openTimeMs()) {
                exchange.updateCloseTime(m.ticker, now, now); // Kalshi's early close
                s = exchange.findMarket(m.ticker).orElseThrow();
            }
            if (s.status() == MarketStatus.CLOSED) {
                m.truth.probabilityAt(s.closeTimeMs());
                exchange.determine(m.ticker, m.truth.outcome(), 0, now);
                s = exchange.findMarket(m.ticker).orElseThrow();
            }
            if (s.status() == MarketStatus.DETERMINED) {
                exchange.settle(m.ticker, now);
                settled.put(m.ticker, s.result());
            }
        }
        return settled;
    }

    /** The market's true probability as of the last {@link #step} (or its close). */
    public double trueProbability(String ticker) {
        return flow(ticker).truth.probability();
    }

    public TrueProbabilityProcess truth(String ticker) {
        return flow(ticker).truth;
    }

    /** Tickers with flow, in the order they were added. */
    public List<String> tickers() {
        return List.copyOf(markets.keySet());
    }

    /** Every participant, by index. */
    public List<Participant> participants() {
        return Collections.unmodifiableList(participants);
    }

    /** The participants' account ids, by participant index. */
    public List<String> accountIds() {
        List<String> out = new ArrayList<>(participants.size());
        for (Participant p : participants) {
            out.add(p.accountId());
        }
        return out;
    }

    public FlowStats stats() {
        return stats;
    }

    public FlowConfig config() {
        return config;
    }

    private MarketFlow flow(String ticker) {
        MarketFlow m = markets.get(ticker);
        if (m == null) {
            throw new IllegalArgumentException("market " + ticker + " has no flow");
        }
        return m;
    }
}

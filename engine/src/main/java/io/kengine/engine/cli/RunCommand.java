package io.kengine.engine.cli;

import io.kengine.config.ConfigException;
import io.kengine.config.EngineConfig;
import io.kengine.config.Environment;
import io.kengine.config.FeedSource;
import io.kengine.config.RunMode;
import io.kengine.engine.EngineOptions;
import io.kengine.engine.OrderVenue;
import io.kengine.engine.PaperVenue;
import io.kengine.engine.kalshi.FeedMarketTickers;
import io.kengine.engine.kalshi.KalshiMarketSource;
import io.kengine.engine.kalshi.KalshiTarget;
import io.kengine.feed.connection.FeedConfig;
import io.kengine.feed.connection.FeedTransport;
import io.kengine.engine.ScriptedFeedSettings;
import io.kengine.engine.StrategyParameters;
import io.kengine.engine.TradingEngine;
import io.kengine.engine.ops.GracefulShutdown;
import io.kengine.engine.ops.LiveTradingGuard;
import io.kengine.engine.ops.OpsRuntime;
import io.kengine.engine.ops.Signals;
import io.kengine.engine.ring.StageMapping;
import io.kengine.engine.RestVenue;
import io.kengine.feed.fairvalue.FairValueInputs;
import io.kengine.feed.fairvalue.FairValueMarkets;
import io.kengine.engine.simulator.SimulatorMarketSource;
import io.kengine.engine.simulator.SimulatorVenue;
import io.kengine.gateway.MarketTickers;
import io.kengine.gateway.rest.RateTier;
import io.kengine.gateway.rest.Reconciler;
import io.kengine.gateway.rest.SenderConfig;
import io.kengine.sim.server.FillDeltaOwner;
import io.kengine.feed.connection.FeedStartException;
import io.kengine.journal.JournalException;
import org.agrona.concurrent.SystemEpochNanoClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs the engine's main job: market data from the embedded Kalshi simulator (or Kalshi itself with",
        "feed.source: kalshi, or the scripted feed), paper trading unless live, every event journaled. Stops on Ctrl-C/SIGTERM, after --duration, or after --events scripted events:",
        "quotes halt, orders are cancelled (bounded wait), rings drain, the journal is closed, a summary is printed.",
        "A second Ctrl-C exits at once. While it runs: `status`, `halt`, `resume`, `flatten`, `cancel-all`, `reload`."})
final class RunCommand implements Callable<Integer> {
    /** The tier whose write budget risk mirrors is the one the sender paces to. */
    private static final String TOKEN_TIER = io.kengine.risk.RiskParameters.TOKEN_TIER.key();

    @Option(names = "--config", paramLabel = "FILE",
        description = "YAML configuration (default: config/engine.yaml if present, else the copy inside the jar)")
    Path config;

    @Option(names = "--duration", paramLabel = "DURATION", description = "stop after this long, e.g. 30s, 5m, PT1H (default: until Ctrl-C)")
    String duration;

    @Option(names = "--events", paramLabel = "N", description = "stop after the feed published N events (0 = no limit)", defaultValue = "0")
    long events;

    @Option(names = "--mapping", paramLabel = "auto|fused|per-stage|single", description = "override engine.threads.mapping")
    String mapping;

    @Option(names = "--journal-dir", paramLabel = "DIR", description = "override engine.journal.dir")
    Path journalDir;

    @Option(names = "--feed", paramLabel = "simulator|kalshi|scripted", description = "override feed.source")
    String feedSource;

    @Option(names = "--live", description = "required for engine.runMode: live (with environment prod and $KENGINE_LIVE_CONFIRM)")
    boolean live;

    @Option(names = "--cancel-timeout", paramLabel = "DURATION", description = "override engine.shutdown.cancelTimeoutMs, e.g. 2s")
    String cancelTimeout;

    @Option(names = "--quiet", description = "no status line, only the start banner and the summary")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        CliConfig loaded;
        try {
            loaded = CliConfig.load(config, Main.env());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return ExitCodes.CONFIG;
        }
        EngineConfig cfg = loaded.config();
        List<String> missing = LiveTradingGuard.missing(cfg, live, Main.env());
        if (!missing.isEmpty()) {
            System.err.println("live trading refused; missing:");
            missing.forEach(m -> System.err.println("  " + m));
            return ExitCodes.CONFIG;
        }
        long limitNanos;
        long cancelTimeoutMs;
        try {
            limitNanos = duration == null ? 0 : DurationText.parseNanos(duration);
            cancelTimeoutMs = cancelTimeout == null ? cfg.engine().ops().shutdown().cancelTimeoutMs()
                : TimeUnit.NANOSECONDS.toMillis(DurationText.parseNanos(cancelTimeout));
        } catch (IllegalArgumentException e) {
            System.err.println((cancelTimeout != null && duration == null ? "--cancel-timeout: " : "--duration/--cancel-timeout: ")
                + e.getMessage());
            return ExitCodes.USAGE;
        }
        EngineOptions options = options(cfg);
        FeedSource source;
        try {
            source = feedSource == null ? cfg.feed().source() : choice(feedSource);
        } catch (IllegalArgumentException e) {
            System.err.println("--feed: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (cfg.engine().runMode() == RunMode.LIVE && source != FeedSource.KALSHI) {
            System.err.println("--feed " + source.configName() + ": live trading reads and trades Kalshi (feed.source: kalshi)");
            return ExitCodes.CONFIG;
        }
        if (events > 0 && source != FeedSource.SCRIPTED) {
            System.err.println("--events: only the scripted feed has an event count (use --duration, or --feed scripted)");
            return ExitCodes.USAGE;
        }

        TradingEngine engine;
        try {
            engine = start(cfg, options, source);
        } catch (JournalException e) {
            System.err.println("journal: " + e.getMessage());
            return ExitCodes.JOURNAL;
        } catch (FeedStartException e) {
            System.err.println("feed: " + e.getMessage());
            return ExitCodes.RUNTIME;
        } catch (KalshiTarget.TargetException e) {
            System.err.println("feed.source kalshi: cannot connect without credentials:");
            e.problems().forEach(p -> System.err.println("  " + p));
            return ExitCodes.CONFIG;
        }
        try {
            startFairValueInputs(engine, cfg);
        } catch (IOException e) {
            engine.close();
            System.err.println("feed.fairValue: cannot start the fair-value inputs: " + e.getMessage());
            return ExitCodes.RUNTIME;
        }
        OpsRuntime ops;
        try {
            ops = OpsRuntime.start(engine, options, cfg, loaded.file(), StrategyParameters.all(), Main.env(), System.out);
        } catch (IOException e) {
            engine.close();
            System.err.println("engine.control / engine.metrics: cannot listen on 127.0.0.1: " + e.getMessage());
            return ExitCodes.RUNTIME;
        }
        StatusLine status = new StatusLine(engine, System.out);
        System.out.println(status.banner(cfg, options));
        System.out.println(ops.describe());
        if (cfg.engine().environment() != Environment.SIM && source == FeedSource.SIMULATOR) {
            System.out.println("note: engine.environment is " + cfg.engine().environment().configName()
                + ", but this build reads market data from the embedded simulator and trades on paper: nothing reaches Kalshi");
        }

        // Stop requests: Ctrl-C/SIGTERM (a second one exits at once), the JVM shutting down, --duration, the feed ending.
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicReference<String> why = new AtomicReference<>();
        AtomicInteger signals = new AtomicInteger();
        Runnable onInt = () -> signal(signals, why, stop, "Ctrl-C");
        Runnable onTerm = () -> signal(signals, why, stop, "SIGTERM");
        ops.onStopRequest(() -> {
            why.compareAndSet(null, "stop command");
            stop.countDown();
        });
        Signals.Installed intHandler = Signals.handle("INT", onInt);
        Signals.Installed termHandler = Signals.handle("TERM", onTerm);
        long hookWaitMs = cancelTimeoutMs + 20_000;
        Thread hook = new Thread(() -> {
            why.compareAndSet(null, "JVM shutdown");
            stop.countDown();
            try {
                stopped.await(hookWaitMs, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        GracefulShutdown.Summary summary;
        try {
            long deadline = limitNanos > 0 ? System.nanoTime() + limitNanos : Long.MAX_VALUE;
            long interval = TimeUnit.MILLISECONDS.toNanos(cfg.engine().statusIntervalMs());
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    why.compareAndSet(null, "--duration reached");
                    break;
                }
                if (stop.await(Math.max(1, Math.min(interval, left)), TimeUnit.NANOSECONDS)) {
                    break;
                }
                if (engine.source().isFinished()) {
                    why.compareAndSet(null, "feed finished");
                    break;
                }
                if (!quiet) {
                    System.out.println(ops.status().snapshot().toLine());
                }
            }
            summary = GracefulShutdown.run(engine, ops, cancelTimeoutMs, why.get(), System.out);
        } finally {
            stopped.countDown();
            if (intHandler != null) {
                intHandler.restore();
            }
            if (termHandler != null) {
                termHandler.restore();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down: the hook is waiting for us and returns now
            }
        }
        return summary.stageErrors() == 0 ? ExitCodes.OK : ExitCodes.RUNTIME;
    }

    private static void signal(AtomicInteger count, AtomicReference<String> why, CountDownLatch stop, String name) {
        if (count.incrementAndGet() > 1) {
            System.err.println(name + " again: exiting at once, without waiting for cancels or the journal");
            Runtime.getRuntime().halt(130);
        }
        why.compareAndSet(null, name);
        stop.countDown();
    }

    private TradingEngine start(EngineConfig cfg, EngineOptions options, FeedSource source) {
        if (source == FeedSource.SCRIPTED) {
            EngineConfig.ScriptedFeedSettings s = cfg.feed().scripted();
            return TradingEngine.start(options,
                new ScriptedFeedSettings(s.markets(), s.seed(), s.eventsPerSecond(), s.timerIntervalMs(), events),
                announced(cfg), new SystemEpochNanoClock());
        }
        if (source == FeedSource.KALSHI) {
            return startOnKalshi(cfg, options);
        }
        EngineConfig.SimulatorFeedSettings s = cfg.feed().simulator();
        // The embedded simulator is a whole exchange: the engine reads it with its WebSocket feed and trades it
        // with its REST gateway (signed, rate-budgeted, reconciled), exactly as it would Kalshi. No money is real.
        SimulatorVenue venue = SimulatorVenue.start(s.port(), s.markets(), s.seed(), FillDeltaOwner.valueOf(s.fillDeltaOwner().name()));
        try {
            SenderConfig sender = gateway(SenderConfig.builder().restBaseUrl(venue.restBaseUrl()).keyId(SimulatorVenue.KEY_ID)
                .privateKey(venue.privateKey()).tier(RateTier.BASIC).seed(options.runId()), cfg).build();
            RestVenue orders = new RestVenue(sender, MarketTickers.of(venue.tickers()), Reconciler.Settings.DEFAULTS);
            return TradingEngine.start(options, runtime -> new SimulatorMarketSource(venue, s.seed(), s.timerIntervalMs(),
                runtime::newInboundPublisher), announced(cfg), new SystemEpochNanoClock(), orders, venue);
        } catch (RuntimeException e) {
            venue.close();
            throw e;
        }
    }

    /**
     * Market data from Kalshi's API (demo, production, or the server {@code feed.kalshi} names). Orders go to
     * that exchange over REST when they risk no money — a simulator ({@code engine.environment: sim}) — or when
     * the run is live (which the guard allows on production only); a paper run on demo or production keeps them
     * in the process.
     */
    private static TradingEngine startOnKalshi(EngineConfig cfg, EngineOptions options) {
        EngineConfig.KalshiFeedSettings k = cfg.feed().kalshi();
        KalshiTarget target = KalshiTarget.resolve(cfg, Main.env());
        FeedConfig.Builder feed = FeedConfig.builder().restBaseUrl(target.restBaseUrl()).wsUrl(target.wsUrl())
            .keyId(target.keyId()).privateKey(target.privateKey()).tickers(k.tickers()).seed(options.runId())
            .transport(k.webSocket() == io.kengine.config.WebSocketClient.OKHTTP ? FeedTransport.OKHTTP : FeedTransport.DIRECT);
        k.events().forEach(feed::eventTicker);
        k.series().forEach(feed::seriesTicker);
        FeedConfig feedConfig = feed.build();
        AtomicReference<KalshiMarketSource> source = new AtomicReference<>();
        boolean sendsOrders = cfg.engine().runMode() == RunMode.LIVE || cfg.engine().environment() == Environment.SIM;
        OrderVenue venue = new PaperVenue();
        if (sendsOrders) {
            SenderConfig sender = gateway(SenderConfig.builder().restBaseUrl(target.restBaseUrl()).keyId(target.keyId())
                .privateKey(target.privateKey()).tier(RateTier.valueOf(cfg.strategy().enumValue(TOKEN_TIER).toUpperCase(Locale.ROOT)))
                .seed(options.runId()), cfg).build();
            venue = new RestVenue(sender, new FeedMarketTickers(() -> source.get() == null || source.get().feed() == null
                ? null : source.get().feed().markets()), Reconciler.Settings.DEFAULTS);
        }
        return TradingEngine.start(options, runtime -> {
            source.set(new KalshiMarketSource(feedConfig, k.timerIntervalMs(), runtime::newInboundPublisher, target.name()));
            return source.get();
        }, announced(cfg), new SystemEpochNanoClock(), venue, null);
    }

    /**
     * The parameters journaled at session start: the strategy's, then {@code orders.adoptOnStart} from
     * {@code engine.startup.openOrders} (the orders stage adopts or cancels what the startup reconciliation finds).
     */
    static java.util.List<Map.Entry<String, String>> announced(EngineConfig cfg) {
        java.util.List<Map.Entry<String, String>> entries = new java.util.ArrayList<>(cfg.strategy().asMap().entrySet());
        boolean adopt = cfg.engine().ops().startup().openOrders() == io.kengine.config.OpenOrdersPolicy.ADOPT;
        entries.add(Map.entry(io.kengine.gateway.orders.OrdersParameters.ADOPT_ON_START_KEY, Boolean.toString(adopt)));
        return entries;
    }

    /** External fair values (HTTP on 127.0.0.1, a watched file) as journaled events, when configured. */
    private static void startFairValueInputs(TradingEngine engine, EngineConfig cfg) throws IOException {
        EngineConfig.FairValueSettings f = cfg.feed().fairValue();
        if (!f.enabled()) {
            return;
        }
        io.kengine.feed.connection.MarketRegistry registry = engine.marketRegistry();
        FairValueMarkets markets = registry == null ? ticker -> FairValueMarkets.UNKNOWN : FairValueMarkets.of(registry);
        SystemEpochNanoClock clock = new SystemEpochNanoClock();
        FairValueInputs inputs = FairValueInputs.start(new FairValueInputs.Settings(f.httpPort(), f.file(), f.fileRecheckMs(),
            f.defaultLifetimeMs(), f.maxLifetimeMs()), engine.runtime().newInboundPublisher(), markets, clock::nanoTime);
        engine.attachInput(inputs);
        System.out.println("fair values: " + (inputs.server() != null ? "POST http://127.0.0.1:" + inputs.server().port()
            + "/fair-value" : "") + (inputs.server() != null && inputs.watcher() != null ? ", " : "")
            + (inputs.watcher() != null ? "file " + f.file() : ""));
    }

    private static FeedSource choice(String name) {
        for (FeedSource f : FeedSource.values()) {
            if (f.configName().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a feed source (simulator | kalshi | scripted)");
    }

    /** {@code engine.gateway}: pre-signing and direct connections of the REST sender. */
    static SenderConfig.Builder gateway(SenderConfig.Builder b, EngineConfig cfg) {
        EngineConfig.GatewaySettings g = cfg.engine().gateway();
        return b.preSignMaxAge(java.time.Duration.ofMillis(g.preSignMaxAgeMs()))
            .preSignOrderPathsPerSecond(g.preSignOrderPathsPerSecond()).directConnections(g.directConnections());
    }

    private EngineOptions options(EngineConfig cfg) {
        EngineConfig.EngineSettings e = cfg.engine();
        StageMapping m = StageMapping.resolve(mapping != null ? mapping : e.threads().mapping().configName(),
            Runtime.getRuntime().availableProcessors());
        Path dir = journalDir != null ? journalDir : e.journal().dir();
        return new EngineOptions(m, e.threads().waitStrategy().configName(), e.ring().inboundSize(), e.ring().outboundSize(),
            e.journal().enabled() ? dir : null, System.currentTimeMillis(), e.runMode().configName(),
            TimeUnit.MICROSECONDS.toNanos(e.threads().idleRehearsalUs()));
    }
}

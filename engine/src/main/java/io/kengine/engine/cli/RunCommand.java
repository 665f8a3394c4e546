package io.kengine.engine.cli;

import io.kengine.config.ConfigException;
import io.kengine.config.EngineConfig;
import io.kengine.config.EngineConfigLoader;
import io.kengine.config.FeedSource;
import io.kengine.engine.simulator.SimulatorMarketSource;
import io.kengine.feed.connection.FeedStartException;
import io.kengine.config.RunMode;
import io.kengine.engine.EngineOptions;
import io.kengine.engine.ScriptedFeedSettings;
import io.kengine.engine.StrategyParameters;
import io.kengine.engine.TradingEngine;
import io.kengine.engine.ring.StageMapping;
import io.kengine.journal.JournalException;
import org.agrona.concurrent.SystemEpochNanoClock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Runs the engine's main job: market data from the embedded Kalshi simulator (or the scripted feed),",
        "paper trading, every event journaled. Stops on Ctrl-C, after --duration, or after --events scripted events."})
final class RunCommand implements Callable<Integer> {
    @Option(names = "--config", paramLabel = "FILE",
        description = "YAML configuration (default: config/engine.yaml if present, else the copy inside the jar)")
    Path config;

    @Option(names = "--duration", paramLabel = "DURATION", description = "stop after this long, e.g. 30s, 5m, PT1H (default: until Ctrl-C)")
    String duration;

    @Option(names = "--events", paramLabel = "N", description = "stop after the feed published N events (0 = no limit)", defaultValue = "0")
    long events;

    @Option(names = "--mapping", paramLabel = "fused|per-stage", description = "override engine.threads.mapping")
    String mapping;

    @Option(names = "--journal-dir", paramLabel = "DIR", description = "override engine.journal.dir")
    Path journalDir;

    @Option(names = "--feed", paramLabel = "simulator|scripted", description = "override feed.source")
    String feedSource;

    @Option(names = "--quiet", description = "no status line, only the start banner and the summary")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        EngineConfig cfg;
        try {
            cfg = loadConfig();
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            return ExitCodes.CONFIG;
        }
        if (cfg.engine().runMode() == RunMode.LIVE) {
            System.err.println("engine.runMode: live trading is refused: this build has no exchange gateway yet "
                + "(set engine.runMode: paper)");
            return ExitCodes.CONFIG;
        }
        long limitNanos;
        try {
            limitNanos = duration == null ? 0 : DurationText.parseNanos(duration);
        } catch (IllegalArgumentException e) {
            System.err.println("--duration: " + e.getMessage());
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
        }
        StatusLine status = new StatusLine(engine, System.out);
        System.out.println(status.banner(cfg, options));

        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            System.out.println();
            System.out.println("stopping: draining rings, closing the journal ...");
            engine.close();
            System.out.println(status.summary());
            stopped.countDown();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);

        long deadline = limitNanos > 0 ? System.nanoTime() + limitNanos : Long.MAX_VALUE;
        long interval = TimeUnit.MILLISECONDS.toNanos(cfg.engine().statusIntervalMs());
        while (System.nanoTime() < deadline && !engine.source().isFinished()) {
            long wait = Math.min(interval, deadline - System.nanoTime());
            if (stopped.await(Math.max(1, wait), TimeUnit.NANOSECONDS)) {
                return ExitCodes.OK; // Ctrl-C: the hook did the stopping
            }
            if (!quiet) {
                status.print();
            }
        }
        Runtime.getRuntime().removeShutdownHook(hook);
        engine.close();
        if (!quiet) {
            System.out.println();
        }
        System.out.println(status.summary());
        return engine.runtime().stageErrors().count() == 0 ? ExitCodes.OK : ExitCodes.RUNTIME;
    }

    private TradingEngine start(EngineConfig cfg, EngineOptions options, FeedSource source) {
        if (source == FeedSource.SCRIPTED) {
            EngineConfig.ScriptedFeedSettings s = cfg.feed().scripted();
            return TradingEngine.start(options,
                new ScriptedFeedSettings(s.markets(), s.seed(), s.eventsPerSecond(), s.timerIntervalMs(), events),
                cfg.strategy().asMap().entrySet(), new SystemEpochNanoClock());
        }
        EngineConfig.SimulatorFeedSettings s = cfg.feed().simulator();
        return TradingEngine.start(options, runtime -> new SimulatorMarketSource(s.port(), s.markets(), s.seed(),
            s.timerIntervalMs(), runtime::newInboundPublisher), cfg.strategy().asMap().entrySet(), new SystemEpochNanoClock());
    }

    private static FeedSource choice(String name) {
        for (FeedSource f : FeedSource.values()) {
            if (f.configName().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a feed source (simulator | scripted)");
    }

    private EngineConfig loadConfig() {
        if (config != null) {
            return EngineConfigLoader.load(config, StrategyParameters.all());
        }
        Path shipped = Path.of("config", "engine.yaml");
        return Files.isRegularFile(shipped)
            ? EngineConfigLoader.load(shipped, StrategyParameters.all())
            : EngineConfigLoader.loadDefault(StrategyParameters.all());
    }

    private EngineOptions options(EngineConfig cfg) {
        EngineConfig.EngineSettings e = cfg.engine();
        StageMapping m = StageMapping.parse(mapping != null ? mapping : e.threads().mapping().configName());
        Path dir = journalDir != null ? journalDir : e.journal().dir();
        return new EngineOptions(m, e.threads().waitStrategy().configName(), e.ring().inboundSize(), e.ring().outboundSize(),
            e.journal().enabled() ? dir : null, System.currentTimeMillis(), e.runMode().configName());
    }
}

package io.kengine.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The whole validated configuration of one engine run, as read from {@code engine.yaml} by
 * {@link EngineConfigLoader}. The {@code strategy} parameters are the part that can change a
 * trading decision; the engine journals them as ConfigChange events at start.
 *
 * @param source where it was read from, e.g. a file path
 */
public record EngineConfig(String source, EngineSettings engine, FeedSettings feed, ParameterSet strategy) {
    public EngineConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(strategy, "strategy");
    }

    /** A copy with reloaded strategy parameters; the rest is fixed for the life of the process. */
    public EngineConfig withStrategy(ParameterSet newStrategy) {
        return new EngineConfig(source, engine, feed, newStrategy);
    }

    /** {@code engine:} the process itself. */
    public record EngineSettings(RunMode runMode, Environment environment, ThreadSettings threads,
                                 RingSettings ring, JournalSettings journal, long statusIntervalMs) {
        public static final long MIN_STATUS_INTERVAL_MS = 100;
        public static final long MAX_STATUS_INTERVAL_MS = 60_000;

        public EngineSettings {
            Objects.requireNonNull(runMode, "runMode");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(threads, "threads");
            Objects.requireNonNull(ring, "ring");
            Objects.requireNonNull(journal, "journal");
        }
    }

    /** {@code engine.threads:} stage-to-thread mapping and how consumers wait. */
    public record ThreadSettings(ThreadMapping mapping, WaitStrategyKind waitStrategy) {
        public ThreadSettings {
            Objects.requireNonNull(mapping, "mapping");
            Objects.requireNonNull(waitStrategy, "waitStrategy");
        }
    }

    /** {@code engine.ring:} slots in each Disruptor ring, powers of two. */
    public record RingSettings(int inboundSize, int outboundSize) {
        public static final int MIN_SIZE = 64;
        public static final int MAX_SIZE = 1 << 20;
    }

    /** {@code engine.journal:} where events in and intents out are journaled. */
    public record JournalSettings(boolean enabled, Path dir) {
        public JournalSettings {
            Objects.requireNonNull(dir, "dir");
        }
    }

    /** {@code feed:} where market data comes from. */
    public record FeedSettings(FeedSource source, ScriptedFeedSettings scripted, SimulatorFeedSettings simulator) {
        public FeedSettings {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(scripted, "scripted");
            Objects.requireNonNull(simulator, "simulator");
        }
    }

    /**
     * {@code feed.simulator:} the embedded Kalshi-compatible simulator the engine reads through its
     * WebSocket feed; {@code port} 0 picks a free loopback port.
     */
    public record SimulatorFeedSettings(int markets, long seed, int port, long timerIntervalMs) {
        public static final int MAX_MARKETS = 256;
    }

    /** {@code feed.scripted:} the deterministic generator; one seed gives one event sequence. */
    public record ScriptedFeedSettings(int markets, long seed, int eventsPerSecond, long timerIntervalMs) {
        public static final int MAX_MARKETS = 256;
        public static final int MAX_EVENTS_PER_SECOND = 5_000_000;
        public static final long MAX_TIMER_INTERVAL_MS = 60_000;
    }
}

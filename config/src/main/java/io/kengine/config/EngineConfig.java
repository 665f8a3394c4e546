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

    /** A copy with other process settings (e.g. the environment from {@code KENGINE_ENV}). */
    public EngineConfig withEngine(EngineSettings newEngine) {
        return new EngineConfig(source, newEngine, feed, strategy);
    }

    /** {@code engine:} the process itself. */
    public record EngineSettings(RunMode runMode, Environment environment, ThreadSettings threads,
                                 RingSettings ring, JournalSettings journal, long statusIntervalMs,
                                 OpsSettings ops, GatewaySettings gateway) {
        public static final long MIN_STATUS_INTERVAL_MS = 100;
        public static final long MAX_STATUS_INTERVAL_MS = 60_000;

        public EngineSettings {
            Objects.requireNonNull(runMode, "runMode");
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(threads, "threads");
            Objects.requireNonNull(ring, "ring");
            Objects.requireNonNull(journal, "journal");
            Objects.requireNonNull(ops, "ops");
            Objects.requireNonNull(gateway, "gateway");
        }

        public EngineSettings(RunMode runMode, Environment environment, ThreadSettings threads,
                              RingSettings ring, JournalSettings journal, long statusIntervalMs, OpsSettings ops) {
            this(runMode, environment, threads, ring, journal, statusIntervalMs, ops, GatewaySettings.DEFAULT);
        }

        /** The settings before the operator sections existed: operator plumbing at its defaults. */
        public EngineSettings(RunMode runMode, Environment environment, ThreadSettings threads,
                              RingSettings ring, JournalSettings journal, long statusIntervalMs) {
            this(runMode, environment, threads, ring, journal, statusIntervalMs, OpsSettings.DEFAULT);
        }

        /** A copy on another environment (the {@code KENGINE_ENV} override). */
        public EngineSettings withEnvironment(Environment env) {
            return new EngineSettings(runMode, env, threads, ring, journal, statusIntervalMs, ops, gateway);
        }
    }

    /**
     * Operator plumbing: {@code engine.control}, {@code engine.metrics}, {@code engine.alerts},
     * {@code engine.killSwitchFile}, {@code engine.shutdown}, {@code engine.startup}. None of it
     * changes a trading decision; it decides how an operator reaches and watches the process.
     *
     * @param killSwitchFile null when no kill-switch file is watched
     */
    public record OpsSettings(ControlSettings control, MetricsSettings metrics, AlertSettings alerts,
                              Path killSwitchFile, ShutdownSettings shutdown, StartupSettings startup) {
        public static final OpsSettings DEFAULT = new OpsSettings(ControlSettings.DEFAULT, MetricsSettings.DEFAULT,
            AlertSettings.DEFAULT, null, ShutdownSettings.DEFAULT, StartupSettings.DEFAULT);

        public OpsSettings {
            Objects.requireNonNull(control, "control");
            Objects.requireNonNull(metrics, "metrics");
            Objects.requireNonNull(alerts, "alerts");
            Objects.requireNonNull(shutdown, "shutdown");
            Objects.requireNonNull(startup, "startup");
        }
    }

    /**
     * {@code engine.control:} the local control endpoint (127.0.0.1 only).
     *
     * @param port     0 picks a free port
     * @param portFile where the bound port is written for {@code status}, {@code halt}, ... to find it
     */
    public record ControlSettings(boolean enabled, int port, Path portFile) {
        public static final ControlSettings DEFAULT = new ControlSettings(true, 0, Path.of("engine.port"));

        public ControlSettings {
            Objects.requireNonNull(portFile, "portFile");
        }
    }

    /**
     * {@code engine.metrics:} the Prometheus text endpoint (127.0.0.1 only).
     *
     * @param port {@link #SHARED} serves {@code /metrics} on the control endpoint; 0 picks a free port
     */
    public record MetricsSettings(boolean enabled, int port) {
        public static final int SHARED = -1;
        public static final MetricsSettings DEFAULT = new MetricsSettings(true, SHARED);
    }

    /**
     * {@code engine.alerts:} a Discord-compatible webhook.
     *
     * @param webhookUrl        null: alerts go to the console only
     * @param minIntervalMs     at most one post per this many milliseconds (others are queued or dropped)
     * @param disconnectAfterMs a feed disconnect lasting longer than this raises an alert
     * @param queueSize         alerts waiting for the sender; when full, new ones are dropped and counted
     */
    public record AlertSettings(String webhookUrl, long minIntervalMs, long disconnectAfterMs, int queueSize) {
        public static final AlertSettings DEFAULT = new AlertSettings(null, 2_000, 10_000, 64);
    }

    /** {@code engine.shutdown:} how long a stop waits for the exchange to confirm the cancels it sent. */
    public record ShutdownSettings(long cancelTimeoutMs) {
        public static final ShutdownSettings DEFAULT = new ShutdownSettings(5_000);
    }

    /** {@code engine.startup:} what to do with orders already resting on the exchange when the engine starts. */
    public record StartupSettings(OpenOrdersPolicy openOrders) {
        public static final StartupSettings DEFAULT = new StartupSettings(OpenOrdersPolicy.CANCEL);

        public StartupSettings {
            Objects.requireNonNull(openOrders, "openOrders");
        }
    }

    /**
     * {@code engine.threads:} stage-to-thread mapping, how consumers wait, and after how many µs of
     * nothing to do the business thread rehearses the quote path on a private market (0: never).
     */
    public record ThreadSettings(ThreadMapping mapping, WaitStrategyKind waitStrategy, long idleRehearsalUs) {
        public static final long DEFAULT_IDLE_REHEARSAL_US = 1_000;
        /** Below this the rehearsal would keep the business thread busy instead of using its idle time. */
        public static final long MIN_IDLE_REHEARSAL_US = 250;
        public static final long MAX_IDLE_REHEARSAL_US = 1_000_000;

        public ThreadSettings {
            Objects.requireNonNull(mapping, "mapping");
            Objects.requireNonNull(waitStrategy, "waitStrategy");
            if (idleRehearsalUs != 0 && (idleRehearsalUs < MIN_IDLE_REHEARSAL_US || idleRehearsalUs > MAX_IDLE_REHEARSAL_US)) {
                throw new IllegalArgumentException("idleRehearsalUs must be 0 or " + MIN_IDLE_REHEARSAL_US + ".."
                    + MAX_IDLE_REHEARSAL_US + ": " + idleRehearsalUs);
            }
        }

        public ThreadSettings(ThreadMapping mapping, WaitStrategyKind waitStrategy) {
            this(mapping, waitStrategy, DEFAULT_IDLE_REHEARSAL_US);
        }
    }

    /**
     * {@code engine.gateway:} how the REST gateway signs and connects (when orders go over REST).
     *
     * @param preSignMaxAgeMs            how old a pre-signed header may be when used (0: never pre-sign)
     * @param preSignOrderPathsPerSecond cap on the signatures a second the pacer spends keeping the amend,
     *                                   decrease and cancel paths of live orders pre-signed (0: off)
     * @param directConnections          keep-alive connections the sender writes on itself (0: OkHttp only)
     */
    public record GatewaySettings(long preSignMaxAgeMs, int preSignOrderPathsPerSecond, int directConnections) {
        public static final long MAX_PRE_SIGN_AGE_MS = 30_000;
        public static final int MAX_ORDER_PATH_SIGNATURES = 1_000;
        public static final int MAX_DIRECT_CONNECTIONS = 16;
        public static final GatewaySettings DEFAULT = new GatewaySettings(100, 0, 2);

        public GatewaySettings {
            if (preSignMaxAgeMs < 0 || preSignMaxAgeMs > MAX_PRE_SIGN_AGE_MS || preSignOrderPathsPerSecond < 0
                || preSignOrderPathsPerSecond > MAX_ORDER_PATH_SIGNATURES || directConnections < 0
                || directConnections > MAX_DIRECT_CONNECTIONS) {
                throw new IllegalArgumentException("gateway settings out of range: " + preSignMaxAgeMs + " ms, "
                    + preSignOrderPathsPerSecond + "/s, " + directConnections + " connections");
            }
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
    public record FeedSettings(FeedSource source, ScriptedFeedSettings scripted, SimulatorFeedSettings simulator,
                               KalshiFeedSettings kalshi, FairValueSettings fairValue) {
        public FeedSettings {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(scripted, "scripted");
            Objects.requireNonNull(simulator, "simulator");
            Objects.requireNonNull(kalshi, "kalshi");
            Objects.requireNonNull(fairValue, "fairValue");
        }
    }

    /**
     * {@code feed.fairValue:} external fair values (a model's probability, a sportsbook consensus) as
     * journaled events: an HTTP endpoint on 127.0.0.1 ({@code httpPort} −1 off, 0 any free port) and a
     * watched file ({@code file} absent: off). A value without its own lifetime gets {@code defaultLifetimeMs};
     * none may live longer than {@code maxLifetimeMs}.
     */
    public record FairValueSettings(int httpPort, Path file, long fileRecheckMs, long defaultLifetimeMs, long maxLifetimeMs) {
        public boolean enabled() {
            return httpPort >= 0 || file != null;
        }
    }

    /**
     * {@code feed.simulator:} the embedded Kalshi-compatible simulator the engine reads through its
     * WebSocket feed; {@code port} 0 picks a free loopback port; {@code fillDeltaOwner}: whose order id a
     * trade's book delta carries ({@link SimFillDeltaOwner}).
     */
    public record SimulatorFeedSettings(int markets, long seed, int port, long timerIntervalMs, SimFillDeltaOwner fillDeltaOwner) {
        public static final int MAX_MARKETS = 256;

        public SimulatorFeedSettings {
            Objects.requireNonNull(fillDeltaOwner, "fillDeltaOwner");
        }
    }

    /**
     * {@code feed.kalshi:} Kalshi's own API. Markets by ticker, by event (its open markets) and by series
     * (their open markets), resolved over REST at start. {@code restUrl}/{@code wsUrl} null: the hosts of
     * {@code engine.environment} (demo or prod); given: that server instead (a standalone simulator, an
     * alternate Kalshi host). {@code webSocket}: the client that carries the feed. Credentials never come from the file: {@code KALSHI_KEY_ID} and
     * {@code KALSHI_PRIVATE_KEY_PATH}.
     */
    public record KalshiFeedSettings(java.util.List<String> tickers, java.util.List<String> events,
                                     java.util.List<String> series, String restUrl, String wsUrl, WebSocketClient webSocket,
                                     long timerIntervalMs) {
        public static final String REST_SUFFIX = "/trade-api/v2";
        public static final String WS_SUFFIX = "/trade-api/ws/v2";
        /** Kalshi tickers fit the engine's 63-byte ticker field. */
        public static final int MAX_TICKER_LENGTH = 63;

        public KalshiFeedSettings {
            tickers = java.util.List.copyOf(tickers);
            events = java.util.List.copyOf(events);
            series = java.util.List.copyOf(series);
            Objects.requireNonNull(webSocket, "webSocket");
        }

        public boolean namesAnyMarket() {
            return !tickers.isEmpty() || !events.isEmpty() || !series.isEmpty();
        }

        public boolean hasUrls() {
            return restUrl != null && wsUrl != null;
        }
    }

    /** {@code feed.scripted:} the deterministic generator; one seed gives one event sequence. */
    public record ScriptedFeedSettings(int markets, long seed, int eventsPerSecond, long timerIntervalMs) {
        public static final int MAX_MARKETS = 256;
        public static final int MAX_EVENTS_PER_SECOND = 5_000_000;
        public static final long MAX_TIMER_INTERVAL_MS = 60_000;
    }
}

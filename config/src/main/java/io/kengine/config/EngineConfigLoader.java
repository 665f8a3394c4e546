package io.kengine.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kengine.config.EngineConfig.AlertSettings;
import io.kengine.config.EngineConfig.ControlSettings;
import io.kengine.config.EngineConfig.EngineSettings;
import io.kengine.config.EngineConfig.GatewaySettings;
import io.kengine.config.EngineConfig.MetricsSettings;
import io.kengine.config.EngineConfig.OpsSettings;
import io.kengine.config.EngineConfig.ShutdownSettings;
import io.kengine.config.EngineConfig.StartupSettings;
import io.kengine.config.EngineConfig.FeedSettings;
import io.kengine.config.EngineConfig.FairValueSettings;
import io.kengine.config.EngineConfig.JournalSettings;
import io.kengine.config.EngineConfig.KalshiFeedSettings;
import io.kengine.config.EngineConfig.RingSettings;
import io.kengine.config.EngineConfig.ScriptedFeedSettings;
import io.kengine.config.EngineConfig.SimulatorFeedSettings;
import io.kengine.config.EngineConfig.ThreadSettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code engine.yaml} into an {@link EngineConfig}. Jackson only parses the YAML into a tree;
 * this class walks the tree itself so that every problem is reported with its key path, and all
 * problems together in one {@link ConfigException}.
 */
public final class EngineConfigLoader {
    /** Where the shipped engine.yaml sits on the classpath. */
    public static final String DEFAULT_RESOURCE = "io/kengine/config/engine.yaml";

    // Decimals as BigDecimal with their trailing zeros: a price is parsed from its text, never a double.
    // Duplicate keys fail: with last-one-wins an edited value could be silently overridden.
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private EngineConfigLoader() {
    }

    public static EngineConfig load(Path file, List<ParameterDef> strategyParams) {
        return load(file, ParameterSchema.of(strategyParams));
    }

    /** @throws ConfigException listing every problem, or that the file cannot be read */
    public static EngineConfig load(Path file, ParameterSchema strategy) {
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of(new ConfigError("", "cannot read the file: " + e)));
        }
        return loadFromString(yaml, file.toString(), strategy);
    }

    public static EngineConfig loadFromString(String yaml, String sourceName, List<ParameterDef> strategyParams) {
        return loadFromString(yaml, sourceName, ParameterSchema.of(strategyParams));
    }

    /** @param sourceName names the input in error messages */
    public static EngineConfig loadFromString(String yaml, String sourceName, ParameterSchema strategy) {
        JsonNode root = parse(yaml, sourceName);
        ConfigErrors errors = new ConfigErrors();
        if (!root.isObject() && !root.isMissingNode() && !root.isNull()) {
            errors.add("", "expected a mapping with engine, feed and strategy at the top, found "
                + YamlNodes.describe(root));
        }
        YamlSection top = new YamlSection("", root, errors);
        EngineSettings engine = readEngine(top.section("engine"));
        FeedSettings feed = readFeed(top.section("feed"));
        ParameterSet params = StrategyTreeReader.read("strategy", top.child("strategy"), strategy, errors);
        top.rejectUnknownKeys();
        checkAcrossSections(engine, feed, errors);
        errors.throwIfAny(sourceName);
        return new EngineConfig(sourceName, engine, feed, params);
    }

    /** Reads the engine.yaml shipped inside the jar. */
    public static EngineConfig loadDefault(List<ParameterDef> strategyParams) {
        return loadDefault(ParameterSchema.of(strategyParams));
    }

    public static EngineConfig loadDefault(ParameterSchema strategy) {
        String source = "classpath:" + DEFAULT_RESOURCE;
        try (InputStream in = EngineConfigLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(source + " is missing: the config module was built without it");
            }
            return loadFromString(new String(in.readAllBytes(), StandardCharsets.UTF_8), source, strategy);
        } catch (IOException e) {
            throw new ConfigException(source, List.of(new ConfigError("", "cannot read the resource: " + e)));
        }
    }

    private static JsonNode parse(String yaml, String sourceName) {
        try {
            JsonNode root = YAML.readTree(yaml);
            return root == null ? MissingNode.getInstance() : root;
        } catch (JsonProcessingException e) {
            throw new ConfigException(sourceName, List.of(new ConfigError("", syntaxError(e))));
        }
    }

    /**
     * "invalid YAML at line 3, column 7: ..." from a Jackson/SnakeYAML message, keeping its
     * sentences and dropping the echoed source lines and carets.
     */
    static String syntaxError(JsonProcessingException e) {
        StringBuilder problem = new StringBuilder();
        for (String line : String.valueOf(e.getOriginalMessage()).split("\\R")) {
            if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
                problem.append(problem.length() == 0 ? "" : "; ").append(line.strip());
            }
        }
        String where = e.getLocation() == null ? ""
            : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return "invalid YAML" + where + ": " + problem;
    }

    private static EngineSettings readEngine(YamlSection s) {
        RunMode runMode = s.choice("runMode", RunMode.class, null);
        Environment environment = s.choice("environment", Environment.class, null);
        YamlSection t = s.section("threads");
        ThreadSettings threads = new ThreadSettings(
            t.choice("mapping", ThreadMapping.class, ThreadMapping.AUTO),
            t.choice("waitStrategy", WaitStrategyKind.class, WaitStrategyKind.AUTO),
            idleRehearsalUs(t));
        t.rejectUnknownKeys();
        YamlSection r = s.section("ring");
        RingSettings ring = new RingSettings(ringSize(r, "inboundSize", 16_384), ringSize(r, "outboundSize", 4_096));
        r.rejectUnknownKeys();
        YamlSection j = s.section("journal");
        JournalSettings journal = new JournalSettings(j.bool("enabled", true), Path.of(j.text("dir", "journal-data")));
        j.rejectUnknownKeys();
        long statusIntervalMs = s.integer("statusIntervalMs",
            EngineSettings.MIN_STATUS_INTERVAL_MS, EngineSettings.MAX_STATUS_INTERVAL_MS, 1_000);
        OpsSettings ops = readOps(s);
        YamlSection g = s.section("gateway");
        GatewaySettings gateway = new GatewaySettings(
            g.integer("preSignMaxAgeMs", 0, GatewaySettings.MAX_PRE_SIGN_AGE_MS, GatewaySettings.DEFAULT.preSignMaxAgeMs()),
            (int) g.integer("preSignOrderPathsPerSecond", 0, GatewaySettings.MAX_ORDER_PATH_SIGNATURES,
                GatewaySettings.DEFAULT.preSignOrderPathsPerSecond()),
            (int) g.integer("directConnections", 0, GatewaySettings.MAX_DIRECT_CONNECTIONS,
                GatewaySettings.DEFAULT.directConnections()));
        g.rejectUnknownKeys();
        s.rejectUnknownKeys();
        return new EngineSettings(runMode, environment, threads, ring, journal, statusIntervalMs, ops, gateway);
    }

    /** The operator sections of {@code engine:}; see {@link OpsSettings}. */
    private static OpsSettings readOps(YamlSection s) {
        YamlSection c = s.section("control");
        ControlSettings control = new ControlSettings(c.bool("enabled", true), (int) c.integer("port", 0, 65_535, 0),
            Path.of(c.text("portFile", "engine.port")));
        c.rejectUnknownKeys();

        YamlSection m = s.section("metrics");
        boolean metricsEnabled = m.bool("enabled", true);
        int metricsPort = (int) m.integer("port", 0, 65_535, MetricsSettings.SHARED);
        m.rejectUnknownKeys();
        if (metricsEnabled && !control.enabled() && metricsPort == MetricsSettings.SHARED) {
            s.errors().add(m.pathOf("port"), "required when engine.control.enabled is false:"
                + " metrics share the control endpoint unless they have a port of their own");
        }

        YamlSection a = s.section("alerts");
        String webhook = a.text("webhookUrl", null);
        if (webhook != null && !webhook.startsWith("https://") && !webhook.startsWith("http://")) {
            a.errors().add(a.pathOf("webhookUrl"), "expected an http:// or https:// URL, found \"" + webhook + "\"");
            webhook = null;
        } else if (webhook != null) {
            try {
                java.net.URI.create(webhook);
            } catch (IllegalArgumentException e) {
                a.errors().add(a.pathOf("webhookUrl"), "not a valid URL: " + e.getMessage());
                webhook = null;
            }
        }
        AlertSettings alerts = new AlertSettings(webhook,
            a.integer("minIntervalMs", 0, 3_600_000, AlertSettings.DEFAULT.minIntervalMs()),
            a.integer("disconnectAfterMs", 100, 3_600_000, AlertSettings.DEFAULT.disconnectAfterMs()),
            (int) a.integer("queueSize", 1, 10_000, AlertSettings.DEFAULT.queueSize()));
        a.rejectUnknownKeys();

        String killSwitch = s.text("killSwitchFile", null);

        YamlSection d = s.section("shutdown");
        ShutdownSettings shutdown = new ShutdownSettings(d.integer("cancelTimeoutMs", 100, 600_000,
            ShutdownSettings.DEFAULT.cancelTimeoutMs()));
        d.rejectUnknownKeys();

        YamlSection u = s.section("startup");
        StartupSettings startup = new StartupSettings(u.choice("openOrders", OpenOrdersPolicy.class,
            StartupSettings.DEFAULT.openOrders()));
        u.rejectUnknownKeys();

        if (control.enabled() && metricsEnabled && metricsPort != 0 && metricsPort == control.port()) {
            s.errors().add(m.pathOf("port"), metricsPort + " is also engine.control.port: leave engine.metrics.port"
                + " out to serve /metrics on the control endpoint");
        }
        return new OpsSettings(control, new MetricsSettings(metricsEnabled, metricsPort), alerts,
            killSwitch == null ? null : Path.of(killSwitch), shutdown, startup);
    }

    /** The environment variable that overrides {@code engine.environment}. */
    public static final String ENVIRONMENT_VARIABLE = "KENGINE_ENV";

    /**
     * Applies the environment variables a configuration file may be overridden by: today
     * {@code KENGINE_ENV} (sim | demo | prod) replaces {@code engine.environment}.
     *
     * @throws ConfigException naming the variable and the key it overrides when its value is not allowed
     */
    public static EngineConfig applyEnvironment(EngineConfig config, java.util.Map<String, String> env) {
        String value = env.get(ENVIRONMENT_VARIABLE);
        if (value == null || value.isEmpty()) {
            return config;
        }
        for (Environment e : Environment.values()) {
            if (e.configName().equals(value)) {
                return config.withEngine(config.engine().withEnvironment(e));
            }
        }
        java.util.List<String> allowed = new java.util.ArrayList<>();
        for (Environment e : Environment.values()) {
            allowed.add(e.configName());
        }
        String hint = KeySuggestions.closest(value, allowed);
        throw new ConfigException(config.source(), List.of(new ConfigError("engine.environment",
            "overridden by " + ENVIRONMENT_VARIABLE + "=\"" + value + "\", expected one of " + String.join(", ", allowed)
                + (hint == null ? "" : " (did you mean '" + hint + "'?)"))));
    }

    private static long idleRehearsalUs(YamlSection t) {
        long us = t.integer("idleRehearsalUs", 0, ThreadSettings.MAX_IDLE_REHEARSAL_US, ThreadSettings.DEFAULT_IDLE_REHEARSAL_US);
        if (us != 0 && us < ThreadSettings.MIN_IDLE_REHEARSAL_US) {
            t.errors().add(t.pathOf("idleRehearsalUs"), us + " is below " + ThreadSettings.MIN_IDLE_REHEARSAL_US
                + " (0 turns rehearsal off)");
            return ThreadSettings.DEFAULT_IDLE_REHEARSAL_US;
        }
        return us;
    }

    private static int ringSize(YamlSection s, String name, int fallback) {
        int size = (int) s.integer(name, RingSettings.MIN_SIZE, RingSettings.MAX_SIZE, fallback);
        if (Integer.bitCount(size) != 1) {
            int below = Integer.highestOneBit(size);
            s.errors().add(s.pathOf(name), size + " is not a power of two (nearest: " + below + " or " + below * 2 + ")");
            return fallback;
        }
        return size;
    }

    private static FeedSettings readFeed(YamlSection s) {
        FeedSource source = s.choice("source", FeedSource.class, FeedSource.SIMULATOR);
        YamlSection g = s.section("scripted");
        ScriptedFeedSettings scripted = new ScriptedFeedSettings(
            (int) g.integer("markets", 1, ScriptedFeedSettings.MAX_MARKETS, 4),
            g.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, 20_261_121L),
            (int) g.integer("eventsPerSecond", 1, ScriptedFeedSettings.MAX_EVENTS_PER_SECOND, 5_000),
            g.integer("timerIntervalMs", 1, ScriptedFeedSettings.MAX_TIMER_INTERVAL_MS, 100));
        g.rejectUnknownKeys();
        YamlSection m = s.section("simulator");
        SimulatorFeedSettings simulator = new SimulatorFeedSettings(
            (int) m.integer("markets", 1, SimulatorFeedSettings.MAX_MARKETS, 4),
            m.integer("seed", Long.MIN_VALUE, Long.MAX_VALUE, 20_261_121L),
            (int) m.integer("port", 0, 65_535, 0),
            m.integer("timerIntervalMs", 1, ScriptedFeedSettings.MAX_TIMER_INTERVAL_MS, 100),
            m.choice("fillDeltaOwner", SimFillDeltaOwner.class, SimFillDeltaOwner.MAKER));
        m.rejectUnknownKeys();
        KalshiFeedSettings kalshi = readKalshi(s.section("kalshi"));
        YamlSection f = s.section("fairValue");
        String file = f.text("file", "");
        FairValueSettings fairValue = new FairValueSettings(
            (int) f.integer("httpPort", -1, 65_535, -1),
            file.isBlank() ? null : Path.of(file),
            f.integer("fileRecheckMs", 10, 60_000, 1_000),
            f.integer("defaultLifetimeMs", 1, 86_400_000, 60_000),
            f.integer("maxLifetimeMs", 1, 86_400_000, 3_600_000));
        if (fairValue.defaultLifetimeMs() > fairValue.maxLifetimeMs()) {
            f.errors().add(f.pathOf("defaultLifetimeMs"), fairValue.defaultLifetimeMs() + " is above maxLifetimeMs "
                + fairValue.maxLifetimeMs());
        }
        f.rejectUnknownKeys();
        s.rejectUnknownKeys();
        return new FeedSettings(source, scripted, simulator, kalshi, fairValue);
    }

    private static KalshiFeedSettings readKalshi(YamlSection k) {
        List<String> tickers = tickerList(k, "tickers");
        List<String> events = tickerList(k, "events");
        List<String> series = tickerList(k, "series");
        String restUrl = url(k, "restUrl", KalshiFeedSettings.REST_SUFFIX, "http://", "https://");
        String wsUrl = url(k, "wsUrl", KalshiFeedSettings.WS_SUFFIX, "ws://", "wss://");
        boolean restGiven = !k.child("restUrl").isMissingNode();
        if (restGiven != !k.child("wsUrl").isMissingNode()) {
            k.errors().add(k.pathOf(restGiven ? "wsUrl" : "restUrl"),
                "missing: give restUrl and wsUrl together (both name the same exchange), or neither");
        }
        WebSocketClient client = k.choice("webSocket", WebSocketClient.class, WebSocketClient.DIRECT);
        long timers = k.integer("timerIntervalMs", 1, ScriptedFeedSettings.MAX_TIMER_INTERVAL_MS, 100);
        k.rejectUnknownKeys();
        return new KalshiFeedSettings(tickers, events, series, restUrl, wsUrl, client, timers);
    }

    /** Tickers as Kalshi spells them: printable ASCII without spaces, at most 63 characters, each once. */
    private static List<String> tickerList(YamlSection k, String name) {
        List<String> out = new ArrayList<>();
        List<String> given = k.texts(name);
        for (int i = 0; i < given.size(); i++) {
            String t = given.get(i);
            String where = k.pathOf(name) + "[" + i + "]";
            if (t.length() > KalshiFeedSettings.MAX_TICKER_LENGTH || !t.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
                k.errors().add(where, "'" + t + "' is not a Kalshi ticker (printable ASCII without spaces, at most "
                    + KalshiFeedSettings.MAX_TICKER_LENGTH + " characters)");
            } else if (out.contains(t)) {
                k.errors().add(where, "'" + t + "' is listed twice");
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private static String url(YamlSection k, String name, String suffix, String plain, String secure) {
        String u = k.text(name, null);
        if (u == null) {
            return null;
        }
        String trimmed = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        if (!(trimmed.startsWith(plain) || trimmed.startsWith(secure)) || !trimmed.endsWith(suffix)
            || trimmed.length() <= secure.length() + suffix.length() - 1 || trimmed.contains(" ") || trimmed.contains("?")) {
            k.errors().add(k.pathOf(name), "'" + u + "' is not a " + plain + " or " + secure + " URL ending in " + suffix
                + " (e.g. " + secure + "external-api" + (plain.startsWith("ws") ? "-ws" : "") + ".kalshi.com" + suffix + ")");
            return null;
        }
        return trimmed;
    }

    private static void checkAcrossSections(EngineSettings engine, FeedSettings feed, ConfigErrors errors) {
        KalshiFeedSettings k = feed.kalshi();
        if (feed.source() == FeedSource.KALSHI) {
            if (!k.namesAnyMarket()) {
                errors.add("feed.kalshi.tickers", "feed.source is kalshi but no market is named:"
                    + " list tickers, events or series under feed.kalshi");
            }
            if (engine.environment() == Environment.SIM && !k.hasUrls()) {
                errors.add("feed.kalshi.restUrl", "engine.environment is sim, which has no Kalshi host: set"
                    + " feed.kalshi.restUrl and wsUrl to the simulator's (e.g. `engine.jar sim --port 8099`:"
                    + " http://127.0.0.1:8099/trade-api/v2 and ws://127.0.0.1:8099/trade-api/ws/v2),"
                    + " or set engine.environment to demo or prod");
            }
        }
        if (engine.runMode() == RunMode.LIVE && !engine.journal().enabled()) {
            errors.add("engine.journal.enabled", "must be true when engine.runMode is live:"
                + " no order may leave the process before its intent is journaled");
        }
    }
}

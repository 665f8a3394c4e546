package io.kengine.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kengine.config.EngineConfig.EngineSettings;
import io.kengine.config.EngineConfig.FeedSettings;
import io.kengine.config.EngineConfig.JournalSettings;
import io.kengine.config.EngineConfig.RingSettings;
import io.kengine.config.EngineConfig.ScriptedFeedSettings;
import io.kengine.config.EngineConfig.SimulatorFeedSettings;
import io.kengine.config.EngineConfig.ThreadSettings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        checkAcrossSections(engine, errors);
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
            t.choice("mapping", ThreadMapping.class, ThreadMapping.FUSED),
            t.choice("waitStrategy", WaitStrategyKind.class, WaitStrategyKind.AUTO));
        t.rejectUnknownKeys();
        YamlSection r = s.section("ring");
        RingSettings ring = new RingSettings(ringSize(r, "inboundSize", 16_384), ringSize(r, "outboundSize", 4_096));
        r.rejectUnknownKeys();
        YamlSection j = s.section("journal");
        JournalSettings journal = new JournalSettings(j.bool("enabled", true), Path.of(j.text("dir", "journal-data")));
        j.rejectUnknownKeys();
        long statusIntervalMs = s.integer("statusIntervalMs",
            EngineSettings.MIN_STATUS_INTERVAL_MS, EngineSettings.MAX_STATUS_INTERVAL_MS, 1_000);
        s.rejectUnknownKeys();
        return new EngineSettings(runMode, environment, threads, ring, journal, statusIntervalMs);
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
            m.integer("timerIntervalMs", 1, ScriptedFeedSettings.MAX_TIMER_INTERVAL_MS, 100));
        m.rejectUnknownKeys();
        s.rejectUnknownKeys();
        return new FeedSettings(source, scripted, simulator);
    }

    private static void checkAcrossSections(EngineSettings engine, ConfigErrors errors) {
        if (engine.runMode() == RunMode.LIVE && !engine.journal().enabled()) {
            errors.add("engine.journal.enabled", "must be true when engine.runMode is live:"
                + " no order may leave the process before its intent is journaled");
        }
    }
}

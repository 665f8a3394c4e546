package io.kengine.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineConfigLoaderTest {
    private static final String VALID = String.join("\n",
        "engine:",
        "  runMode: live",
        "  environment: demo",
        "  threads:",
        "    mapping: per-stage",
        "    waitStrategy: phased-backoff",
        "  ring:",
        "    inboundSize: 1024",
        "    outboundSize: 64",
        "  journal:",
        "    enabled: true",
        "    dir: /var/kengine/journal",
        "  statusIntervalMs: 250",
        "feed:",
        "  source: scripted",
        "  scripted:",
        "    markets: 16",
        "    seed: -3",
        "    eventsPerSecond: 100000",
        "    timerIntervalMs: 50",
        "strategy:",
        "  pricing:",
        "    m0:",
        "      edge: \"0.03\"",
        "      size: \"2.5\"",
        "  risk:",
        "    maxOrderSize: \"20\"",
        "    maxPosition: \"40.00\"",
        "");

    /** The smallest valid file: the two required keys. */
    private static final String MINIMAL = "engine:\n  runMode: paper\n  environment: sim\n";

    private static EngineConfig load(String yaml) {
        return EngineConfigLoader.loadFromString(yaml, "test.yaml", SampleParams.SCHEMA);
    }

    private static List<ConfigError> errors(String yaml) {
        return assertThrows(ConfigException.class, () -> load(yaml)).errors();
    }

    private static ConfigError onlyError(String yaml) {
        List<ConfigError> errors = errors(yaml);
        assertEquals(1, errors.size(), errors::toString);
        return errors.get(0);
    }

    @Test
    void loadsEveryKey() {
        EngineConfig c = load(VALID);
        assertEquals("test.yaml", c.source());
        assertEquals(RunMode.LIVE, c.engine().runMode());
        assertEquals(Environment.DEMO, c.engine().environment());
        assertEquals(ThreadMapping.PER_STAGE, c.engine().threads().mapping());
        assertEquals(WaitStrategyKind.PHASED_BACKOFF, c.engine().threads().waitStrategy());
        assertEquals(1024, c.engine().ring().inboundSize());
        assertEquals(64, c.engine().ring().outboundSize());
        assertTrue(c.engine().journal().enabled());
        assertEquals(Path.of("/var/kengine/journal"), c.engine().journal().dir());
        assertEquals(250, c.engine().statusIntervalMs());
        assertEquals(FeedSource.SCRIPTED, c.feed().source());
        assertEquals(new EngineConfig.ScriptedFeedSettings(16, -3, 100_000, 50), c.feed().scripted());
        assertEquals(300, c.strategy().price("pricing.m0.edge"));
        assertEquals("2.50", c.strategy().value("pricing.m0.size"));
        assertEquals(2_000, c.strategy().count("risk.maxOrderSize"));
        assertEquals(4_000, c.strategy().count("risk.maxPosition"));
    }

    @Test
    void missingKeysTakeTheirDefaults() {
        EngineConfig c = load(MINIMAL);
        assertEquals(RunMode.PAPER, c.engine().runMode());
        assertEquals(new EngineConfig.ThreadSettings(ThreadMapping.AUTO, WaitStrategyKind.AUTO), c.engine().threads());
        assertEquals(new EngineConfig.RingSettings(16_384, 4_096), c.engine().ring());
        assertEquals(new EngineConfig.JournalSettings(true, Path.of("journal-data")), c.engine().journal());
        assertEquals(1000, c.engine().statusIntervalMs());
        assertEquals(new EngineConfig.ScriptedFeedSettings(4, 20_261_121L, 5_000, 100), c.feed().scripted());
        assertEquals(ParameterSet.defaults(SampleParams.SCHEMA), c.strategy());
        // An empty section is the same as an absent one.
        assertEquals(c.strategy(), load(MINIMAL + "strategy:\n  pricing:\n").strategy());
    }

    @Test
    void unknownKeysAreNamedWithASuggestion() {
        assertEquals("engine.ring.inboundSise: unknown key (did you mean 'inboundSize'?)",
            onlyError(MINIMAL + "  ring:\n    inboundSise: 1024\n").toString());
        assertEquals("engine.runmode: unknown key (did you mean 'runMode'?)",
            errors("engine:\n  runmode: paper\n  environment: sim\n").get(1).toString());
        assertEquals("strategy.pricing.m0.egde: unknown key (did you mean 'edge'?)",
            onlyError(MINIMAL + "strategy:\n  pricing:\n    m0:\n      egde: \"0.01\"\n").toString());
        assertEquals("strategy.pricng: unknown key (did you mean 'pricing'?)",
            onlyError(MINIMAL + "strategy:\n  pricng:\n    m0:\n      edge: \"0.01\"\n").toString());
        assertEquals("feeds: unknown key (did you mean 'feed'?)", onlyError(MINIMAL + "feeds: {}\n").toString());
        assertEquals("engine.colour: unknown key (expected runMode, environment, threads, ring, journal,"
            + " statusIntervalMs, control, metrics, ...)", onlyError(MINIMAL + "  colour: blue\n").toString());
    }

    @Test
    void strategyKeysMayAlsoBeWrittenDotted() {
        EngineConfig c = load(MINIMAL + "strategy:\n  pricing.m0.edge: \"0.05\"\n  risk:\n    maxPosition: 600\n");
        assertEquals(500, c.strategy().price("pricing.m0.edge"));
        assertEquals(60_000, c.strategy().count("risk.maxPosition"));
        assertEquals("strategy.pricing.m0.edge: set more than once",
            onlyError(MINIMAL + "strategy:\n  pricing.m0.edge: \"0.05\"\n  pricing:\n    m0:\n      edge: \"0.04\"\n")
                .toString());
    }

    @Test
    void wrongTypesAreNamed() {
        assertEquals("engine.ring.inboundSize: expected an integer, found the string \"big\"",
            onlyError(MINIMAL + "  ring:\n    inboundSize: big\n").toString());
        assertEquals("engine.ring.inboundSize: expected an integer, found the string \"1024\"",
            onlyError(MINIMAL + "  ring:\n    inboundSize: \"1024\"\n").toString());
        assertEquals("feed.scripted.markets: expected an integer, found the number 2.5",
            onlyError(MINIMAL + "feed:\n  scripted:\n    markets: 2.5\n").toString());
        assertEquals("engine.journal.enabled: expected true or false, found the string \"maybe\"",
            onlyError(MINIMAL + "  journal:\n    enabled: maybe\n").toString());
        assertEquals("engine.journal.dir: expected a non-empty string, found a list",
            onlyError(MINIMAL + "  journal:\n    dir: [a, b]\n").toString());
        assertEquals("engine.threads: expected a mapping, found the string \"fused\"",
            onlyError(MINIMAL + "  threads: fused\n").toString());
        ConfigError price = onlyError(MINIMAL + "strategy:\n  pricing:\n    m0:\n      edge: abc\n");
        assertEquals("strategy.pricing.m0.edge", price.keyPath());
        assertTrue(price.reason().startsWith("invalid price \"abc\""), price.reason());
        assertEquals("strategy.pricing.m0: expected a mapping of edge, size, found the number 5",
            onlyError(MINIMAL + "strategy:\n  pricing:\n    m0: 5\n").toString());
        assertEquals("strategy.risk.maxPosition: expected a count, found a mapping",
            onlyError(MINIMAL + "strategy:\n  risk:\n    maxPosition:\n      value: 5\n").toString());
        assertEquals("strategy: expected a mapping, found a list",
            onlyError(MINIMAL + "strategy: [1, 2]\n").toString());
    }

    @Test
    void missingValuesAreNamed() {
        List<ConfigError> errors = errors("engine:\n  threads:\n    mapping: fused\n");
        assertEquals(List.of(new ConfigError("engine.runMode", "missing required value"),
            new ConfigError("engine.environment", "missing required value")), errors);
        assertEquals("engine.statusIntervalMs: missing value",
            onlyError(MINIMAL + "  statusIntervalMs:\n").toString());
        assertEquals("strategy.pricing.m0.edge: missing value (expected a price)",
            onlyError(MINIMAL + "strategy:\n  pricing:\n    m0:\n      edge:\n").toString());
        assertEquals(2, errors("").size(), "an empty file lacks the required keys");
    }

    @Test
    void outOfRangeAndImpossibleValuesAreNamed() {
        assertEquals("engine.ring.inboundSize: 16000 is not a power of two (nearest: 8192 or 16384)",
            onlyError(MINIMAL + "  ring:\n    inboundSize: 16000\n").toString());
        assertEquals("engine.ring.outboundSize: 32 is out of range 64..1048576",
            onlyError(MINIMAL + "  ring:\n    outboundSize: 32\n").toString());
        assertEquals("engine.statusIntervalMs: 99 is out of range 100..60000",
            onlyError(MINIMAL + "  statusIntervalMs: 99\n").toString());
        assertEquals("feed.scripted.markets: 0 is out of range 1..256",
            onlyError(MINIMAL + "feed:\n  scripted:\n    markets: 0\n").toString());
        assertEquals("feed.scripted.seed: 99999999999999999999 is out of range "
                + Long.MIN_VALUE + ".." + Long.MAX_VALUE,
            onlyError(MINIMAL + "feed:\n  scripted:\n    seed: 99999999999999999999\n").toString());
        ConfigError edge = onlyError(MINIMAL + "strategy:\n  pricing:\n    m0:\n      edge: \"-0.01\"\n");
        assertEquals("strategy.pricing.m0.edge", edge.keyPath());
        assertTrue(edge.reason().startsWith("invalid price \"-0.01\""), edge.reason());
        assertEquals("strategy.pricing.m0.size: 0.00 is below the minimum 0.01",
            onlyError(MINIMAL + "strategy:\n  pricing:\n    m0:\n      size: \"0.00\"\n").toString());
    }

    @Test
    void idleRehearsalIsOnByDefaultAndCanBeTurnedOffOrTuned() {
        assertEquals(1_000, load(MINIMAL).engine().threads().idleRehearsalUs());
        assertEquals(0, load(MINIMAL + "  threads:\n    idleRehearsalUs: 0\n").engine().threads().idleRehearsalUs());
        assertEquals(250, load(MINIMAL + "  threads:\n    idleRehearsalUs: 250\n").engine().threads().idleRehearsalUs());
        assertEquals("engine.threads.idleRehearsalUs: 100 is below 250 (0 turns rehearsal off)",
            onlyError(MINIMAL + "  threads:\n    idleRehearsalUs: 100\n").toString());
        assertEquals("engine.threads.idleRehearsalUs: 2000000 is out of range 0..1000000",
            onlyError(MINIMAL + "  threads:\n    idleRehearsalUs: 2000000\n").toString());
        assertThrows(IllegalArgumentException.class,
            () -> new EngineConfig.ThreadSettings(ThreadMapping.AUTO, WaitStrategyKind.AUTO, 10));
    }

    @Test
    void gatewaySettingsHaveDefaultsAndRanges() {
        assertEquals(EngineConfig.GatewaySettings.DEFAULT, load(MINIMAL).engine().gateway());
        assertEquals(new EngineConfig.GatewaySettings(1_000, 200, 0), load(MINIMAL + "  gateway:\n    preSignMaxAgeMs: 1000\n"
            + "    preSignOrderPathsPerSecond: 200\n    directConnections: 0\n").engine().gateway());
        assertEquals("engine.gateway.preSignMaxAgeMs: 60000 is out of range 0..30000",
            onlyError(MINIMAL + "  gateway:\n    preSignMaxAgeMs: 60000\n").toString());
        assertEquals("engine.gateway.directConnections: 17 is out of range 0..16",
            onlyError(MINIMAL + "  gateway:\n    directConnections: 17\n").toString());
        assertTrue(onlyError(MINIMAL + "  gateway:\n    presign: 1\n").toString().startsWith("engine.gateway.presign"));
    }

    @Test
    void crossFieldConstraintsAreNamed() {
        assertEquals("strategy.risk.maxOrderSize: 600.00 is above strategy.risk.maxPosition (500.00)",
            onlyError(MINIMAL + "strategy:\n  risk:\n    maxOrderSize: \"600\"\n").toString());
        assertEquals("engine.journal.enabled: must be true when engine.runMode is live:"
                + " no order may leave the process before its intent is journaled",
            onlyError("engine:\n  runMode: live\n  environment: sim\n  journal:\n    enabled: false\n").toString());
    }

    @Test
    void enumValuesMustBeAllowed() {
        assertEquals("engine.threads.waitStrategy: expected one of auto, busy-spin, spin-yield, yielding, sleeping, blocking,"
                + " phased-backoff, found the string \"busy_spin\" (did you mean 'busy-spin'?)",
            onlyError(MINIMAL + "  threads:\n    waitStrategy: busy_spin\n").toString());
        assertEquals("engine.runMode: expected one of paper, live, found the boolean true",
            onlyError("engine:\n  runMode: yes\n  environment: sim\n").toString());
        assertEquals("feed.source: expected one of simulator, kalshi, scripted, found the string \"websocket\"",
            onlyError(MINIMAL + "feed:\n  source: websocket\n").toString());
    }

    @Test
    void kalshiSourceReadsItsMarketsAndUrls() {
        EngineConfig c = load("engine:\n  runMode: paper\n  environment: demo\nfeed:\n  source: kalshi\n  kalshi:\n"
            + "    tickers: [KXFED-26DEC-T3.00, KXCPI-26DEC-T0.3]\n    events:\n      - KXNBAGAME-26DEC01LALBOS\n"
            + "    series: [KXBTCD]\n    webSocket: okhttp\n    timerIntervalMs: 50\n");
        EngineConfig.KalshiFeedSettings k = c.feed().kalshi();
        assertEquals(FeedSource.KALSHI, c.feed().source());
        assertEquals(List.of("KXFED-26DEC-T3.00", "KXCPI-26DEC-T0.3"), k.tickers());
        assertEquals(List.of("KXNBAGAME-26DEC01LALBOS"), k.events());
        assertEquals(List.of("KXBTCD"), k.series());
        assertEquals(50, k.timerIntervalMs());
        assertEquals(WebSocketClient.OKHTTP, k.webSocket());
        assertFalse(k.hasUrls()); // demo: Kalshi's demo hosts

        EngineConfig sim = load(MINIMAL + "feed:\n  source: kalshi\n  kalshi:\n    tickers: [A]\n"
            + "    restUrl: http://127.0.0.1:8099/trade-api/v2/\n    wsUrl: ws://127.0.0.1:8099/trade-api/ws/v2\n");
        assertEquals("http://127.0.0.1:8099/trade-api/v2", sim.feed().kalshi().restUrl());
        assertEquals(WebSocketClient.DIRECT, sim.feed().kalshi().webSocket());
        assertEquals("ws://127.0.0.1:8099/trade-api/ws/v2", sim.feed().kalshi().wsUrl());
        // the section is read (and checked) whatever the source, but only required when it is the source
        assertTrue(load(MINIMAL).feed().kalshi().tickers().isEmpty());
    }

    @Test
    void kalshiSourceMistakesAreNamed() {
        String kalshi = MINIMAL + "feed:\n  source: kalshi\n  kalshi:\n";
        String urls = "    restUrl: http://127.0.0.1:1/trade-api/v2\n    wsUrl: ws://127.0.0.1:1/trade-api/ws/v2\n";
        assertEquals("feed.kalshi.tickers: feed.source is kalshi but no market is named: list tickers, events or series"
                + " under feed.kalshi", onlyError(kalshi + urls).toString());
        assertTrue(onlyError(kalshi + "    tickers: [A]\n").toString().startsWith(
            "feed.kalshi.restUrl: engine.environment is sim, which has no Kalshi host: set feed.kalshi.restUrl and wsUrl"));
        assertEquals("feed.kalshi.tickers[1]: 'A' is listed twice", onlyError(kalshi + urls + "    tickers: [A, A]\n").toString());
        assertEquals("feed.kalshi.tickers[1]: 'A B' is not a Kalshi ticker (printable ASCII without spaces, at most 63"
                + " characters)", onlyError(kalshi + urls + "    tickers: [B, A B]\n").toString());
        assertEquals("feed.kalshi.events: expected a list of strings, found the string \"KXCPI\"",
            onlyError(kalshi + urls + "    tickers: [B]\n    events: KXCPI\n").toString());
        assertEquals("feed.kalshi.series[0]: expected a non-empty string, found the number 5",
            onlyError(kalshi + urls + "    tickers: [B]\n    series: [5]\n").toString());
        assertEquals("feed.kalshi.wsUrl: missing: give restUrl and wsUrl together (both name the same exchange), or neither",
            onlyError("engine:\n  runMode: paper\n  environment: demo\nfeed:\n  source: kalshi\n  kalshi:\n"
                + "    tickers: [A]\n    restUrl: http://127.0.0.1:1/trade-api/v2\n").toString());
        assertTrue(onlyError("engine:\n  runMode: paper\n  environment: prod\nfeed:\n  kalshi:\n"
                + "    restUrl: https://external-api.kalshi.com/trade-api/v3\n    wsUrl: wss://external-api-ws.kalshi.com/trade-api/ws/v2\n")
            .toString().startsWith("feed.kalshi.restUrl: 'https://external-api.kalshi.com/trade-api/v3' is not a http:// or"
                + " https:// URL ending in /trade-api/v2"));
    }

    @Test
    void everyErrorIsReportedTogetherInDocumentOrder() {
        String yaml = String.join("\n",
            "engine:",
            "  runMode: paperr",
            "  ring:",
            "    inboundSize: 1000",
            "  statusIntervalMs: fast",
            "feed:",
            "  scripted:",
            "    markets: 1000",
            "strategy:",
            "  pricing:",
            "    m0:",
            "      edge: abc",
            "      size: \"0\"",
            "  risk:",
            "    maxPositon: \"5\"",
            "");
        ConfigException e = assertThrows(ConfigException.class, () -> load(yaml));
        List<String> paths = e.errors().stream().map(ConfigError::keyPath).toList();
        assertEquals(List.of("engine.runMode", "engine.environment", "engine.ring.inboundSize",
            "engine.statusIntervalMs", "feed.scripted.markets", "strategy.risk.maxPositon",
            "strategy.pricing.m0.edge", "strategy.pricing.m0.size"), paths);
        assertTrue(e.getMessage().startsWith("test.yaml: 8 configuration errors"), e.getMessage());
        for (ConfigError error : e.errors()) {
            assertTrue(e.getMessage().contains(System.lineSeparator() + "  " + error.keyPath() + ": "
                + error.reason()), error::toString);
        }
    }

    @Test
    void unquotedDecimalsAreReadExactlyFromTheirText() {
        EngineConfig c = load(MINIMAL + "strategy:\n  pricing:\n    m0:\n      edge: 0.1\n      size: 2.50\n");
        assertEquals(1000, c.strategy().price("pricing.m0.edge"));
        assertEquals("0.1000", c.strategy().value("pricing.m0.edge"));
        assertEquals(250, c.strategy().count("pricing.m0.size"));
        assertEquals(3, load(MINIMAL + "strategy:\n  pricing:\n    m0:\n      edge: 0.0003\n")
            .strategy().price("pricing.m0.edge"));
        // 0.29 and 0.57 are the classic doubles that do not round-trip through cents.
        assertEquals(2900, load(MINIMAL + "strategy:\n  pricing:\n    m0:\n      edge: 0.29\n")
            .strategy().price("pricing.m0.edge"));
        assertEquals(5700, load(MINIMAL + "strategy:\n  risk:\n    maxOrderSize: 57\n")
            .strategy().count("risk.maxOrderSize"));
        assertEquals(100, load(MINIMAL + "strategy:\n  pricing:\n    m0:\n      edge: 1e-2\n")
            .strategy().price("pricing.m0.edge"));
        ConfigError tooFine = onlyError(MINIMAL + "strategy:\n  pricing:\n    m0:\n      edge: 0.12345\n");
        assertEquals("strategy.pricing.m0.edge", tooFine.keyPath());
        assertTrue(tooFine.reason().contains("more than 4 decimals"), tooFine.reason());
        // 17 significant digits: a double would have rounded this to 0.1.
        assertFalse(errors(MINIMAL + "strategy:\n  pricing:\n    m0:\n      edge: 0.10000000000000001\n")
            .isEmpty());
    }

    @Test
    void yamlSyntaxAndDuplicateKeysAreReportedWithTheirLine() {
        ConfigError syntax = onlyError("engine:\n  runMode: [paper\n  environment: sim\n");
        assertEquals("", syntax.keyPath());
        assertTrue(syntax.reason().startsWith("invalid YAML at line "), syntax.reason());
        ConfigError duplicate = onlyError(MINIMAL + "  runMode: live\n");
        assertTrue(duplicate.reason().startsWith("invalid YAML at line 4"), duplicate.reason());
        assertTrue(duplicate.reason().contains("Duplicate field 'runMode'"), duplicate.reason());
        assertEquals("expected a mapping with engine, feed and strategy at the top, found the string \"hello\"",
            errors("hello").get(0).toString());
    }

    @Test
    void loadsFromAFileAndNamesTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("engine.yaml");
        Files.writeString(file, VALID);
        assertEquals(file.toString(), EngineConfigLoader.load(file, SampleParams.SCHEMA).source());
        ConfigException missing = assertThrows(ConfigException.class,
            () -> EngineConfigLoader.load(dir.resolve("nope.yaml"), SampleParams.DEFS));
        assertTrue(missing.getMessage().startsWith(dir.resolve("nope.yaml") + ": 1 configuration error"));
        assertTrue(missing.errors().get(0).reason().startsWith("cannot read the file"));
    }

    @Test
    void withoutDeclaredParametersAnyStrategyKeyIsUnknown() {
        assertEquals("strategy.pricing: unknown key (nothing is expected here)",
            onlyErrorWith(List.of(), MINIMAL + "strategy:\n  pricing:\n    m0:\n      edge: 0.1\n").toString());
    }

    private static ConfigError onlyErrorWith(List<ParameterDef> defs, String yaml) {
        List<ConfigError> errors = assertThrows(ConfigException.class,
            () -> EngineConfigLoader.loadFromString(yaml, "test.yaml", defs)).errors();
        assertEquals(1, errors.size(), errors::toString);
        return errors.get(0);
    }

    @org.junit.jupiter.api.Test
    void simulatorFeedSectionHasDefaultsAndIsValidated() {
        EngineConfig c = load(MINIMAL);
        org.junit.jupiter.api.Assertions.assertEquals(FeedSource.SIMULATOR, c.feed().source());
        org.junit.jupiter.api.Assertions.assertEquals(new EngineConfig.SimulatorFeedSettings(4, 20_261_121L, 0, 100, SimFillDeltaOwner.MAKER), c.feed().simulator());
        org.junit.jupiter.api.Assertions.assertEquals("feed.simulator.port: 70000 is out of range 0..65535",
            onlyError(MINIMAL + "feed:\n  simulator:\n    port: 70000\n").toString());
    }

    @org.junit.jupiter.api.Test
    void theSimulatorsFillDeltaOwnerIsOneOfKalshisPossibleReadings() {
        org.junit.jupiter.api.Assertions.assertEquals(SimFillDeltaOwner.TAKER,
            load(MINIMAL + "feed:\n  simulator:\n    fillDeltaOwner: taker\n").feed().simulator().fillDeltaOwner());
        org.junit.jupiter.api.Assertions.assertEquals(SimFillDeltaOwner.NONE,
            load(MINIMAL + "feed:\n  simulator:\n    fillDeltaOwner: none\n").feed().simulator().fillDeltaOwner());
        String error = onlyError(MINIMAL + "feed:\n  simulator:\n    fillDeltaOwner: takr\n").toString();
        org.junit.jupiter.api.Assertions.assertTrue(error.startsWith("feed.simulator.fillDeltaOwner: expected one of maker, taker, none"), error);
        org.junit.jupiter.api.Assertions.assertTrue(error.contains("did you mean 'taker'"), error);
    }
}

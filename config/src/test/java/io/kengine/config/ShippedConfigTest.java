package io.kengine.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The engine.yaml users edit, and its copy inside the jar, load cleanly and say what the defaults say. */
class ShippedConfigTest {

    @Test
    void theFileAtTheModuleRootLoads() {
        EngineConfig c = EngineConfigLoader.load(Path.of("engine.yaml"), SampleParams.SCHEMA);
        assertEquals(RunMode.PAPER, c.engine().runMode());
        assertEquals(Environment.SIM, c.engine().environment());
        assertEquals("0.0200", c.strategy().value("pricing.m0.edge"));
        assertEquals("500.00", c.strategy().value("risk.maxPosition"));
    }

    @Test
    void theClasspathCopyLoadsAndMatchesTheFile() {
        EngineConfig shipped = EngineConfigLoader.loadDefault(SampleParams.SCHEMA);
        EngineConfig file = EngineConfigLoader.load(Path.of("engine.yaml"), SampleParams.SCHEMA);
        assertEquals("classpath:" + EngineConfigLoader.DEFAULT_RESOURCE, shipped.source());
        assertEquals(file.engine(), shipped.engine());
        assertEquals(file.feed(), shipped.feed());
        assertEquals(file.strategy(), shipped.strategy());
    }

    @Test
    void theShippedValuesAreTheDefaults() {
        EngineConfig shipped = EngineConfigLoader.loadDefault(SampleParams.DEFS);
        EngineConfig minimal = EngineConfigLoader.loadFromString(
            "engine:\n  runMode: paper\n  environment: sim\n", "minimal", SampleParams.DEFS);
        assertEquals(minimal.engine(), shipped.engine());
        assertEquals(minimal.feed(), shipped.feed());
        assertEquals(minimal.strategy(), shipped.strategy());
    }

    @Test
    void everyExampleLoadsCleanly() throws java.io.IOException {
        java.util.List<Path> examples;
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("examples"))) {
            examples = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(java.util.List.of(Path.of("examples/demo-sim.yaml"), Path.of("examples/kalshi-sim.yaml"),
            Path.of("examples/live.yaml"), Path.of("examples/paper-on-kalshi-demo.yaml")), examples);
        for (Path p : examples) {
            EngineConfig c = EngineConfigLoader.load(p, SampleParams.SCHEMA);
            assertEquals(p.toString(), c.source());
        }
    }

    @Test
    void theExamplesSayWhatTheirNamesPromise() {
        EngineConfig sim = EngineConfigLoader.load(Path.of("examples/demo-sim.yaml"), SampleParams.SCHEMA);
        assertEquals(RunMode.PAPER, sim.engine().runMode());
        assertEquals(Environment.SIM, sim.engine().environment());
        assertEquals(Path.of("/tmp/kengine-demo.kill"), sim.engine().ops().killSwitchFile());

        EngineConfig demo = EngineConfigLoader.load(Path.of("examples/paper-on-kalshi-demo.yaml"), SampleParams.SCHEMA);
        assertEquals(RunMode.PAPER, demo.engine().runMode());
        assertEquals(Environment.DEMO, demo.engine().environment());
        assertEquals(FeedSource.KALSHI, demo.feed().source());
        assertFalse(demo.feed().kalshi().hasUrls()); // Kalshi demo's own hosts

        EngineConfig standalone = EngineConfigLoader.load(Path.of("examples/kalshi-sim.yaml"), SampleParams.SCHEMA);
        assertEquals(FeedSource.KALSHI, standalone.feed().source());
        assertEquals(Environment.SIM, standalone.engine().environment());
        assertEquals("ws://127.0.0.1:8099/trade-api/ws/v2", standalone.feed().kalshi().wsUrl());

        EngineConfig live = EngineConfigLoader.load(Path.of("examples/live.yaml"), SampleParams.SCHEMA);
        assertEquals(RunMode.LIVE, live.engine().runMode());
        assertEquals(Environment.PROD, live.engine().environment());
        assertEquals(true, live.engine().journal().enabled());
        assertEquals(9464, live.engine().ops().metrics().port());
        assertEquals(OpenOrdersPolicy.CANCEL, live.engine().ops().startup().openOrders());
        assertEquals(FeedSource.KALSHI, live.feed().source());
    }
}

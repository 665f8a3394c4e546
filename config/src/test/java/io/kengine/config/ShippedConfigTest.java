package io.kengine.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}

package io.kengine.config;

import io.kengine.config.EngineConfig.MetricsSettings;
import io.kengine.config.EngineConfig.OpsSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The operator sections of engine: (control, metrics, alerts, kill switch, shutdown, startup) and KENGINE_ENV. */
class OpsSettingsTest {
    private static final String HEAD = "engine:\n  runMode: paper\n  environment: sim\n";

    private static EngineConfig load(String engineBody) {
        return EngineConfigLoader.loadFromString(HEAD + engineBody, "t.yaml", SampleParams.SCHEMA);
    }

    private static List<String> errors(String engineBody) {
        ConfigException e = assertThrows(ConfigException.class, () -> load(engineBody));
        return e.errors().stream().map(ConfigError::toString).toList();
    }

    @Test
    void absentSectionsTakeTheDefaults() {
        OpsSettings ops = load("").engine().ops();
        assertEquals(OpsSettings.DEFAULT, ops);
        assertEquals(0, ops.control().port());
        assertEquals(MetricsSettings.SHARED, ops.metrics().port());
        assertNull(ops.alerts().webhookUrl());
        assertNull(ops.killSwitchFile());
        assertEquals(5_000, ops.shutdown().cancelTimeoutMs());
        assertEquals(OpenOrdersPolicy.CANCEL, ops.startup().openOrders());
    }

    @Test
    void everyKeyIsRead() {
        OpsSettings ops = load("  control:\n    port: 9000\n    portFile: run/engine.port\n"
            + "  metrics:\n    port: 9001\n"
            + "  alerts:\n    webhookUrl: http://127.0.0.1:1/hook\n    minIntervalMs: 0\n    disconnectAfterMs: 2000\n    queueSize: 8\n"
            + "  killSwitchFile: /tmp/k\n  shutdown:\n    cancelTimeoutMs: 250\n  startup:\n    openOrders: adopt\n").engine().ops();
        assertEquals(9000, ops.control().port());
        assertEquals(Path.of("run/engine.port"), ops.control().portFile());
        assertEquals(9001, ops.metrics().port());
        assertEquals("http://127.0.0.1:1/hook", ops.alerts().webhookUrl());
        assertEquals(0, ops.alerts().minIntervalMs());
        assertEquals(2000, ops.alerts().disconnectAfterMs());
        assertEquals(8, ops.alerts().queueSize());
        assertEquals(Path.of("/tmp/k"), ops.killSwitchFile());
        assertEquals(250, ops.shutdown().cancelTimeoutMs());
        assertEquals(OpenOrdersPolicy.ADOPT, ops.startup().openOrders());
    }

    @Test
    void mistakesAreReportedWithTheirKeyPaths() {
        List<String> e = errors("  control:\n    port: 70000\n    prot: 1\n"
            + "  alerts:\n    webhookUrl: ftp://x\n    minIntervalMs: \"5s\"\n"
            + "  killSwitchFile:\n  shutdown:\n    cancelTimeoutMs: 5\n  startup:\n    openOrders: keep\n");
        assertEquals(List.of(
            "engine.control.port: 70000 is out of range 0..65535",
            "engine.control.prot: unknown key (did you mean 'port'?)",
            "engine.alerts.webhookUrl: expected an http:// or https:// URL, found \"ftp://x\"",
            "engine.alerts.minIntervalMs: expected an integer, found the string \"5s\"",
            "engine.killSwitchFile: missing value",
            "engine.shutdown.cancelTimeoutMs: 5 is out of range 100..600000",
            "engine.startup.openOrders: expected one of adopt, cancel, found the string \"keep\""), e);
    }

    @Test
    void impossibleCombinationsAreErrors() {
        assertEquals(List.of("engine.metrics.port: 9000 is also engine.control.port: leave engine.metrics.port out"
                + " to serve /metrics on the control endpoint"),
            errors("  control:\n    port: 9000\n  metrics:\n    port: 9000\n"));
        assertEquals(List.of("engine.metrics.port: required when engine.control.enabled is false: metrics share the"
                + " control endpoint unless they have a port of their own"),
            errors("  control:\n    enabled: false\n"));
    }

    @Test
    void kengineEnvOverridesTheEnvironment() {
        EngineConfig c = load("");
        assertSame(c, EngineConfigLoader.applyEnvironment(c, Map.of()));
        assertEquals(Environment.DEMO, EngineConfigLoader.applyEnvironment(c, Map.of("KENGINE_ENV", "demo")).engine().environment());
        assertEquals(c.engine().ops(), EngineConfigLoader.applyEnvironment(c, Map.of("KENGINE_ENV", "prod")).engine().ops());
        ConfigException e = assertThrows(ConfigException.class,
            () -> EngineConfigLoader.applyEnvironment(c, Map.of("KENGINE_ENV", "prd")));
        assertEquals("engine.environment: overridden by KENGINE_ENV=\"prd\", expected one of sim, demo, prod (did you mean 'prod'?)",
            e.errors().get(0).toString());
    }
}

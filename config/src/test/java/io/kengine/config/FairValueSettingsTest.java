package io.kengine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code feed.fairValue:} the external fair-value inputs. */
class FairValueSettingsTest {
    private static final String HEAD = "engine:\n  runMode: paper\n  environment: sim\nfeed:\n  fairValue:\n";

    private static EngineConfig load(String body) {
        return EngineConfigLoader.loadFromString(HEAD + body, "t.yaml", SampleParams.SCHEMA);
    }

    @Test
    void offByDefault() {
        EngineConfig.FairValueSettings f = EngineConfigLoader.loadFromString(
            "engine:\n  runMode: paper\n  environment: sim\n", "t.yaml", SampleParams.SCHEMA).feed().fairValue();
        assertFalse(f.enabled());
        assertEquals(-1, f.httpPort());
        assertNull(f.file());
        assertEquals(60_000, f.defaultLifetimeMs());
    }

    @Test
    void everyKeyIsRead() {
        EngineConfig.FairValueSettings f = load("    httpPort: 0\n    file: fv/model.jsonl\n    fileRecheckMs: 250\n"
            + "    defaultLifetimeMs: 5000\n    maxLifetimeMs: 20000\n").feed().fairValue();
        assertTrue(f.enabled());
        assertEquals(0, f.httpPort());
        assertEquals(Path.of("fv/model.jsonl"), f.file());
        assertEquals(250, f.fileRecheckMs());
        assertEquals(5_000, f.defaultLifetimeMs());
        assertEquals(20_000, f.maxLifetimeMs());
    }

    @Test
    void mistakesNameTheirKeyPaths() {
        ConfigException e = assertThrows(ConfigException.class,
            () -> load("    httpPort: 70000\n    defaultLifetimeMs: 9000\n    maxLifetimeMs: 1000\n    prot: 3\n"));
        List<String> errors = e.errors().stream().map(ConfigError::toString).toList();
        assertTrue(errors.contains("feed.fairValue.httpPort: 70000 is out of range -1..65535"), errors.toString());
        assertTrue(errors.stream().anyMatch(s -> s.startsWith("feed.fairValue.defaultLifetimeMs: 9000 is above")), errors.toString());
        assertTrue(errors.stream().anyMatch(s -> s.startsWith("feed.fairValue.prot: unknown key")), errors.toString());
    }
}

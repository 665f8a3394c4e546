package io.kengine.engine.ops;

import io.kengine.config.EngineConfig;
import io.kengine.config.EngineConfigLoader;
import io.kengine.engine.StrategyParameters;
import io.kengine.protocol.event.ConfigChangeEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrategyReloaderTest {
    private static final String HEAD = "engine:\n  runMode: paper\n  environment: sim\n";
    private final RecordingPublisher ring = new RecordingPublisher();
    private final OperatorCommands commands = new OperatorCommands(ring);

    private static String yaml(String edge, String maxPosition) {
        return HEAD + "strategy:\n  pricing:\n    m0:\n      edge: \"" + edge + "\"\n  risk:\n    maxPosition: \"" + maxPosition + "\"\n";
    }

    private StrategyReloader reloader(Path file) {
        EngineConfig started = EngineConfigLoader.load(file, StrategyParameters.all());
        return new StrategyReloader(file, StrategyParameters.all(), started, Map.of(), commands);
    }

    @Test
    void onlyChangedKeysAreJournaledUnderANewRevision(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("engine.yaml");
        Files.writeString(file, yaml("0.0200", "500"));
        StrategyReloader r = reloader(file);

        StrategyReloader.Result same = r.reload();
        assertTrue(same.ok());
        assertEquals(Map.of(), same.changed());
        assertEquals(0, ring.events().size());

        Files.writeString(file, yaml("0.0300", "500"));
        StrategyReloader.Result changed = r.reload();
        assertTrue(changed.ok(), changed.toText());
        assertEquals(Map.of("pricing.m0.edge", "0.0300"), changed.changed());
        assertEquals(2, changed.revision());
        assertEquals(1, ring.events().size());
        ConfigChangeEvent e = new ConfigChangeEvent();
        e.wrap(ring.events().get(0), 0);
        assertEquals("pricing.m0.edge", e.key());
        assertEquals("0.0300", e.value());
        assertEquals(2, e.revision());
        assertEquals("0.0300", r.current().value("pricing.m0.edge"));

        Files.writeString(file, yaml("0.0300", "400"));
        assertEquals(3, r.reload().revision());
        assertTrue(r.reload().changed().isEmpty(), "the new value is the current one now");
    }

    @Test
    void anInvalidFileChangesNothing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("engine.yaml");
        Files.writeString(file, yaml("0.0200", "500"));
        StrategyReloader r = reloader(file);
        Files.writeString(file, yaml("0.02005", "50").replace("maxPosition", "maxPositon"));
        StrategyReloader.Result bad = r.reload();
        assertFalse(bad.ok());
        assertTrue(bad.error().contains("strategy.pricing.m0.edge:"), bad.error());
        assertTrue(bad.error().contains("strategy.risk.maxPositon: unknown key"), bad.error());
        assertTrue(bad.toJson().startsWith("{\"ok\":false"), bad.toJson());
        assertEquals(0, ring.claims());
        assertEquals("0.0200", r.current().value("pricing.m0.edge"));
    }

    @Test
    void processSettingsAreNotAppliedButReported(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("engine.yaml");
        Files.writeString(file, yaml("0.0200", "500"));
        StrategyReloader r = reloader(file);
        Files.writeString(file, yaml("0.0200", "500").replace("environment: sim", "environment: sim\n  statusIntervalMs: 2000"));
        StrategyReloader.Result res = r.reload();
        assertTrue(res.ok());
        assertEquals(1, res.notes().size());
        assertTrue(res.notes().get(0).startsWith("engine: settings differ"), res.notes().get(0));
        assertEquals(0, ring.events().size());
    }

    @Test
    void theFileWatcherReloadsOnlyWhenTheFileChanged(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("engine.yaml");
        Files.writeString(file, yaml("0.0200", "500"));
        StrategyReloader r = reloader(file);
        assertNull(r.reloadIfChanged());
        Files.writeString(file, yaml("0.0250", "500"));
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 5_000));
        StrategyReloader.Result res = r.reloadIfChanged();
        assertEquals(Map.of("pricing.m0.edge", "0.0250"), res.changed());
        assertNull(r.reloadIfChanged());
    }
}

package io.kengine.engine.ops;

import io.kengine.config.ConfigException;
import io.kengine.config.EngineConfig;
import io.kengine.config.EngineConfigLoader;
import io.kengine.config.ParameterDef;
import io.kengine.config.ParameterSet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runtime reload of strategy parameters: re-reads the configuration file with the same validation as
 * at start, and journals the strategy keys whose value changed as ConfigChange events of one new
 * revision (the stages apply them in ring order, replay reproduces them). An invalid file changes
 * nothing. {@code engine:} and {@code feed:} are process settings: a change there is reported as
 * needing a restart, never applied.
 */
public final class StrategyReloader {
    /** The outcome of one reload. */
    public record Result(boolean ok, long revision, Map<String, String> changed, List<String> notes, String error) {
        public Result {
            changed = Map.copyOf(new LinkedHashMap<>(changed));
            notes = List.copyOf(notes);
        }

        public String toText() {
            if (!ok) {
                return "reload refused, nothing changed:" + System.lineSeparator() + error;
            }
            StringBuilder sb = new StringBuilder(changed.isEmpty() ? "reload: no strategy parameter changed"
                : "reload: revision " + revision + ", " + changed.size() + " changed:");
            changed.forEach((k, v) -> sb.append(System.lineSeparator()).append("  ").append(k).append(" = ").append(v));
            notes.forEach(n -> sb.append(System.lineSeparator()).append("  note: ").append(n));
            return sb.toString();
        }

        public String toJson() {
            StringBuilder sb = new StringBuilder("{\"ok\":").append(ok).append(",\"revision\":").append(revision);
            sb.append(",\"changed\":{");
            boolean first = true;
            for (Map.Entry<String, String> e : changed.entrySet()) {
                sb.append(first ? "" : ",");
                Json.string(sb, e.getKey());
                sb.append(':');
                Json.string(sb, e.getValue());
                first = false;
            }
            sb.append("},\"notes\":[");
            for (int i = 0; i < notes.size(); i++) {
                sb.append(i == 0 ? "" : ",");
                Json.string(sb, notes.get(i));
            }
            sb.append("],\"text\":");
            Json.string(sb, toText());
            return sb.append('}').toString();
        }
    }

    private final Path file;
    private final List<ParameterDef> schema;
    private final EngineConfig started;
    private final Map<String, String> env;
    private final OperatorCommands commands;
    private ParameterSet current;
    private long revision;
    private FileTime lastModified;
    private long lastSize;

    public StrategyReloader(Path file, List<ParameterDef> schema, EngineConfig started, Map<String, String> env,
                            OperatorCommands commands) {
        this.file = Objects.requireNonNull(file, "file");
        this.schema = schema;
        this.started = started;
        this.env = env;
        this.commands = commands;
        this.current = started.strategy();
        this.revision = OperatorCommands.FIRST_RELOAD_REVISION - 1;
        remember();
    }

    public Path file() {
        return file;
    }

    /** Reloads now ({@code reload} command, {@code POST /reload}). */
    public synchronized Result reload() {
        remember();
        EngineConfig next;
        try {
            next = EngineConfigLoader.applyEnvironment(EngineConfigLoader.load(file, schema), env);
        } catch (ConfigException e) {
            return new Result(false, revision, Map.of(), List.of(), e.getMessage());
        }
        List<String> notes = new ArrayList<>();
        if (!next.engine().equals(started.engine())) {
            notes.add("engine: settings differ from the running ones; they apply at the next start only");
        }
        if (!next.feed().equals(started.feed())) {
            notes.add("feed: settings differ from the running ones; they apply at the next start only");
        }
        Map<String, String> changed = new LinkedHashMap<>();
        Map<String, String> before = current.asMap();
        for (Map.Entry<String, String> e : next.strategy().asMap().entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) {
                changed.put(e.getKey(), e.getValue());
            }
        }
        if (!changed.isEmpty()) {
            try {
                revision = commands.publishConfigChanges(changed);
            } catch (IllegalArgumentException e) {
                return new Result(false, revision, Map.of(), notes, "cannot journal the change: " + e.getMessage());
            }
            current = next.strategy();
        }
        return new Result(true, revision, changed, notes, null);
    }

    /**
     * Reloads when the file's modification time or size changed since the last look (the ops thread
     * polls this about once a second); null when it did not change.
     */
    public synchronized Result reloadIfChanged() {
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (IOException e) {
            return null; // being replaced by an editor: look again next time
        }
        if (modified.equals(lastModified) && size == lastSize) {
            return null;
        }
        return reload();
    }

    /** The parameters in force after the last successful reload. */
    public synchronized ParameterSet current() {
        return current;
    }

    private void remember() {
        try {
            lastModified = Files.getLastModifiedTime(file);
            lastSize = Files.size(file);
        } catch (IOException e) {
            lastModified = null;
            lastSize = -1;
        }
    }
}

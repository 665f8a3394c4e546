package io.kengine.engine.cli;

import io.kengine.config.EngineConfig;
import io.kengine.config.EngineConfigLoader;
import io.kengine.engine.StrategyParameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which configuration a command uses: {@code --config F}, else {@code config/engine.yaml} when it
 * exists in the working directory, else the copy inside the jar; then {@code KENGINE_ENV}.
 *
 * @param file the file read, or null for the jar's copy (nothing to reload from)
 */
record CliConfig(EngineConfig config, Path file) {
    /** @throws io.kengine.config.ConfigException with every problem and its key path */
    static CliConfig load(Path explicit, Map<String, String> env) {
        Path file = explicit;
        if (file == null) {
            Path shipped = Path.of("config", "engine.yaml");
            file = Files.isRegularFile(shipped) ? shipped : null;
        }
        EngineConfig cfg = file != null
            ? EngineConfigLoader.load(file, StrategyParameters.all())
            : EngineConfigLoader.loadDefault(StrategyParameters.all());
        return new CliConfig(EngineConfigLoader.applyEnvironment(cfg, env), file);
    }
}

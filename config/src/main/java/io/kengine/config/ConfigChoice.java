package io.kengine.config;

import java.util.Locale;

/** An enum whose constants are written in YAML as lower-case words: {@code PER_STAGE} is {@code per-stage}. */
public interface ConfigChoice {
    String name();

    default String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

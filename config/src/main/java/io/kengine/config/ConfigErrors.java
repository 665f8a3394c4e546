package io.kengine.config;

import java.util.ArrayList;
import java.util.List;

/** Collects errors while a configuration is read, so all of them are reported together. */
final class ConfigErrors {
    private final List<ConfigError> errors = new ArrayList<>();

    void add(String keyPath, String reason) {
        errors.add(new ConfigError(keyPath, reason));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    int size() {
        return errors.size();
    }

    void throwIfAny(String source) {
        if (!errors.isEmpty()) {
            throw new ConfigException(source, errors);
        }
    }
}

package io.kengine.config;

import java.util.Objects;

/**
 * One problem in a configuration: the dotted key path it concerns (e.g.
 * {@code engine.ring.inboundSize}; empty when it concerns the whole document) and why.
 */
public record ConfigError(String keyPath, String reason) {
    public ConfigError {
        Objects.requireNonNull(keyPath, "keyPath");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code <key.path>: <reason>}, or just the reason for the whole document. */
    @Override
    public String toString() {
        return keyPath.isEmpty() ? reason : keyPath + ": " + reason;
    }
}

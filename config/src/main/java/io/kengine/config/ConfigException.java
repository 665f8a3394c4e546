package io.kengine.config;

import java.util.List;

/**
 * A configuration that cannot be used, with every problem found in it (not just the first), so
 * one edit can fix them all. The message lists each as {@code <key.path>: <reason>}.
 */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final transient List<ConfigError> errors;

    public ConfigException(String source, List<ConfigError> errors) {
        super(message(source, errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
        this.source = source;
        this.errors = List.copyOf(errors);
    }

    /** Where the configuration came from, e.g. a file name. */
    public String source() {
        return source;
    }

    public List<ConfigError> errors() {
        return errors;
    }

    private static String message(String source, List<ConfigError> errors) {
        StringBuilder sb = new StringBuilder(source).append(": ").append(errors.size())
            .append(errors.size() == 1 ? " configuration error" : " configuration errors");
        for (ConfigError error : errors) {
            sb.append(System.lineSeparator()).append("  ").append(error);
        }
        return sb.toString();
    }
}

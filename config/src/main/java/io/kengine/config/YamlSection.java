package io.kengine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Typed reads from one YAML mapping, each error reported at its full key path. Every read records
 * the key as known, so {@link #rejectUnknownKeys} can name the rest. A failed read reports the
 * error and returns the default; the loader throws before such a value is used.
 */
final class YamlSection {
    private final String path;
    private final JsonNode node;
    private final ConfigErrors errors;
    private final List<String> known = new ArrayList<>();
    private final Set<String> knownSet = new HashSet<>();

    YamlSection(String path, JsonNode node, ConfigErrors errors) {
        this.path = path;
        this.node = node.isObject() ? node : MissingNode.getInstance();
        this.errors = errors;
    }

    String path() {
        return path;
    }

    ConfigErrors errors() {
        return errors;
    }

    String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** The child mapping {@code name}; absent or empty reads as an empty mapping (all defaults). */
    YamlSection section(String name) {
        JsonNode child = child(name);
        if (!child.isMissingNode() && !child.isNull() && !child.isObject()) {
            errors.add(pathOf(name), "expected a mapping, found " + YamlNodes.describe(child));
        }
        return new YamlSection(pathOf(name), child, errors);
    }

    /** The raw child node, or a missing node; marks {@code name} known. */
    JsonNode child(String name) {
        if (knownSet.add(name)) {
            known.add(name);
        }
        return node.path(name);
    }

    /** One of {@code type}'s constants by its config name; {@code fallback} null means required. */
    <E extends Enum<E> & ConfigChoice> E choice(String name, Class<E> type, E fallback) {
        JsonNode value = child(name);
        E[] constants = type.getEnumConstants();
        if (isAbsent(value, name, fallback == null)) {
            return fallback != null ? fallback : constants[0];
        }
        if (value.isTextual()) {
            for (E c : constants) {
                if (c.configName().equals(value.textValue())) {
                    return c;
                }
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E c : constants) {
            allowed.add(c.configName());
        }
        String hint = value.isTextual() ? KeySuggestions.closest(value.textValue(), allowed) : null;
        errors.add(pathOf(name), "expected one of " + String.join(", ", allowed) + ", found "
            + YamlNodes.describe(value) + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
        return fallback != null ? fallback : constants[0];
    }

    /** A YAML integer (not a string or decimal) in [min, max]. */
    long integer(String name, long min, long max, long fallback) {
        JsonNode value = child(name);
        if (isAbsent(value, name, false)) {
            return fallback;
        }
        if (!value.isIntegralNumber()) {
            errors.add(pathOf(name), "expected an integer, found " + YamlNodes.describe(value));
            return fallback;
        }
        if (!value.canConvertToLong() || value.longValue() < min || value.longValue() > max) {
            errors.add(pathOf(name), value.bigIntegerValue() + " is out of range " + min + ".." + max);
            return fallback;
        }
        return value.longValue();
    }

    boolean bool(String name, boolean fallback) {
        JsonNode value = child(name);
        if (isAbsent(value, name, false)) {
            return fallback;
        }
        if (!value.isBoolean()) {
            errors.add(pathOf(name), "expected true or false, found " + YamlNodes.describe(value));
            return fallback;
        }
        return value.booleanValue();
    }

    /** A non-empty string. */
    String text(String name, String fallback) {
        JsonNode value = child(name);
        if (isAbsent(value, name, false)) {
            return fallback;
        }
        if (!value.isTextual() || value.textValue().isBlank()) {
            errors.add(pathOf(name), "expected a non-empty string, found " + YamlNodes.describe(value));
            return fallback;
        }
        return value.textValue();
    }

    /** A sequence of non-empty strings; absent reads as empty. Each bad item is reported with its index. */
    List<String> texts(String name) {
        JsonNode value = child(name);
        List<String> out = new ArrayList<>();
        if (isAbsent(value, name, false)) {
            return out;
        }
        if (!value.isArray()) {
            errors.add(pathOf(name), "expected a list of strings, found " + YamlNodes.describe(value));
            return out;
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual() || item.textValue().isBlank()) {
                errors.add(pathOf(name) + "[" + i + "]", "expected a non-empty string, found " + YamlNodes.describe(item));
            } else {
                out.add(item.textValue());
            }
        }
        return out;
    }

    /** Reports every key of this mapping that no read asked for. */
    void rejectUnknownKeys() {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!knownSet.contains(name)) {
                errors.add(pathOf(name), KeySuggestions.unknownKey(name, known));
            }
        }
    }

    /**
     * True when there is no value to read: the key is absent (an error if required) or given
     * with nothing after the colon (always an error: an empty value is a slip, not a default).
     */
    private boolean isAbsent(JsonNode value, String name, boolean required) {
        if (value.isMissingNode()) {
            if (required) {
                errors.add(pathOf(name), "missing required value");
            }
            return true;
        }
        if (value.isNull()) {
            errors.add(pathOf(name), "missing value");
            return true;
        }
        return false;
    }
}

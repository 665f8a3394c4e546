package io.kengine.config;

import io.kengine.protocol.event.ConfigChangeEvent;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One tunable a module declares: its dotted key (e.g. {@code pricing.m0.edge}), kind, default,
 * optional bounds in the kind's units and a one-line description. Stages declare these next to
 * the code that reads them; the config module validates values against them.
 *
 * <p>A definition is checked when built: the key and every value must fit a ConfigChange event,
 * and the default must satisfy the definition itself. A {@code null} default makes the parameter
 * required.
 */
public record ParameterDef(
    String key,
    ParameterKind kind,
    String defaultValue,
    List<String> allowedValues,
    OptionalLong min,
    OptionalLong max,
    String description,
    UnaryOperator<String> textRule) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*(\\.[A-Za-z][A-Za-z0-9_-]*)*");
    private static final Pattern CHOICE = Pattern.compile("[\\x21-\\x7E]+");

    public ParameterDef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(description, "description");
        allowedValues = List.copyOf(allowedValues);
        if (!KEY.matcher(key).matches() || key.length() > ConfigChangeEvent.KEY_CAPACITY - 1) {
            throw new IllegalArgumentException("parameter key \"" + key + "\" must be dotted names of letters,"
                + " digits, '_' or '-', at most " + (ConfigChangeEvent.KEY_CAPACITY - 1) + " characters");
        }
        if (description.isBlank() || description.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(key + ": description must be one non-empty line");
        }
        checkAllowedValues(key, kind, allowedValues);
        if (textRule != null && kind != ParameterKind.TEXT) {
            throw new IllegalArgumentException(key + ": only a TEXT parameter has a text rule");
        }
        if ((min.isPresent() || max.isPresent())
            && (kind == ParameterKind.BOOL || kind == ParameterKind.ENUM || kind == ParameterKind.TEXT)) {
            throw new IllegalArgumentException(key + ": a " + kind + " parameter takes no bounds");
        }
        if (min.isPresent() && max.isPresent() && min.getAsLong() > max.getAsLong()) {
            throw new IllegalArgumentException(key + ": min " + min.getAsLong() + " is above max " + max.getAsLong());
        }
        if (defaultValue != null) {
            try {
                defaultValue = kind == ParameterKind.TEXT ? checkText(textRule, defaultValue)
                    : canonical(kind, allowedValues, min, max, defaultValue);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(key + ": bad default: " + e.getMessage(), e);
            }
        }
    }

    public static ParameterDef of(String key, ParameterKind kind, String defaultValue, String description) {
        return new ParameterDef(key, kind, defaultValue, List.of(), OptionalLong.empty(), OptionalLong.empty(), description, null);
    }

    public static ParameterDef price(String key, String defaultValue, String description) {
        return of(key, ParameterKind.PRICE, defaultValue, description);
    }

    public static ParameterDef count(String key, String defaultValue, String description) {
        return of(key, ParameterKind.COUNT, defaultValue, description);
    }

    public static ParameterDef money(String key, String defaultValue, String description) {
        return of(key, ParameterKind.MONEY, defaultValue, description);
    }

    public static ParameterDef integer(String key, String defaultValue, String description) {
        return of(key, ParameterKind.INT, defaultValue, description);
    }

    public static ParameterDef longInteger(String key, String defaultValue, String description) {
        return of(key, ParameterKind.LONG, defaultValue, description);
    }

    public static ParameterDef bool(String key, String defaultValue, String description) {
        return of(key, ParameterKind.BOOL, defaultValue, description);
    }

    public static ParameterDef durationMs(String key, String defaultValue, String description) {
        return of(key, ParameterKind.DURATION_MS, defaultValue, description);
    }

    public static ParameterDef enumOf(String key, List<String> allowedValues, String defaultValue, String description) {
        return new ParameterDef(key, ParameterKind.ENUM, defaultValue, allowedValues,
            OptionalLong.empty(), OptionalLong.empty(), description, null);
    }

    /**
     * A structured text setting. @param rule returns the canonical text for a valid value, or throws
     * IllegalArgumentException with a message saying what is wrong (reported with the key path)
     */
    public static ParameterDef text(String key, String defaultValue, String description, UnaryOperator<String> rule) {
        return new ParameterDef(key, ParameterKind.TEXT, defaultValue, List.of(),
            OptionalLong.empty(), OptionalLong.empty(), description, Objects.requireNonNull(rule, "rule"));
    }

    /** A copy with a lower bound in the kind's units (e.g. 1 for a count of at least 0.01). */
    public ParameterDef withMin(long value) {
        return new ParameterDef(key, kind, defaultValue, allowedValues, OptionalLong.of(value), max, description, textRule);
    }

    /** A copy with a lower bound written as the kind's text, e.g. {@code "0.01"}. */
    public ParameterDef withMin(String text) {
        return withMin(ValueText.parse(kind, allowedValues, text));
    }

    public ParameterDef withMax(long value) {
        return new ParameterDef(key, kind, defaultValue, allowedValues, min, OptionalLong.of(value), description, textRule);
    }

    public ParameterDef withMax(String text) {
        return withMax(ValueText.parse(kind, allowedValues, text));
    }

    /** A copy with no default: a value must be given. */
    public ParameterDef required() {
        return new ParameterDef(key, kind, null, allowedValues, min, max, description, textRule);
    }

    public boolean isRequired() {
        return defaultValue == null;
    }

    /**
     * Parses a value's text into the kind's {@code long} (enum: index of the value; bool: 1 or 0)
     * and checks the bounds.
     *
     * @throws IllegalArgumentException with a message naming the text and the problem
     */
    public long parse(String text) {
        if (kind == ParameterKind.TEXT) {
            return checkText(textRule, text).length();
        }
        return parse(kind, allowedValues, min, max, text);
    }

    /** The canonical text of a parsed value, e.g. 200 as a price is {@code "0.0200"}. */
    public String format(long value) {
        if (kind == ParameterKind.TEXT) {
            throw new UnsupportedOperationException(key + " is text: it has no numeric form");
        }
        return ValueText.format(kind, allowedValues, value);
    }

    /** The canonical text of a value's text: what is journaled and what {@code ParameterSet} returns. */
    public String canonical(String text) {
        return kind == ParameterKind.TEXT ? checkText(textRule, text) : format(parse(text));
    }

    private static String checkText(UnaryOperator<String> rule, String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("missing value (expected text)");
        }
        String t = text.strip();
        if (t.length() > ConfigChangeEvent.VALUE_CAPACITY - 1) {
            throw new IllegalArgumentException("text is " + t.length() + " characters, at most "
                + (ConfigChangeEvent.VALUE_CAPACITY - 1) + " fit");
        }
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("text must be printable ASCII; character " + (i + 1) + " is not");
            }
        }
        String canonical = rule == null ? t : rule.apply(t);
        if (canonical.length() > ConfigChangeEvent.VALUE_CAPACITY - 1) {
            throw new IllegalArgumentException("canonical text is too long: " + canonical.length() + " characters");
        }
        return canonical;
    }

    private static String canonical(ParameterKind kind, List<String> allowed, OptionalLong min, OptionalLong max,
                                    String text) {
        return ValueText.format(kind, allowed, parse(kind, allowed, min, max, text));
    }

    private static long parse(ParameterKind kind, List<String> allowed, OptionalLong min, OptionalLong max,
                              String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("missing value (expected " + kind.expected() + ")");
        }
        long value = ValueText.parse(kind, allowed, text);
        if (min.isPresent() && value < min.getAsLong()) {
            throw new IllegalArgumentException(ValueText.format(kind, allowed, value) + " is below the minimum "
                + ValueText.format(kind, allowed, min.getAsLong()));
        }
        if (max.isPresent() && value > max.getAsLong()) {
            throw new IllegalArgumentException(ValueText.format(kind, allowed, value) + " is above the maximum "
                + ValueText.format(kind, allowed, max.getAsLong()));
        }
        return value;
    }

    private static void checkAllowedValues(String key, ParameterKind kind, List<String> allowed) {
        if (kind != ParameterKind.ENUM) {
            if (!allowed.isEmpty()) {
                throw new IllegalArgumentException(key + ": only an ENUM parameter has allowed values");
            }
            return;
        }
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException(key + ": an ENUM parameter needs allowed values");
        }
        for (String v : allowed) {
            if (!CHOICE.matcher(v).matches() || v.length() > ConfigChangeEvent.VALUE_CAPACITY - 1) {
                throw new IllegalArgumentException(key + ": allowed value \"" + v + "\" must be printable ASCII"
                    + " without spaces, at most " + (ConfigChangeEvent.VALUE_CAPACITY - 1) + " characters");
            }
        }
        if (allowed.stream().distinct().count() != allowed.size()) {
            throw new IllegalArgumentException(key + ": allowed values repeat: " + allowed);
        }
    }
}

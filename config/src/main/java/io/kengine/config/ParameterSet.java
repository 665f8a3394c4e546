package io.kengine.config;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A complete, validated set of parameter values: one canonical text per key (e.g. a price given as
 * {@code 0.02} is held as {@code 0.0200}), iterated in declaration order. Immutable; a change
 * ({@link #with}) makes a validated copy.
 *
 * <p>The canonical texts are what the engine journals as ConfigChange events at start and on
 * every reload; a stage turns one back into its {@code long} with {@link #parse}, by the same rules.
 */
public final class ParameterSet implements Iterable<ParameterValue> {
    private final ParameterSchema schema;
    private final String[] values;
    private final long[] parsed;

    private ParameterSet(ParameterSchema schema, String[] values, long[] parsed) {
        this.schema = schema;
        this.values = values;
        this.parsed = parsed;
    }

    /** Every parameter at its default. @throws ConfigException when a required one has none */
    public static ParameterSet defaults(ParameterSchema schema) {
        return of(schema, Map.of());
    }

    public static ParameterSet defaults(List<ParameterDef> defs) {
        return defaults(ParameterSchema.of(defs));
    }

    /**
     * The given values (key to text), defaults for the rest.
     *
     * @throws ConfigException listing every unknown key, bad value, missing required value and
     *                         broken constraint
     */
    public static ParameterSet of(ParameterSchema schema, Map<String, String> given) {
        ConfigErrors errors = new ConfigErrors();
        Map<String, String> known = new LinkedHashMap<>();
        given.forEach((key, text) -> {
            if (schema.contains(key)) {
                known.put(key, text);
            } else {
                errors.add(key, KeySuggestions.unknownKey(key, schema.defs().stream().map(ParameterDef::key).toList()));
            }
        });
        ParameterSet set = build(schema, known, Function.identity(), errors, errors.isEmpty());
        errors.throwIfAny("parameters");
        return set;
    }

    /**
     * Parses a value as its definition says, bounds included: what a stage does with the value of
     * a ConfigChange event for one of its parameters.
     *
     * @throws IllegalArgumentException naming the key and the problem
     */
    public static long parse(ParameterDef def, String value) {
        try {
            return def.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(def.key() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Validates {@code given} (keys all in the schema) plus defaults, reporting each error at
     * {@code pathOf(key)}. Returns null when anything was wrong. Constraints run only when asked
     * and every value is valid: on a partly broken input they would judge stand-in values.
     */
    static ParameterSet build(ParameterSchema schema, Map<String, String> given,
                              Function<String, String> pathOf, ConfigErrors errors, boolean checkConstraints) {
        int errorsBefore = errors.size();
        String[] values = new String[schema.size()];
        long[] parsed = new long[schema.size()];
        for (int i = 0; i < schema.size(); i++) {
            ParameterDef def = schema.defs().get(i);
            String text = given.containsKey(def.key()) ? given.get(def.key()) : def.defaultValue();
            if (text == null) {
                errors.add(pathOf.apply(def.key()), "missing required value (expected " + def.kind().expected() + ")");
                continue;
            }
            try {
                parsed[i] = def.parse(text);
                values[i] = def.kind() == ParameterKind.TEXT ? def.canonical(text) : def.format(parsed[i]);
            } catch (IllegalArgumentException e) {
                errors.add(pathOf.apply(def.key()), e.getMessage());
            }
        }
        if (errors.size() > errorsBefore) {
            return null;
        }
        ParameterSet set = new ParameterSet(schema, values, parsed);
        if (!checkConstraints) {
            return set;
        }
        ParameterConstraint.Violations violations = new ParameterConstraint.Violations() {
            @Override
            public void add(String key, String reason) {
                errors.add(pathOf.apply(key), reason);
            }

            @Override
            public String pathOf(String key) {
                return pathOf.apply(key);
            }
        };
        for (ParameterConstraint constraint : schema.constraints()) {
            constraint.check(set, violations);
        }
        return errors.size() > errorsBefore ? null : set;
    }

    /** A validated copy with {@code key} set to {@code value}. @throws ConfigException if invalid */
    public ParameterSet with(String key, String value) {
        return with(Map.of(key, value));
    }

    /**
     * A validated copy with several values changed at once, so related limits can move together
     * without passing through a state that breaks a constraint.
     */
    public ParameterSet with(Map<String, String> changes) {
        Map<String, String> all = new LinkedHashMap<>(asMap());
        ConfigErrors errors = new ConfigErrors();
        changes.forEach((key, text) -> {
            if (schema.contains(key)) {
                all.put(key, text);
            } else {
                errors.add(key, KeySuggestions.unknownKey(key, all.keySet()));
            }
        });
        ParameterSet set = build(schema, all, Function.identity(), errors, errors.isEmpty());
        errors.throwIfAny("parameter change");
        return set;
    }

    public ParameterSchema schema() {
        return schema;
    }

    public int size() {
        return values.length;
    }

    public boolean contains(String key) {
        return schema.contains(key);
    }

    public ParameterDef def(String key) {
        return schema.def(key);
    }

    /** The canonical text of {@code key}'s value, as journaled. */
    public String value(String key) {
        return values[schema.indexOf(key)];
    }

    /** The parsed value whatever the kind (enum: index; bool: 1 or 0). */
    public long asLong(String key) {
        return parsed[schema.indexOf(key)];
    }

    /** $0.0001 units. */
    public long price(String key) {
        return typed(key, ParameterKind.PRICE);
    }

    /** 0.01-contract units. */
    public long count(String key) {
        return typed(key, ParameterKind.COUNT);
    }

    /** Signed $0.0001 units. */
    public long money(String key) {
        return typed(key, ParameterKind.MONEY);
    }

    public int intValue(String key) {
        return (int) typed(key, ParameterKind.INT);
    }

    public long longValue(String key) {
        return typed(key, ParameterKind.LONG);
    }

    public boolean bool(String key) {
        return typed(key, ParameterKind.BOOL) != 0;
    }

    /** One of the definition's allowed values. */
    public String enumValue(String key) {
        typed(key, ParameterKind.ENUM);
        return value(key);
    }

    /** A TEXT parameter's canonical text. */
    public String text(String key) {
        typed(key, ParameterKind.TEXT);
        return value(key);
    }

    public long durationMs(String key) {
        return typed(key, ParameterKind.DURATION_MS);
    }

    /** Key to canonical text, in declaration order. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (ParameterValue v : this) {
            map.put(v.key(), v.value());
        }
        return map;
    }

    /** In declaration order. */
    @Override
    public Iterator<ParameterValue> iterator() {
        return new AbstractList<ParameterValue>() {
            @Override
            public ParameterValue get(int i) {
                return new ParameterValue(schema.defs().get(i), values[i]);
            }

            @Override
            public int size() {
                return values.length;
            }
        }.iterator();
    }

    private long typed(String key, ParameterKind kind) {
        int i = schema.indexOf(key);
        ParameterKind actual = schema.defs().get(i).kind();
        if (actual != kind) {
            throw new IllegalArgumentException(key + " is a " + actual + " parameter, not " + kind);
        }
        return parsed[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSet other && schema.defs().equals(other.schema.defs())
            && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}

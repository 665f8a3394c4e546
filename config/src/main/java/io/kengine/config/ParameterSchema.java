package io.kengine.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters a configuration may set: definitions in declaration order plus cross-parameter
 * constraints. Built once at start from what the modules declare; immutable.
 */
public final class ParameterSchema {
    private final List<ParameterDef> defs;
    private final List<ParameterConstraint> constraints;
    private final Map<String, Integer> indexByKey;

    private ParameterSchema(List<ParameterDef> defs, List<ParameterConstraint> constraints) {
        this.defs = List.copyOf(defs);
        this.constraints = List.copyOf(constraints);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.defs.size(); i++) {
            String key = this.defs.get(i).key();
            if (index.put(key, i) != null) {
                throw new IllegalArgumentException("parameter " + key + " is declared twice");
            }
        }
        // A key cannot also be a group of other keys: YAML could not hold both.
        for (ParameterDef def : this.defs) {
            String key = def.key();
            for (int dot = key.indexOf('.'); dot >= 0; dot = key.indexOf('.', dot + 1)) {
                if (index.containsKey(key.substring(0, dot))) {
                    throw new IllegalArgumentException("parameter " + key.substring(0, dot)
                        + " is also a group holding " + key);
                }
            }
        }
        this.indexByKey = Collections.unmodifiableMap(index);
    }

    public static ParameterSchema of(List<ParameterDef> defs) {
        return new ParameterSchema(defs, List.of());
    }

    /**
     * A schema with constraints. When every parameter has a default the defaults are checked
     * here, so a module cannot ship defaults that contradict its own constraints.
     */
    public static ParameterSchema of(List<ParameterDef> defs, List<ParameterConstraint> constraints) {
        ParameterSchema schema = new ParameterSchema(defs, constraints);
        if (schema.defs.stream().noneMatch(ParameterDef::isRequired)) {
            try {
                ParameterSet.defaults(schema);
            } catch (ConfigException e) {
                throw new IllegalArgumentException("defaults break a constraint: " + e.getMessage(), e);
            }
        }
        return schema;
    }

    /** This schema and {@code other}'s parameters and constraints, e.g. pricing's then risk's. */
    public ParameterSchema and(ParameterSchema other) {
        List<ParameterDef> allDefs = new ArrayList<>(defs);
        allDefs.addAll(other.defs);
        List<ParameterConstraint> all = new ArrayList<>(constraints);
        all.addAll(other.constraints);
        return of(allDefs, all);
    }

    public List<ParameterDef> defs() {
        return defs;
    }

    public List<ParameterConstraint> constraints() {
        return constraints;
    }

    public int size() {
        return defs.size();
    }

    public boolean contains(String key) {
        return indexByKey.containsKey(key);
    }

    /** The definition of {@code key}, or null when there is none. */
    public ParameterDef find(String key) {
        Integer i = indexByKey.get(key);
        return i == null ? null : defs.get(i);
    }

    /** The definition of {@code key}. @throws IllegalArgumentException when there is none */
    public ParameterDef def(String key) {
        return defs.get(indexOf(key));
    }

    int indexOf(String key) {
        Integer i = indexByKey.get(key);
        if (i == null) {
            throw new IllegalArgumentException("no parameter " + key);
        }
        return i;
    }

    /** True when some parameter key starts with {@code group + "."}. */
    boolean isGroup(String group) {
        return !childNames(group).isEmpty();
    }

    /**
     * The next key segments under {@code group} ("" for the top), in declaration order:
     * {@code risk} gives {@code maxOrderSize, maxPosition}.
     */
    Set<String> childNames(String group) {
        String prefix = group.isEmpty() ? "" : group + ".";
        Set<String> names = new LinkedHashSet<>();
        for (ParameterDef def : defs) {
            if (def.key().startsWith(prefix)) {
                String rest = def.key().substring(prefix.length());
                int dot = rest.indexOf('.');
                names.add(dot < 0 ? rest : rest.substring(0, dot));
            }
        }
        return names;
    }
}

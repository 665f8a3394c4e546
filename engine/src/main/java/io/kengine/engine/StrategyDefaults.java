package io.kengine.engine;

import io.kengine.config.ParameterDef;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The declared defaults of every strategy parameter, as the key → value entries a session journals. */
public final class StrategyDefaults {
    private StrategyDefaults() {
    }

    /** The defaults with some values replaced (keys must be declared parameters). */
    public static List<Map.Entry<String, String>> entries(Map<String, String> overrides) {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        int used = 0;
        for (Map.Entry<String, String> e : entries()) {
            String v = overrides.get(e.getKey());
            used += v != null ? 1 : 0;
            out.add(v == null ? e : new AbstractMap.SimpleImmutableEntry<>(e.getKey(), v));
        }
        if (used != overrides.size()) {
            throw new IllegalArgumentException("not declared parameters among " + overrides.keySet());
        }
        return out;
    }

    public static List<Map.Entry<String, String>> entries() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (ParameterDef def : StrategyParameters.all()) {
            out.add(new AbstractMap.SimpleImmutableEntry<>(def.key(), def.defaultValue()));
        }
        return out;
    }
}

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

    public static List<Map.Entry<String, String>> entries() {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (ParameterDef def : StrategyParameters.all()) {
            out.add(new AbstractMap.SimpleImmutableEntry<>(def.key(), def.defaultValue()));
        }
        return out;
    }
}

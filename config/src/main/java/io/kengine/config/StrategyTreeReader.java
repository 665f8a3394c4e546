package io.kengine.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the free-form {@code strategy:} tree against a {@link ParameterSchema}: nested mappings
 * flatten to dotted keys ({@code strategy.pricing.m0.edge} is parameter {@code pricing.m0.edge}),
 * every leaf must be a declared parameter, and each error names its full path.
 */
final class StrategyTreeReader {
    private final String root;
    private final ParameterSchema schema;
    private final ConfigErrors errors;
    private final Map<String, String> values = new LinkedHashMap<>();

    private StrategyTreeReader(String root, ParameterSchema schema, ConfigErrors errors) {
        this.root = root;
        this.schema = schema;
        this.errors = errors;
    }

    /** The validated set, or null when an error was reported. */
    static ParameterSet read(String root, JsonNode tree, ParameterSchema schema, ConfigErrors errors) {
        StrategyTreeReader reader = new StrategyTreeReader(root, schema, errors);
        int errorsBefore = errors.size();
        if (tree.isObject()) {
            reader.walk("", tree);
        } else if (!tree.isMissingNode() && !tree.isNull()) {
            errors.add(root, "expected a mapping, found " + YamlNodes.describe(tree));
        }
        boolean treeClean = errors.size() == errorsBefore;
        ParameterSet set = ParameterSet.build(schema, reader.values, reader::pathOf, errors, treeClean);
        return errors.size() > errorsBefore ? null : set;
    }

    private String pathOf(String key) {
        return root + "." + key;
    }

    private void walk(String group, JsonNode mapping) {
        for (Map.Entry<String, JsonNode> field : mapping.properties()) {
            String key = group.isEmpty() ? field.getKey() : group + "." + field.getKey();
            JsonNode node = field.getValue();
            ParameterDef def = schema.find(key);
            if (def != null) {
                leaf(def, node);
            } else if (schema.isGroup(key)) {
                if (node.isObject()) {
                    walk(key, node);
                } else if (!node.isNull()) {
                    errors.add(pathOf(key), "expected a mapping of " + String.join(", ", schema.childNames(key))
                        + ", found " + YamlNodes.describe(node));
                }
            } else {
                errors.add(pathOf(key), KeySuggestions.unknownKey(field.getKey(), schema.childNames(group)));
            }
        }
    }

    private void leaf(ParameterDef def, JsonNode node) {
        String path = pathOf(def.key());
        if (values.containsKey(def.key())) {
            errors.add(path, "set more than once");
        } else if (node.isNull()) {
            errors.add(path, "missing value (expected " + def.kind().expected() + ")");
        } else if (!YamlNodes.isScalar(node)) {
            errors.add(path, "expected " + def.kind().expected() + ", found " + YamlNodes.describe(node));
        } else {
            values.put(def.key(), YamlNodes.scalarText(node));
        }
    }
}

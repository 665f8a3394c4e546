package io.kengine.protocol.wire.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small JSON-Schema checker for the subset Kalshi's AsyncAPI document uses: local {@code $ref},
 * {@code allOf}, {@code type}, {@code properties} (and unknown property names: a field the schema
 * does not define is a violation unless {@code additionalProperties} allows it), {@code required},
 * {@code items}, {@code enum}, {@code const}, {@code nullable}, {@code minimum}/{@code maximum},
 * {@code minItems}/{@code maxItems}. Deliberately not checked: {@code pattern} (Kalshi's own example
 * tickers such as "FED-23DEC-T3.00" break its ticker pattern) and {@code format}.
 */
final class SchemaValidator {
    private final JsonNode root;

    SchemaValidator(JsonNode root) {
        this.root = root;
    }

    /** The schema at a JSON pointer such as {@code /components/messages/ticker/payload}. */
    JsonNode at(String pointer) {
        JsonNode n = root.at(pointer);
        if (n.isMissingNode()) {
            throw new IllegalArgumentException("no schema at " + pointer);
        }
        return n;
    }

    /** All violations of {@code instance} against {@code schema}; empty when it conforms. */
    List<String> validate(JsonNode instance, JsonNode schema) {
        List<String> out = new ArrayList<>();
        check(instance, resolve(schema), "$", out);
        return out;
    }

    private JsonNode resolve(JsonNode schema) {
        for (int depth = 0; schema.has("$ref"); depth++) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/") || depth > 32) {
                throw new IllegalArgumentException("unsupported $ref " + ref);
            }
            schema = at(ref.substring(1));
        }
        if (schema.has("allOf")) {
            return mergeAllOf(schema);
        }
        return schema;
    }

    /** allOf as one schema: union of properties and required, later subschemas winning per property. */
    private JsonNode mergeAllOf(JsonNode schema) {
        ObjectNode merged = ((ObjectNode) schema).deepCopy();
        merged.remove("allOf");
        Map<String, JsonNode> props = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        for (JsonNode part : schema.get("allOf")) {
            JsonNode p = resolve(part);
            p.fieldNames().forEachRemaining(k -> {
                if (!k.equals("properties") && !k.equals("required")) {
                    merged.set(k, p.get(k));
                }
            });
            if (p.has("properties")) {
                p.get("properties").properties().forEach(e -> props.put(e.getKey(), e.getValue()));
            }
            if (p.has("required")) {
                p.get("required").forEach(r -> required.add(r.asText()));
            }
        }
        ObjectNode propsNode = merged.putObject("properties");
        props.forEach(propsNode::set);
        ArrayNode req = merged.putArray("required");
        required.forEach(req::add);
        return merged;
    }

    private void check(JsonNode value, JsonNode schema, String path, List<String> out) {
        if (value.isNull()) {
            boolean nullable = schema.path("nullable").asBoolean(false) || containsNull(schema.get("enum"));
            if (!nullable) {
                out.add(path + ": null is not allowed");
            }
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            out.add(path + ": must be " + schema.get("const") + ", is " + value);
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            out.add(path + ": " + value + " is not in " + schema.get("enum"));
        }
        String type = schema.path("type").asText("");
        if (!type.isEmpty() && !hasType(value, type)) {
            out.add(path + ": expected " + type + ", is " + value.getNodeType() + " " + value);
            return;
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                out.add(path + ": " + value + " < minimum " + schema.get("minimum"));
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                out.add(path + ": " + value + " > maximum " + schema.get("maximum"));
            }
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                out.add(path + ": fewer than " + schema.get("minItems") + " items");
            }
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                out.add(path + ": more than " + schema.get("maxItems") + " items");
            }
            if (schema.has("items")) {
                JsonNode items = resolve(schema.get("items"));
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), items, path + "[" + i + "]", out);
                }
            }
        }
        if (value.isObject()) {
            checkObject(value, schema, path, out);
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String path, List<String> out) {
        JsonNode props = schema.get("properties");
        if (schema.has("required")) {
            for (JsonNode r : schema.get("required")) {
                if (!value.has(r.asText())) {
                    out.add(path + ": required field \"" + r.asText() + "\" is missing");
                }
            }
        }
        if (props == null) {
            return; // a bare {type: object} (e.g. custom_strike) allows anything
        }
        boolean additional = schema.has("additionalProperties") && !schema.get("additionalProperties").equals(
                com.fasterxml.jackson.databind.node.BooleanNode.FALSE);
        for (Map.Entry<String, JsonNode> e : value.properties()) {
            String child = path.equals("$") ? e.getKey() : path + "." + e.getKey();
            JsonNode propSchema = props.get(e.getKey());
            if (propSchema == null) {
                if (!additional) {
                    out.add(child + ": field not defined by the schema");
                }
                continue;
            }
            check(e.getValue(), resolve(propSchema), child, out);
        }
    }

    private static boolean hasType(JsonNode v, String type) {
        switch (type) {
            case "string": return v.isTextual();
            case "integer": return v.isIntegralNumber();
            case "number": return v.isNumber();
            case "boolean": return v.isBoolean();
            case "array": return v.isArray();
            case "object": return v.isObject();
            default: throw new IllegalArgumentException("unsupported schema type " + type);
        }
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode e : array) {
            if (e.equals(value) || (e.isNumber() && value.isNumber() && e.decimalValue().compareTo(value.decimalValue()) == 0)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsNull(JsonNode array) {
        if (array == null) {
            return false;
        }
        for (JsonNode e : array) {
            if (e.isNull()) {
                return true;
            }
        }
        return false;
    }
}

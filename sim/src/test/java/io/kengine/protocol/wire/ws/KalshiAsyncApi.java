package io.kengine.protocol.wire.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Public door, for the simulator's tests, to protocol's package-private {@link SchemaValidator} and
 * the copy of Kalshi's AsyncAPI document, both of which come from protocol's test-jar. It lives in
 * protocol's package (a split package on the test class path) so protocol's test tree stays as it is.
 */
public final class KalshiAsyncApi {
    private static final JsonNode SPEC = load();
    private static final SchemaValidator VALIDATOR = new SchemaValidator(SPEC);
    private static final Map<String, List<String>> MESSAGES_BY_TYPE = indexByType();

    private KalshiAsyncApi() {
    }

    /** Violations of {@code instance} against {@code components/messages/<messageKey>/payload}; empty = conforms. */
    public static List<String> validate(JsonNode instance, String messageKey) {
        return VALIDATOR.validate(instance, VALIDATOR.at("/components/messages/" + messageKey + "/payload"));
    }

    /**
     * Each {@code type} value → the schema messages whose payload fixes {@code type} to it (a
     * {@code const}), in document order. Several messages may share one (both answers of type
     * {@code ok}); messages without a fixed type (commands, pings) are not listed.
     */
    public static Map<String, List<String>> messagesByType() {
        return MESSAGES_BY_TYPE;
    }

    private static JsonNode load() {
        // the resource is protocol's src/test/resources/kalshi-asyncapi.yaml, via the test-jar
        try (InputStream in = KalshiAsyncApi.class.getResourceAsStream("/kalshi-asyncapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("kalshi-asyncapi.yaml not on the test class path (protocol test-jar missing?)");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read kalshi-asyncapi.yaml", e);
        }
    }

    private static Map<String, List<String>> indexByType() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        SPEC.at("/components/messages").properties().forEach(e -> {
            JsonNode type = typeProperty(e.getValue().path("payload"), 0);
            if (type != null && type.has("const")) {
                out.computeIfAbsent(type.get("const").asText(), k -> new ArrayList<>()).add(e.getKey());
            }
        });
        out.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(out);
    }

    /** The payload's {@code properties.type} schema, through {@code $ref}s and {@code allOf} parts; null if none. */
    private static JsonNode typeProperty(JsonNode schema, int depth) {
        if (depth > 32 || schema.isMissingNode()) {
            return null;
        }
        if (schema.has("$ref")) {
            return typeProperty(SPEC.at(schema.get("$ref").asText().substring(1)), depth + 1);
        }
        JsonNode found = null;
        for (JsonNode part : schema.path("allOf")) {
            JsonNode t = typeProperty(part, depth + 1);
            found = t != null ? t : found;
        }
        JsonNode direct = schema.path("properties").path("type");
        if (!direct.isMissingNode()) {
            found = direct.has("$ref") ? SPEC.at(direct.get("$ref").asText().substring(1)) : direct;
        }
        return found;
    }
}

package io.kengine.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;

/** How error messages describe a YAML node the reader did not expect. */
final class YamlNodes {
    private static final int MAX_SHOWN = 40;

    private YamlNodes() {
    }

    static String describe(JsonNode node) {
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isBoolean()) {
            return "the boolean " + node.asText();
        }
        if (node.isNumber()) {
            return "the number " + scalarText(node);
        }
        if (node.isTextual()) {
            String text = node.textValue();
            return "the string \"" + (text.length() > MAX_SHOWN ? text.substring(0, MAX_SHOWN) + "..." : text) + "\"";
        }
        return "a " + node.getNodeType().toString().toLowerCase(Locale.ROOT) + " value";
    }

    /**
     * The text of a scalar. Decimals come from Jackson's BigDecimal (read from the YAML text, never
     * through double), written plainly: {@code 0.1} stays {@code "0.1"}, {@code 1e-2} is {@code "0.01"}.
     */
    static String scalarText(JsonNode node) {
        if (node.isBigDecimal()) {
            return node.decimalValue().toPlainString();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().toString();
        }
        if (node.isFloatingPointNumber()) {
            throw new IllegalStateException("YAML decimals must be read as BigDecimal");
        }
        return node.asText();
    }

    static boolean isScalar(JsonNode node) {
        return node.isValueNode() && !node.isNull();
    }
}

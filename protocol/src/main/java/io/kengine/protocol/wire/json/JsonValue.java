package io.kengine.protocol.wire.json;

import io.kengine.protocol.units.FixedPoint;
import io.kengine.protocol.units.FixedPointFormatException;
import io.kengine.protocol.wire.WireFormatException;
import io.kengine.protocol.wire.WireFormatException.Kind;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One value of a parsed document together with its path, so every conversion failure names the
 * field. Fixed-point conversions accept both a JSON string ({@code "0.5600"}) and a JSON number
 * ({@code 0.56}): third parties report Kalshi sending either (kalshi-api.md §4.5). The number's
 * literal text goes through {@link FixedPoint}, never through {@code double}.
 */
public final class JsonValue {
    private final Object raw;
    private final String path;

    JsonValue(Object raw, String path) {
        this.raw = raw;
        this.path = path;
    }

    /** Reads a whole document. */
    public static JsonValue parse(String json) {
        return new JsonValue(JsonTree.parse(json), "$");
    }

    public static JsonValue parse(byte[] json, int offset, int length) {
        return new JsonValue(JsonTree.parse(json, offset, length), "$");
    }

    static String child(String parent, String name) {
        return "$".equals(parent) ? name : parent + "." + name;
    }

    public String path() {
        return path;
    }

    public boolean isNull() {
        return raw == JsonTree.NULL;
    }

    public boolean isString() {
        return raw instanceof String;
    }

    public boolean isNumber() {
        return raw instanceof JsonTree.Num;
    }

    public boolean isObject() {
        return raw instanceof Map;
    }

    public boolean isArray() {
        return raw instanceof List;
    }

    @SuppressWarnings("unchecked")
    public JsonObject asObject() {
        if (!isObject()) {
            throw wrongType("an object");
        }
        return new JsonObject((Map<String, Object>) raw, path);
    }

    public List<JsonValue> asArray() {
        if (!isArray()) {
            throw wrongType("an array");
        }
        List<?> list = (List<?>) raw;
        List<JsonValue> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            out.add(new JsonValue(list.get(i), path + "[" + i + "]"));
        }
        return Collections.unmodifiableList(out);
    }

    public String asString() {
        if (!isString()) {
            throw wrongType("a string");
        }
        return (String) raw;
    }

    public boolean asBoolean() {
        if (!(raw instanceof Boolean)) {
            throw wrongType("a boolean");
        }
        return (Boolean) raw;
    }

    /** A JSON integer that fits a long. */
    public long asLong() {
        if (!(raw instanceof JsonTree.Num) || !((JsonTree.Num) raw).integral()) {
            throw wrongType("an integer");
        }
        try {
            return Long.parseLong(((JsonTree.Num) raw).text());
        } catch (NumberFormatException e) {
            throw invalid("integer out of range: " + raw);
        }
    }

    public int asInt() {
        long v = asLong();
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw invalid("integer out of range: " + v);
        }
        return (int) v;
    }

    /** Any JSON number, or a string holding a plain decimal, exactly (multipliers, strikes, averages). */
    public BigDecimal asDecimal() {
        String text = numericText("a decimal number");
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw invalid("not a decimal number: \"" + text + "\"");
        }
    }

    /** A dollar price ({@code "0.5600"} or {@code 0.56}) in $0.0001. */
    public long asPrice() {
        String text = numericText("a fixed-point dollar price");
        try {
            return FixedPoint.parsePrice(text);
        } catch (FixedPointFormatException e) {
            throw invalid(e.getMessage());
        }
    }

    /** Legacy integer cents ({@code 56} or {@code "56"}) in $0.0001 (5600). */
    public long asCents() {
        String text = numericText("integer cents");
        try {
            return FixedPoint.parseCents(text);
        } catch (FixedPointFormatException e) {
            throw invalid(e.getMessage());
        }
    }

    /** A non-negative count ({@code "10.00"}, {@code 10}, legacy integer counts) in 0.01 contracts. */
    public long asCount() {
        String text = numericText("a fixed-point count");
        try {
            return FixedPoint.parseCount(text);
        } catch (FixedPointFormatException e) {
            throw invalid(e.getMessage());
        }
    }

    /** A signed count (deltas, positions) in 0.01 contracts. */
    public long asSignedCount() {
        String text = numericText("a fixed-point count");
        try {
            return FixedPoint.parseSignedCount(text);
        } catch (FixedPointFormatException e) {
            throw invalid(e.getMessage());
        }
    }

    /** A signed dollar amount ({@code "-54.0000"}) in $0.0001. */
    public long asMoney() {
        String text = numericText("a fixed-point dollar amount");
        try {
            return FixedPoint.parseMoney(text);
        } catch (FixedPointFormatException e) {
            throw invalid(e.getMessage());
        }
    }

    /** An RFC 3339 timestamp ({@code "2022-11-22T20:44:01Z"}, offsets and fractions allowed) in epoch ms (sub-ms truncated). */
    public long asRfc3339Millis() {
        String text = asString();
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw invalid("not an RFC 3339 timestamp: \"" + text + "\"");
        }
    }

    public <E extends Enum<E> & WireEnum> E asEnum(Class<E> type) {
        String name = asString();
        E e = WireEnum.fromWire(type, name);
        if (e == null) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(c.wireName());
            }
            throw invalid("\"" + name + "\" is not one of [" + allowed + "]");
        }
        return e;
    }

    private String numericText(String expected) {
        if (raw instanceof String) {
            return (String) raw;
        }
        if (raw instanceof JsonTree.Num) {
            return ((JsonTree.Num) raw).text();
        }
        throw wrongType(expected);
    }

    public WireFormatException wrongType(String expected) {
        return new WireFormatException(path, Kind.WRONG_TYPE, "expected " + expected + ", got " + describe(raw));
    }

    public WireFormatException invalid(String problem) {
        return new WireFormatException(path, Kind.INVALID_VALUE, problem);
    }

    static String describe(Object raw) {
        if (raw instanceof String) {
            String s = (String) raw;
            return "string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
        }
        if (raw instanceof JsonTree.Num) {
            return "number " + raw;
        }
        if (raw instanceof Boolean) {
            return "boolean " + raw;
        }
        if (raw instanceof Map) {
            return "an object";
        }
        if (raw instanceof List) {
            return "an array";
        }
        return "null";
    }
}

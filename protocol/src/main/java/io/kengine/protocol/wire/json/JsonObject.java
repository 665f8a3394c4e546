package io.kengine.protocol.wire.json;

import io.kengine.protocol.units.FixedPoint;
import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.WireFormatException;
import io.kengine.protocol.wire.WireFormatException.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Field access on one JSON object, for the record readers. Conventions:
 * <ul>
 *   <li>{@code x(name)} requires the field: absent or {@code null} is {@link Kind#MISSING}.</li>
 *   <li>{@code optX(name)} returns {@link Wire#ABSENT} (longs) or {@code null} (objects) when the
 *       field is absent or {@code null}.</li>
 *   <li>Fields not asked for are ignored: unknown fields never fail a read.</li>
 *   <li>{@code xOr(current, legacy)} reads the current fixed-point field and falls back to the
 *       legacy integer field Kalshi sent before March 2026 (kalshi-api.md changelog).</li>
 * </ul>
 */
public final class JsonObject {
    private final Map<String, Object> fields;
    private final String path;

    JsonObject(Map<String, Object> fields, String path) {
        this.fields = fields;
        this.path = path;
    }

    /** Reads a document whose root must be an object. */
    public static JsonObject parse(String json) {
        return JsonValue.parse(json).asObject();
    }

    public static JsonObject parse(byte[] json, int offset, int length) {
        return JsonValue.parse(json, offset, length).asObject();
    }

    public String path() {
        return path;
    }

    /** True when the field is present and not {@code null}. */
    public boolean has(String name) {
        Object v = fields.get(name);
        return v != null && v != JsonTree.NULL;
    }

    /** The field, or null when absent or {@code null}. */
    public JsonValue get(String name) {
        Object v = fields.get(name);
        return v == null || v == JsonTree.NULL ? null : new JsonValue(v, JsonValue.child(path, name));
    }

    public JsonValue require(String name) {
        JsonValue v = get(name);
        if (v == null) {
            throw missing(name);
        }
        return v;
    }

    public WireFormatException missing(String name) {
        return new WireFormatException(JsonValue.child(path, name), Kind.MISSING,
                fields.containsKey(name) ? "required, got null" : "required field is missing");
    }

    // ---------------------------------------------------------------- plain values

    public String str(String name) {
        return require(name).asString();
    }

    public String optStr(String name) {
        JsonValue v = get(name);
        return v == null ? null : v.asString();
    }

    public long num(String name) {
        return require(name).asLong();
    }

    public long optNum(String name) {
        JsonValue v = get(name);
        return v == null ? Wire.ABSENT : v.asLong();
    }

    public int integer(String name) {
        return require(name).asInt();
    }

    public Integer optInteger(String name) {
        JsonValue v = get(name);
        return v == null ? null : v.asInt();
    }

    public boolean bool(String name) {
        return require(name).asBoolean();
    }

    public Boolean optBool(String name) {
        JsonValue v = get(name);
        return v == null ? null : v.asBoolean();
    }

    public BigDecimal optDecimal(String name) {
        JsonValue v = get(name);
        return v == null ? null : v.asDecimal();
    }

    /** An RFC 3339 string field in epoch ms, or ABSENT. */
    public long optMillis(String name) {
        JsonValue v = get(name);
        return v == null ? Wire.ABSENT : v.asRfc3339Millis();
    }

    /** An integer Unix-seconds field in epoch ms, or ABSENT. */
    public long optSecondsAsMillis(String name) {
        JsonValue v = get(name);
        if (v == null) {
            return Wire.ABSENT;
        }
        long seconds = v.asLong();
        if (Math.abs(seconds) > Long.MAX_VALUE / 1000) {
            throw v.invalid("seconds out of range: " + seconds);
        }
        return seconds * 1000;
    }

    public <E extends Enum<E> & WireEnum> E enumOf(String name, Class<E> type) {
        return require(name).asEnum(type);
    }

    public <E extends Enum<E> & WireEnum> E optEnum(String name, Class<E> type) {
        JsonValue v = get(name);
        return v == null ? null : v.asEnum(type);
    }

    // ---------------------------------------------------------------- fixed point

    public long price(String name) {
        return require(name).asPrice();
    }

    public long optPrice(String name) {
        JsonValue v = get(name);
        return v == null ? Wire.ABSENT : v.asPrice();
    }

    public long count(String name) {
        return require(name).asCount();
    }

    public long optCount(String name) {
        JsonValue v = get(name);
        return v == null ? Wire.ABSENT : v.asCount();
    }

    public long optSignedCount(String name) {
        JsonValue v = get(name);
        return v == null ? Wire.ABSENT : v.asSignedCount();
    }

    public long optMoney(String name) {
        JsonValue v = get(name);
        return v == null ? Wire.ABSENT : v.asMoney();
    }

    /** {@code dollarsName} as a price, else legacy {@code centsName} as integer cents, else ABSENT. */
    public long priceOr(String dollarsName, String centsName) {
        JsonValue v = get(dollarsName);
        if (v != null) {
            return v.asPrice();
        }
        v = get(centsName);
        return v == null ? Wire.ABSENT : v.asCents();
    }

    /** {@code fpName} as a count, else legacy integer {@code countName}, else ABSENT. */
    public long countOr(String fpName, String countName) {
        JsonValue v = get(fpName);
        if (v == null) {
            v = get(countName);
        }
        return v == null ? Wire.ABSENT : v.asCount();
    }

    /** Signed form of {@link #countOr}. */
    public long signedCountOr(String fpName, String countName) {
        JsonValue v = get(fpName);
        if (v == null) {
            v = get(countName);
        }
        return v == null ? Wire.ABSENT : v.asSignedCount();
    }

    /** {@code dollarsName} as money, else legacy integer cents {@code centsName} (×100), else ABSENT. */
    public long moneyOrCents(String dollarsName, String centsName) {
        JsonValue v = get(dollarsName);
        return v != null ? v.asMoney() : optCentsAsMoney(centsName);
    }

    /** An integer-cents field ({@code "balance": 12345}) as money (×100), or ABSENT. */
    public long optCentsAsMoney(String name) {
        JsonValue v = get(name);
        if (v == null) {
            return Wire.ABSENT;
        }
        long cents = v.asLong();
        if (Math.abs(cents) > FixedPoint.MAX_MONEY / FixedPoint.CENT) {
            throw v.invalid("cents out of range: " + cents);
        }
        return cents * FixedPoint.CENT;
    }

    // ---------------------------------------------------------------- nested

    public JsonObject obj(String name) {
        return require(name).asObject();
    }

    public JsonObject optObj(String name) {
        JsonValue v = get(name);
        return v == null ? null : v.asObject();
    }

    public <T> List<T> list(String name, Function<JsonValue, T> element) {
        return map(require(name).asArray(), element);
    }

    /** The list, or null when absent or {@code null}. */
    public <T> List<T> optList(String name, Function<JsonValue, T> element) {
        JsonValue v = get(name);
        return v == null ? null : map(v.asArray(), element);
    }

    /** A list of objects, each read by {@code element}. */
    public <T> List<T> objects(String name, Function<JsonObject, T> element) {
        return list(name, v -> element.apply(v.asObject()));
    }

    public <T> List<T> optObjects(String name, Function<JsonObject, T> element) {
        return optList(name, v -> element.apply(v.asObject()));
    }

    public List<String> optStrings(String name) {
        return optList(name, JsonValue::asString);
    }

    private static <T> List<T> map(List<JsonValue> values, Function<JsonValue, T> element) {
        List<T> out = new ArrayList<>(values.size());
        for (JsonValue v : values) {
            out.add(element.apply(v));
        }
        return Collections.unmodifiableList(out);
    }
}

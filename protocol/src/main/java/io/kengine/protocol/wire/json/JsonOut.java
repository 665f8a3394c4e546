package io.kengine.protocol.wire.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import io.kengine.protocol.units.FixedPoint;
import io.kengine.protocol.wire.Wire;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import io.kengine.protocol.wire.model.PriceLevel;

/**
 * Writes one JSON document with Jackson's streaming {@link JsonGenerator}, in Kalshi's spellings:
 * prices as 4-decimal dollar strings ({@code "0.5600"}), counts as 2-decimal strings ({@code "10.00"}),
 * money as 4-decimal dollar strings, times as RFC 3339 or epoch integers as each field requires.
 *
 * <p>Every field method skips an absent value ({@link Wire#ABSENT} or {@code null}), so records map
 * to bodies without a branch per optional field; {@code ...OrNull} methods write an explicit
 * {@code null} for the few fields Kalshi sends as null. I/O errors cannot happen on the in-memory
 * buffer and surface as {@link UncheckedIOException}.
 */
public final class JsonOut {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    private final JsonGenerator g;

    private JsonOut() {
        try {
            g = JsonTree.FACTORY.createGenerator(bytes, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code value} as one top-level object with {@code body} and returns the UTF-8 bytes. */
    public static <T> byte[] objectBytes(T value, BiConsumer<T, JsonOut> body) {
        JsonOut out = new JsonOut();
        out.run(() -> out.g.writeStartObject());
        body.accept(value, out);
        out.run(() -> {
            out.g.writeEndObject();
            out.g.close();
        });
        return out.bytes.toByteArray();
    }

    @FunctionalInterface
    private interface Io {
        void run() throws IOException;
    }

    private JsonOut run(Io io) {
        try {
            io.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    // ---------------------------------------------------------------- plain values

    public JsonOut str(String name, String value) {
        return value == null ? this : run(() -> g.writeStringField(name, value));
    }

    public JsonOut strOrNull(String name, String value) {
        return value == null ? run(() -> g.writeNullField(name)) : str(name, value);
    }

    /** An integer field; skipped when ABSENT. */
    public JsonOut num(String name, long value) {
        return value == Wire.ABSENT ? this : run(() -> g.writeNumberField(name, value));
    }

    public JsonOut integer(String name, Integer value) {
        return value == null ? this : run(() -> g.writeNumberField(name, value.intValue()));
    }

    public JsonOut bool(String name, Boolean value) {
        return value == null ? this : run(() -> g.writeBooleanField(name, value));
    }

    /** A JSON number with the decimal's exact plain digits ({@code 0.5}, {@code 1}, never {@code 1E+1}). */
    public JsonOut decimal(String name, BigDecimal value) {
        return value == null ? this : run(() -> {
            g.writeFieldName(name);
            g.writeNumber(value.toPlainString());
        });
    }

    public JsonOut decimalOrNull(String name, BigDecimal value) {
        return value == null ? run(() -> g.writeNullField(name)) : decimal(name, value);
    }

    /** A decimal written as a JSON string of its plain digits (Kalshi's {@code average_fill_price}). */
    public JsonOut decimalString(String name, BigDecimal value) {
        return value == null ? this : str(name, value.toPlainString());
    }

    public JsonOut enumValue(String name, WireEnum value) {
        return value == null ? this : str(name, value.wireName());
    }

    /** Epoch ms as RFC 3339 UTC ({@code "2022-11-22T20:44:01Z"}, {@code ".123Z"} when ms are non-zero). */
    public JsonOut rfc3339(String name, long epochMs) {
        return epochMs == Wire.ABSENT ? this : str(name, Instant.ofEpochMilli(epochMs).toString());
    }

    /** Epoch ms as integer Unix seconds (floor). */
    public JsonOut epochSeconds(String name, long epochMs) {
        return epochMs == Wire.ABSENT ? this : num(name, Math.floorDiv(epochMs, 1000L));
    }

    // ---------------------------------------------------------------- fixed point

    public JsonOut price(String name, long price) {
        return price == Wire.ABSENT ? this : str(name, FixedPoint.formatPrice(price));
    }

    /** Signed or unsigned count, 2 decimals. */
    public JsonOut count(String name, long count) {
        return count == Wire.ABSENT ? this : str(name, FixedPoint.formatCount(count));
    }

    public JsonOut money(String name, long money) {
        return money == Wire.ABSENT ? this : str(name, FixedPoint.formatMoney(money));
    }

    /** Money as integer cents, truncated toward zero (Kalshi's integer {@code balance}). */
    public JsonOut moneyAsCents(String name, long money) {
        return money == Wire.ABSENT ? this : num(name, money / FixedPoint.CENT);
    }

    // ---------------------------------------------------------------- nested

    public JsonOut strings(String name, List<String> values) {
        return values == null ? this : run(() -> {
            g.writeArrayFieldStart(name);
            for (String s : values) {
                g.writeString(s);
            }
            g.writeEndArray();
        });
    }

    public JsonOut longs(String name, List<Long> values) {
        return values == null ? this : run(() -> {
            g.writeArrayFieldStart(name);
            for (Long v : values) {
                g.writeNumber(v);
            }
            g.writeEndArray();
        });
    }

    /** A nested object; skipped when {@code value} is null. */
    public <T> JsonOut object(String name, T value, BiConsumer<T, JsonOut> body) {
        if (value == null) {
            return this;
        }
        run(() -> g.writeObjectFieldStart(name));
        body.accept(value, this);
        return run(() -> g.writeEndObject());
    }

    /** An array of objects; skipped when {@code values} is null. */
    public <T> JsonOut objects(String name, List<T> values, BiConsumer<T, JsonOut> body) {
        if (values == null) {
            return this;
        }
        run(() -> g.writeArrayFieldStart(name));
        for (T v : values) {
            run(() -> g.writeStartObject());
            body.accept(v, this);
            run(() -> g.writeEndObject());
        }
        return run(() -> g.writeEndArray());
    }

    /** Book levels as {@code [["0.4200","13.00"], ...]}; skipped when {@code levels} is null. */
    public JsonOut levels(String name, List<PriceLevel> levels) {
        return levels == null ? this : run(() -> {
            g.writeArrayFieldStart(name);
            for (PriceLevel l : levels) {
                g.writeStartArray();
                g.writeString(FixedPoint.formatPrice(l.price()));
                g.writeString(FixedPoint.formatCount(l.count()));
                g.writeEndArray();
            }
            g.writeEndArray();
        });
    }
}

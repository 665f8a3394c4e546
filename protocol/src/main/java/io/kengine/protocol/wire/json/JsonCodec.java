package io.kengine.protocol.wire.json;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Writes and reads one record type as a JSON object. Instances are immutable and thread-safe.
 * Reading throws only {@link io.kengine.protocol.wire.WireFormatException}.
 */
public final class JsonCodec<T> {
    private final String name;
    private final BiConsumer<T, JsonOut> writer;
    private final Function<JsonObject, T> reader;

    private JsonCodec(String name, BiConsumer<T, JsonOut> writer, Function<JsonObject, T> reader) {
        this.name = name;
        this.writer = writer;
        this.reader = reader;
    }

    /** {@code writer} writes the object's fields (the braces are written around it); {@code reader} builds the record. */
    public static <T> JsonCodec<T> of(String name, BiConsumer<T, JsonOut> writer, Function<JsonObject, T> reader) {
        return new JsonCodec<>(name, writer, reader);
    }

    /** What it encodes, e.g. {@code "CreateOrderV2Request"}. */
    public String name() {
        return name;
    }

    public byte[] toBytes(T value) {
        Objects.requireNonNull(value, name);
        return JsonOut.objectBytes(value, writer);
    }

    public String toJson(T value) {
        return new String(toBytes(value), StandardCharsets.UTF_8);
    }

    public T fromJson(String json) {
        return reader.apply(JsonObject.parse(json));
    }

    public T fromJson(byte[] json) {
        return fromJson(json, 0, json.length);
    }

    public T fromJson(byte[] json, int offset, int length) {
        return reader.apply(JsonObject.parse(json, offset, length));
    }

    /** Reads from an already parsed object (nested use). */
    public T read(JsonObject object) {
        return reader.apply(object);
    }

    /** Writes the fields into an object already opened (nested use). */
    public void writeFields(T value, JsonOut out) {
        writer.accept(value, out);
    }

    @Override
    public String toString() {
        return "JsonCodec[" + name + "]";
    }
}

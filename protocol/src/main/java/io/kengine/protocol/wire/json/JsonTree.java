package io.kengine.protocol.wire.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.kengine.protocol.wire.WireFormatException;
import io.kengine.protocol.wire.WireFormatException.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON text with Jackson's streaming {@link JsonParser} into a small tree of plain values:
 * {@code Map} (objects, key order kept), {@code List}, {@code String}, {@link Num} (numbers keep their
 * literal text, so {@code 0.56} is never a double), {@code Boolean} and {@link #NULL}.
 *
 * <p>Why a tree and not direct streaming: the readers here are for REST bodies and WebSocket
 * control messages where clarity and exact error messages matter more than allocation; the feed's
 * zero-allocation decoder is a separate piece.
 */
public final class JsonTree {
    /** JSON {@code null}. */
    public static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A JSON number as written: {@code text} is the literal, {@code integral} when it has no '.', 'e' or 'E'. */
    public record Num(String text, boolean integral) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** Shared, thread-safe; strict JSON (no comments, no NaN, no single quotes). */
    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonTree() {
    }

    /** The root value, or a {@link WireFormatException} (kind MALFORMED_JSON, field "$"). */
    public static Object parse(byte[] json, int offset, int length) {
        try (JsonParser p = FACTORY.createParser(json, offset, length)) {
            return parseDocument(p);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new WireFormatException("$", Kind.MALFORMED_JSON, "unreadable: " + e.getMessage(), e);
        }
    }

    public static Object parse(String json) {
        if (json == null) {
            throw new WireFormatException("$", Kind.MALFORMED_JSON, "no document (null)");
        }
        try (JsonParser p = FACTORY.createParser(json)) {
            return parseDocument(p);
        } catch (JsonProcessingException e) {
            throw malformed(e);
        } catch (IOException e) {
            throw new WireFormatException("$", Kind.MALFORMED_JSON, "unreadable: " + e.getMessage(), e);
        }
    }

    private static Object parseDocument(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new WireFormatException("$", Kind.MALFORMED_JSON, "empty document");
        }
        Object root = value(p, t, "$");
        if (p.nextToken() != null) {
            throw new WireFormatException("$", Kind.MALFORMED_JSON,
                    "trailing content after the document at " + location(p));
        }
        return root;
    }

    private static Object value(JsonParser p, JsonToken t, String path) throws IOException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                    String name = p.currentName();
                    String childPath = JsonValue.child(path, name);
                    Object v = value(p, p.nextToken(), childPath);
                    if (map.putIfAbsent(name, v) != null) {
                        // Two values for one key: which one a peer used is unknowable, so refuse both.
                        throw new WireFormatException(childPath, Kind.MALFORMED_JSON, "duplicate key");
                    }
                }
                return Collections.unmodifiableMap(map);
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(value(p, e, path + "[" + list.size() + "]"));
                }
                return Collections.unmodifiableList(list);
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return new Num(p.getText(), true);
            case VALUE_NUMBER_FLOAT:
                return new Num(p.getText(), false);
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                throw new WireFormatException(path, Kind.MALFORMED_JSON, "unexpected token " + t + " at " + location(p));
        }
    }

    private static WireFormatException malformed(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + " column " + e.getLocation().getColumnNr();
        return new WireFormatException("$", Kind.MALFORMED_JSON, "malformed JSON" + where + ": " + e.getOriginalMessage(), e);
    }

    private static String location(JsonParser p) {
        return "line " + p.currentLocation().getLineNr() + " column " + p.currentLocation().getColumnNr();
    }
}

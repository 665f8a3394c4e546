package io.kengine.protocol.wire;

/**
 * A Kalshi JSON body or message that the wire readers refuse: malformed JSON, a missing required
 * field, a value of the wrong JSON type, or a value outside what the field allows. The one exception
 * type every reader in {@code io.kengine.protocol.wire} throws for bad input.
 *
 * <p>{@link #field()} is the path of the offending value from the document root
 * ({@code "msg.delta_fp"}, {@code "orders[2].price"}, {@code "$"} for the document itself), so a
 * server can answer with a message that names the field and a client can count rejects per field.
 */
public final class WireFormatException extends RuntimeException {
    /** What kind of problem it is; a server maps these to its own error codes. */
    public enum Kind {
        /** Not JSON at all, truncated, trailing garbage, or a duplicated key. */
        MALFORMED_JSON,
        /** A required field is absent or {@code null}. */
        MISSING,
        /** The field has the wrong JSON type (a string where an object belongs, ...). */
        WRONG_TYPE,
        /** Right JSON type, unacceptable value (bad fixed-point text, unknown enum value, ...). */
        INVALID_VALUE
    }

    private final String field;
    private final Kind kind;
    private final String problem;

    public WireFormatException(String field, Kind kind, String problem) {
        this(field, kind, problem, null);
    }

    public WireFormatException(String field, Kind kind, String problem, Throwable cause) {
        super("field \"" + field + "\": " + problem, cause);
        this.field = field;
        this.kind = kind;
        this.problem = problem;
    }

    /** Path of the offending value, e.g. {@code msg.price_dollars} or {@code orders[0].count}; {@code $} for the root. */
    public String field() {
        return field;
    }

    public Kind kind() {
        return kind;
    }

    /** What is wrong, without the field name. */
    public String problem() {
        return problem;
    }
}

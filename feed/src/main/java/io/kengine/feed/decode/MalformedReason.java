package io.kengine.feed.decode;

/**
 * Why a frame was dropped. Every value except {@link #UNKNOWN_MARKET} is set by the decoder on a
 * {@link FrameKind#MALFORMED} frame; {@code UNKNOWN_MARKET} is counted by {@link RingEventWriter}
 * for a well-formed frame whose ticker no market id answers.
 */
public enum MalformedReason {
    /** The frame ends inside the document (or is empty). */
    TRUNCATED,
    /** Not JSON: bad token, bad escape, control character or invalid UTF-8 in a string, trailing content. */
    BAD_JSON,
    /** A key occurs twice in one object: which value the sender meant is unknowable. */
    DUPLICATE_KEY,
    /** Beyond the scanner's fixed limits: nesting deeper than 32, more than 64 unknown keys in one object, a key over 256 bytes. */
    TOO_COMPLEX,
    /** Longer than the decoder's frame limit. */
    FRAME_TOO_LARGE,
    /** A field the message needs is absent or JSON null. */
    MISSING_FIELD,
    /** A field (or the root) has the wrong JSON type: e.g. a float or a string where an integer belongs. */
    WRONG_TYPE,
    /** A kept string (ticker, id, enum) holds an escape, a non-printable or a non-ASCII byte. */
    BAD_STRING,
    /** A kept string is longer than its event field. */
    FIELD_TOO_LONG,
    /** An integer out of range (incl. negative sid/seq), or a fixed-point number that is not {@code [-]digits[.digits]}. */
    BAD_NUMBER,
    /** A price with a non-zero digit below $0.0001 (or a fractional legacy cent value). */
    PRICE_OFF_GRID,
    /** A price outside [0, 1] ($1 and 0 are also refused where a level, delta, trade, fill or order needs (0, 1)). */
    PRICE_OUT_OF_RANGE,
    /** A count that must not be negative is. */
    NEGATIVE_COUNT,
    /** A count with a non-zero digit below 0.01 contracts. */
    COUNT_OFF_GRID,
    /** A count or money amount beyond the fixed-point maximum. */
    COUNT_TOO_LARGE,
    /** A side, action, status or similar string outside its set. */
    BAD_ENUM,
    /** A book level that is not a two-element array. */
    BAD_LEVEL,
    /** A snapshot side with more levels than {@link DecodedFrame#MAX_LEVELS_PER_SIDE}. */
    TOO_DEEP,
    /** A timestamp that is not a supported RFC 3339 form, or seconds out of range. */
    BAD_TIME,
    /** Counted by {@link RingEventWriter}: the market ticker is not registered. */
    UNKNOWN_MARKET,
    /** The decoder threw: a bug, caught so the feed survives; tests require this to stay 0. */
    INTERNAL_ERROR;

    static final MalformedReason[] VALUES = values();
    public static final int COUNT = VALUES.length;

    public static MalformedReason of(int ordinal) {
        return VALUES[ordinal];
    }
}

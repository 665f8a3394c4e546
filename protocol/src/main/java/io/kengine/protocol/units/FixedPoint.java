package io.kengine.protocol.units;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Exact codecs between Kalshi's fixed-point strings and the engine's longs; nothing goes through
 * {@code double}, so {@code "0.5600"} is exactly 5600 and a sum of deltas nets to exactly zero.
 *
 * <h2>Units</h2>
 * <ul>
 *   <li>price: $0.0001 ({@link #PRICE_ONE} = $1), range [0, 1];</li>
 *   <li>count: 0.01 contracts ({@link #COUNT_ONE} = 1 contract), range [0, {@link #MAX_COUNT}];
 *       signed count (deltas, positions) [-{@link #MAX_COUNT}, {@link #MAX_COUNT}];</li>
 *   <li>money: $0.0001, range [-{@link #MAX_MONEY}, {@link #MAX_MONEY}].</li>
 * </ul>
 * The count limit (just under 10^12 contracts) keeps {@code count * price} inside a long
 * (at most ~10^18), so notional arithmetic downstream cannot overflow either.
 *
 * <h2>Accepted syntax</h2>
 * {@code [-]digits[.digits]}, ASCII only, nothing around it:
 * <ul>
 *   <li>Fewer decimals than the unit holds are fine ({@code "0.56"}, {@code "12"}, {@code "1.5"});
 *       more are fine only if every extra digit is 0 ({@code "0.560000"}: Kalshi responses carry up to
 *       6 decimals). A non-zero extra digit is rejected, never rounded.</li>
 *   <li>Leading zeros are accepted ({@code "00.50"}); they change nothing.</li>
 *   <li>Rejected: empty, lone sign, lone dot, a leading dot ({@code ".5"}: Kalshi and JSON always
 *       write a leading digit), a trailing dot ({@code "1."}), a second dot, exponents, spaces
 *       anywhere, any other character, and a {@code '+'} sign (Kalshi never writes one, JSON forbids
 *       it; accepting it would only widen what a corrupted frame can pass for).</li>
 *   <li>{@code '-'} is accepted only by the signed kinds (signed count, money); a price or count
 *       with a minus, even {@code "-0"}, is out of range.</li>
 *   <li>Legacy integer cents go through {@link #parseCents(CharSequence)} (digits only, 0..100).
 *       Legacy integer counts need nothing special: {@code parseCount("12")} is 1200.</li>
 * </ul>
 *
 * <h2>Two forms of every parser, one implementation</h2>
 * The {@code CharSequence} form throws {@link FixedPointFormatException}; the byte (and char[])
 * forms allocate nothing and return {@link #INVALID}, so a hot-path decoder counts and skips a
 * malformed frame without an exception. Both run the same private scanner, which returns either
 * the value or an error code (kind of error + position) encoded below every valid value;
 * the throwing form only turns that code into a message.
 *
 * <h2>Formatting</h2>
 * Prices as 4 decimals ({@code "0.5600"}, what order requests accept), counts as 2
 * ({@code "10.00"}, {@code "-3.00"}), money as 4 ({@code "-54.0000"}: money is held in $0.0001 and
 * printing every digit keeps format/parse a round trip). Each comes as a String, as an append to a
 * {@link StringBuilder}, and as a zero-allocation write of ASCII bytes into a buffer.
 */
public final class FixedPoint {
    /** Returned by the byte parsers for any rejected input; no valid value equals it. */
    public static final long INVALID = Long.MIN_VALUE;

    /** $1 in price/money units. */
    public static final long PRICE_ONE = 10_000L;
    /** $0.01 in price/money units. */
    public static final long CENT = 100L;
    /** One contract in count units. */
    public static final long COUNT_ONE = 100L;

    public static final int PRICE_DECIMALS = 4;
    public static final int COUNT_DECIMALS = 2;
    public static final int MONEY_DECIMALS = 4;

    /** Largest count magnitude: 999,999,999,999.99 contracts. */
    public static final long MAX_COUNT = 99_999_999_999_999L;
    /** Largest money magnitude: $999,999,999,999.9999. */
    public static final long MAX_MONEY = 9_999_999_999_999_999L;
    /** Longest text any format method writes ({@code "-999999999999.9999"}). */
    public static final int MAX_FORMATTED_LENGTH = 18;

    // Kinds: each is a (decimals, largest magnitude, signed) rule set.
    private static final int PRICE = 0;
    private static final int CENTS = 1;
    private static final int COUNT = 2;
    private static final int SIGNED_COUNT = 3;
    private static final int MONEY = 4;
    private static final String[] KIND_NAME = {"price", "cents", "count", "signed count", "money"};
    private static final int[] DECIMALS = {PRICE_DECIMALS, 0, COUNT_DECIMALS, COUNT_DECIMALS, MONEY_DECIMALS};
    private static final long[] MAX = {PRICE_ONE, 100L, MAX_COUNT, MAX_COUNT, MAX_MONEY};
    private static final boolean[] SIGNED = {false, false, false, true, true};

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L};

    // Where the scanner reads characters from.
    private static final int SRC_CHAR_SEQUENCE = 0;
    private static final int SRC_BUFFER = 1;
    private static final int SRC_BYTES = 2;
    private static final int SRC_CHARS = 3;

    // Error codes, encoded as ERROR_BASE | (position + 1) << 8 | code: all far below -MAX_MONEY.
    private static final int E_EMPTY = 1;
    private static final int E_NO_DIGITS = 2;
    private static final int E_UNEXPECTED = 3;
    private static final int E_LEADING_DOT = 4;
    private static final int E_TRAILING_DOT = 5;
    private static final int E_SECOND_DOT = 6;
    private static final int E_DECIMALS = 7;
    private static final int E_RANGE = 8;
    private static final int E_OVERFLOW = 9;
    private static final long ERROR_BASE = Long.MIN_VALUE;
    private static final long ERROR_CEILING = Long.MIN_VALUE + (1L << 48);

    private FixedPoint() {
    }

    // ---------------------------------------------------------------- price

    /** Parses a dollar price such as {@code "0.5600"} into $0.0001 units, range [0, 1]. */
    public static long parsePrice(CharSequence s) {
        return parseOrThrow(PRICE, s);
    }

    /** Zero-allocation {@link #parsePrice(CharSequence)}; {@link #INVALID} when rejected. */
    public static long parsePrice(DirectBuffer buffer, int offset, int length) {
        return valueOrInvalid(scan(PRICE, SRC_BUFFER, buffer, offset, length));
    }

    /** Zero-allocation {@link #parsePrice(CharSequence)}; {@link #INVALID} when rejected. */
    public static long parsePrice(byte[] bytes, int offset, int length) {
        return valueOrInvalid(scan(PRICE, SRC_BYTES, bytes, offset, length));
    }

    /** Zero-allocation {@link #parsePrice(CharSequence)} (e.g. over Jackson's text characters); {@link #INVALID} when rejected. */
    public static long parsePrice(char[] chars, int offset, int length) {
        return valueOrInvalid(scan(PRICE, SRC_CHARS, chars, offset, length));
    }

    /** Parses legacy integer cents ({@code "56"}) into $0.0001 units (5600); digits only, range [0, 100]. */
    public static long parseCents(CharSequence s) {
        return parseOrThrow(CENTS, s) * CENT;
    }

    public static long parseCents(DirectBuffer buffer, int offset, int length) {
        return centsOrInvalid(scan(CENTS, SRC_BUFFER, buffer, offset, length));
    }

    public static long parseCents(byte[] bytes, int offset, int length) {
        return centsOrInvalid(scan(CENTS, SRC_BYTES, bytes, offset, length));
    }

    public static long parseCents(char[] chars, int offset, int length) {
        return centsOrInvalid(scan(CENTS, SRC_CHARS, chars, offset, length));
    }

    // ---------------------------------------------------------------- count

    /** Parses a non-negative contract count ({@code "10.00"}, {@code "12"}, {@code "1.5"}) into 0.01 contracts. */
    public static long parseCount(CharSequence s) {
        return parseOrThrow(COUNT, s);
    }

    public static long parseCount(DirectBuffer buffer, int offset, int length) {
        return valueOrInvalid(scan(COUNT, SRC_BUFFER, buffer, offset, length));
    }

    public static long parseCount(byte[] bytes, int offset, int length) {
        return valueOrInvalid(scan(COUNT, SRC_BYTES, bytes, offset, length));
    }

    public static long parseCount(char[] chars, int offset, int length) {
        return valueOrInvalid(scan(COUNT, SRC_CHARS, chars, offset, length));
    }

    /** Parses a signed count ({@code "-3.00"}: book deltas, positions) into 0.01 contracts. */
    public static long parseSignedCount(CharSequence s) {
        return parseOrThrow(SIGNED_COUNT, s);
    }

    public static long parseSignedCount(DirectBuffer buffer, int offset, int length) {
        return valueOrInvalid(scan(SIGNED_COUNT, SRC_BUFFER, buffer, offset, length));
    }

    public static long parseSignedCount(byte[] bytes, int offset, int length) {
        return valueOrInvalid(scan(SIGNED_COUNT, SRC_BYTES, bytes, offset, length));
    }

    public static long parseSignedCount(char[] chars, int offset, int length) {
        return valueOrInvalid(scan(SIGNED_COUNT, SRC_CHARS, chars, offset, length));
    }

    // ---------------------------------------------------------------- money

    /** Parses a signed dollar amount ({@code "-54.00"}, {@code "1234.5678"}) into $0.0001 units. */
    public static long parseMoney(CharSequence s) {
        return parseOrThrow(MONEY, s);
    }

    public static long parseMoney(DirectBuffer buffer, int offset, int length) {
        return valueOrInvalid(scan(MONEY, SRC_BUFFER, buffer, offset, length));
    }

    public static long parseMoney(byte[] bytes, int offset, int length) {
        return valueOrInvalid(scan(MONEY, SRC_BYTES, bytes, offset, length));
    }

    public static long parseMoney(char[] chars, int offset, int length) {
        return valueOrInvalid(scan(MONEY, SRC_CHARS, chars, offset, length));
    }

    // ---------------------------------------------------------------- format

    /** {@code 5600 -> "0.5600"}; the price must be in [0, {@link #PRICE_ONE}]. */
    public static String formatPrice(long price) {
        return appendPrice(new StringBuilder(6), price).toString();
    }

    /** Writes the price as ASCII at {@code index}; returns the number of bytes written (always 6). */
    public static int formatPrice(MutableDirectBuffer buffer, int index, long price) {
        return emit(PRICE, price, buffer, index, null);
    }

    public static StringBuilder appendPrice(StringBuilder sb, long price) {
        emit(PRICE, price, null, 0, sb);
        return sb;
    }

    /** {@code 1000 -> "10.00"}, {@code -300 -> "-3.00"}; any value in [-{@link #MAX_COUNT}, {@link #MAX_COUNT}]. */
    public static String formatCount(long count) {
        return appendCount(new StringBuilder(8), count).toString();
    }

    /** Writes the count as ASCII at {@code index}; returns the number of bytes written. */
    public static int formatCount(MutableDirectBuffer buffer, int index, long count) {
        return emit(SIGNED_COUNT, count, buffer, index, null);
    }

    public static StringBuilder appendCount(StringBuilder sb, long count) {
        emit(SIGNED_COUNT, count, null, 0, sb);
        return sb;
    }

    /** {@code -540000 -> "-54.0000"}: always 4 decimals; any value in [-{@link #MAX_MONEY}, {@link #MAX_MONEY}]. */
    public static String formatMoney(long money) {
        return appendMoney(new StringBuilder(10), money).toString();
    }

    /** Writes the amount as ASCII at {@code index}; returns the number of bytes written. */
    public static int formatMoney(MutableDirectBuffer buffer, int index, long money) {
        return emit(MONEY, money, buffer, index, null);
    }

    public static StringBuilder appendMoney(StringBuilder sb, long money) {
        emit(MONEY, money, null, 0, sb);
        return sb;
    }

    // ---------------------------------------------------------------- the one scanner

    private static int charAt(int srcKind, Object src, int index) {
        switch (srcKind) {
            case SRC_BUFFER: return ((DirectBuffer) src).getByte(index) & 0xFF;
            case SRC_BYTES: return ((byte[]) src)[index] & 0xFF;
            case SRC_CHARS: return ((char[]) src)[index];
            default: return ((CharSequence) src).charAt(index);
        }
    }

    private static long error(int code, int position) {
        return ERROR_BASE | ((long) (position + 1) << 8) | code;
    }

    /**
     * Returns the value, or an error code (see {@link #error}). Syntax is checked over the whole
     * input first, then surplus decimals, then the range, so each input has exactly one verdict.
     */
    private static long scan(int kind, int srcKind, Object src, int offset, int length) {
        if (length <= 0) {
            return error(E_EMPTY, -1);
        }
        final int decimals = DECIMALS[kind];
        final long scale = POW10[decimals];
        final long max = MAX[kind];
        // Integer digits stop accumulating above this (the value is then out of range anyway),
        // so no input, however long, can overflow the accumulator.
        final long intCap = max / scale + 1;

        int i = 0;
        boolean negative = false;
        if (charAt(srcKind, src, offset) == '-') {
            negative = true;
            i = 1;
        }

        long intPart = 0;
        int intDigits = 0;
        int c = 0;
        for (; i < length; i++) {
            c = charAt(srcKind, src, offset + i);
            if (c < '0' || c > '9') {
                break;
            }
            if (intPart <= intCap) {
                intPart = intPart * 10 + (c - '0');
            }
            intDigits++;
        }

        long frac = 0;
        int surplusAt = -1;
        if (i < length) {
            if (c != '.' || decimals == 0) {
                return error(E_UNEXPECTED, i);
            }
            if (intDigits == 0) {
                return error(E_LEADING_DOT, i);
            }
            int dot = i++;
            if (i == length) {
                return error(E_TRAILING_DOT, dot);
            }
            int fracDigits = 0;
            for (; i < length; i++) {
                c = charAt(srcKind, src, offset + i);
                if (c >= '0' && c <= '9') {
                    if (fracDigits < decimals) {
                        frac = frac * 10 + (c - '0');
                    } else if (c != '0' && surplusAt < 0) {
                        surplusAt = i;
                    }
                    fracDigits++;
                } else if (c == '.') {
                    return error(E_SECOND_DOT, i);
                } else {
                    return error(E_UNEXPECTED, i);
                }
            }
            if (fracDigits < decimals) {
                frac *= POW10[decimals - fracDigits];
            }
        } else if (intDigits == 0) {
            return error(E_NO_DIGITS, -1);
        }

        if (surplusAt >= 0) {
            return error(E_DECIMALS, surplusAt);
        }
        if (negative && !SIGNED[kind]) {
            return error(E_RANGE, -1);
        }
        long magnitude = intPart * scale + frac; // intPart <= 10 * intCap + 9: cannot overflow
        if (magnitude > max) {
            return error(kind == PRICE || kind == CENTS ? E_RANGE : E_OVERFLOW, -1);
        }
        return negative ? -magnitude : magnitude;
    }

    private static long valueOrInvalid(long r) {
        return r < ERROR_CEILING ? INVALID : r;
    }

    private static long centsOrInvalid(long r) {
        return r < ERROR_CEILING ? INVALID : r * CENT;
    }

    private static long parseOrThrow(int kind, CharSequence s) {
        if (s == null) {
            throw new FixedPointFormatException("null", KIND_NAME[kind], "null input", -1);
        }
        long r = scan(kind, SRC_CHAR_SEQUENCE, s, 0, s.length());
        if (r >= ERROR_CEILING) {
            return r;
        }
        int code = (int) (r & 0xFF);
        int position = (int) ((r >>> 8) & 0xFFFF_FFFFL) - 1;
        throw new FixedPointFormatException(s.toString(), KIND_NAME[kind], describe(kind, code, position, s), position);
    }

    private static String describe(int kind, int code, int position, CharSequence s) {
        switch (code) {
            case E_EMPTY: return "empty";
            case E_NO_DIGITS: return "no digits";
            case E_UNEXPECTED: return "unexpected character " + quoteChar(s.charAt(position)) + " at " + position;
            case E_LEADING_DOT: return "no digit before '.' at " + position;
            case E_TRAILING_DOT: return "no digit after '.' at " + position;
            case E_SECOND_DOT: return "second '.' at " + position;
            case E_DECIMALS: return "more than " + DECIMALS[kind] + " decimals (non-zero digit at " + position + ")";
            case E_RANGE: return "out of range " + rangeText(kind);
            case E_OVERFLOW: return "overflow: magnitude above " + rangeBound(kind);
            default: return "error " + code;
        }
    }

    private static String quoteChar(char c) {
        if (c >= 0x20 && c < 0x7F) {
            return "'" + c + "'";
        }
        return String.format("U+%04X", (int) c);
    }

    private static String rangeText(int kind) {
        switch (kind) {
            case PRICE: return "[0, 1]";
            case CENTS: return "[0, 100]";
            case COUNT: return "[0, " + rangeBound(kind) + "]";
            default: return "[-" + rangeBound(kind) + ", " + rangeBound(kind) + "]";
        }
    }

    private static String rangeBound(int kind) {
        StringBuilder sb = new StringBuilder();
        emitUnchecked(DECIMALS[kind], MAX[kind], null, 0, sb);
        return sb.toString();
    }

    // ---------------------------------------------------------------- the one emitter

    private static int emit(int kind, long v, MutableDirectBuffer buffer, int index, StringBuilder sb) {
        long lo = SIGNED[kind] ? -MAX[kind] : 0;
        if (v < lo || v > MAX[kind]) {
            throw new IllegalArgumentException(KIND_NAME[kind] + " " + v + " outside [" + lo + ", " + MAX[kind] + "]");
        }
        return emitUnchecked(DECIMALS[kind], v, buffer, index, sb);
    }

    private static int emitUnchecked(int decimals, long v, MutableDirectBuffer buffer, int index, StringBuilder sb) {
        int n = 0;
        long magnitude = v;
        if (v < 0) {
            n = put(buffer, index, sb, n, '-');
            magnitude = -v;
        }
        long scale = POW10[decimals];
        long intPart = magnitude / scale;
        long frac = magnitude % scale;
        long p = 1;
        while (p <= intPart / 10) {
            p *= 10;
        }
        for (; p > 0; p /= 10) {
            n = put(buffer, index, sb, n, (char) ('0' + (intPart / p) % 10));
        }
        if (decimals > 0) {
            n = put(buffer, index, sb, n, '.');
            for (long q = scale / 10; q > 0; q /= 10) {
                n = put(buffer, index, sb, n, (char) ('0' + (frac / q) % 10));
            }
        }
        return n;
    }

    private static int put(MutableDirectBuffer buffer, int index, StringBuilder sb, int n, char c) {
        if (buffer != null) {
            buffer.putByte(index + n, (byte) c);
        } else {
            sb.append(c);
        }
        return n + 1;
    }
}

package io.kengine.config;

import io.kengine.protocol.units.FixedPoint;

import java.util.List;

/**
 * The text rules of each {@link ParameterKind}: parse to the kind's {@code long} and format back
 * to the one canonical text. Fixed-point kinds use the protocol codecs, so a parameter is read
 * exactly as the engine reads the same number from Kalshi.
 */
final class ValueText {
    private ValueText() {
    }

    static long parse(ParameterKind kind, List<String> allowed, String text) {
        switch (kind) {
            case PRICE: return FixedPoint.parsePrice(text);
            case COUNT: return FixedPoint.parseCount(text);
            case MONEY: return FixedPoint.parseMoney(text);
            case INT: return parseInteger(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG: return parseInteger(text, Long.MIN_VALUE, Long.MAX_VALUE);
            case BOOL: return parseBool(text);
            case ENUM: return parseChoice(text, allowed);
            case DURATION_MS: return parseDurationMs(text);
            case TEXT: return text.length();
            default: throw new AssertionError(kind);
        }
    }

    static String format(ParameterKind kind, List<String> allowed, long value) {
        switch (kind) {
            case PRICE: return FixedPoint.formatPrice(value);
            case COUNT: return FixedPoint.formatCount(value);
            case MONEY: return FixedPoint.formatMoney(value);
            case INT:
            case LONG: return Long.toString(value);
            case BOOL: return value != 0 ? "true" : "false";
            case ENUM: return allowed.get((int) value);
            case DURATION_MS: return value + "ms";
            default: throw new AssertionError(kind);
        }
    }

    /** Optional '-', then decimal digits only: no '+', spaces, underscores, hex or exponents (as FixedPoint). */
    static long parseInteger(String text, long min, long max) {
        int start = !text.isEmpty() && text.charAt(0) == '-' ? 1 : 0;
        if (start == text.length()) {
            throw invalid("integer", text, "not a whole number");
        }
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw invalid("integer", text, "not a whole number");
            }
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw invalid("integer", text, "out of range " + min + ".." + max);
        }
        if (value < min || value > max) {
            throw invalid("integer", text, "out of range " + min + ".." + max);
        }
        return value;
    }

    static long parseBool(String text) {
        if (text.equals("true")) {
            return 1;
        }
        if (text.equals("false")) {
            return 0;
        }
        throw invalid("boolean", text, "expected true or false");
    }

    static long parseChoice(String text, List<String> allowed) {
        int index = allowed.indexOf(text);
        if (index < 0) {
            throw invalid("value", text, "expected one of " + String.join(", ", allowed));
        }
        return index;
    }

    /** Whole milliseconds, or a whole number of s, m or h; plain digits mean milliseconds. */
    static long parseDurationMs(String text) {
        int digitsEnd = 0;
        while (digitsEnd < text.length() && text.charAt(digitsEnd) >= '0' && text.charAt(digitsEnd) <= '9') {
            digitsEnd++;
        }
        String unit = text.substring(digitsEnd);
        long factor;
        switch (unit) {
            case "":
            case "ms": factor = 1; break;
            case "s": factor = 1_000; break;
            case "m": factor = 60_000; break;
            case "h": factor = 3_600_000; break;
            default: factor = -1;
        }
        if (digitsEnd == 0 || factor < 0) {
            throw invalid("duration", text, "expected whole milliseconds, optionally with a unit ms, s, m or h");
        }
        try {
            return Math.multiplyExact(Long.parseLong(text.substring(0, digitsEnd)), factor);
        } catch (ArithmeticException | NumberFormatException e) {
            throw invalid("duration", text, "too large");
        }
    }

    private static IllegalArgumentException invalid(String what, String text, String problem) {
        return new IllegalArgumentException("invalid " + what + " \"" + text + "\": " + problem);
    }
}

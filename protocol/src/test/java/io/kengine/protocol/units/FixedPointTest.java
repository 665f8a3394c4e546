package io.kengine.protocol.units;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

import static io.kengine.protocol.units.FixedPoint.INVALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FixedPointTest {

    // ------------------------------------------------------------ accepted values

    @ParameterizedTest
    @CsvSource({
        "0.5600, 5600", "0.56, 5600", "0.96, 9600", "0.960, 9600", "1.0000, 10000", "0.560000, 5600",
        "0, 0", "1, 10000", "0.0001, 1", "0.9999, 9999", "0.0000, 0", "00.50, 5000", "0.5, 5000",
        "0.123400000000, 1234", "1.000000, 10000"
    })
    void parsesPrices(String text, long expected) {
        assertEquals(expected, FixedPoint.parsePrice(text));
        assertEquals(expected, bufferForm(text, FixedPoint::parsePrice));
    }

    @ParameterizedTest
    @CsvSource({"56, 5600", "0, 0", "1, 100", "99, 9900", "100, 10000", "007, 700"})
    void parsesLegacyCents(String text, long expected) {
        assertEquals(expected, FixedPoint.parseCents(text));
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        assertEquals(expected, FixedPoint.parseCents(b, 0, b.length));
    }

    @ParameterizedTest
    @CsvSource({"10.00, 1000", "12, 1200", "0.01, 1", "1.5, 150", "1.500000, 150", "0, 0", "0.00, 0",
        "999999999999.99, 99999999999999"})
    void parsesCounts(String text, long expected) {
        assertEquals(expected, FixedPoint.parseCount(text));
        assertEquals(expected, FixedPoint.parseSignedCount(text));
        assertEquals(expected, bufferForm(text, FixedPoint::parseCount));
    }

    @ParameterizedTest
    @CsvSource({"-3.00, -300", "-0.01, -1", "-0, 0", "-0.00, 0", "-54.00, -5400", "-999999999999.99, -99999999999999"})
    void parsesSignedCounts(String text, long expected) {
        assertEquals(expected, FixedPoint.parseSignedCount(text));
        assertEquals(expected, bufferForm(text, FixedPoint::parseSignedCount));
    }

    @ParameterizedTest
    @CsvSource({"-54.00, -540000", "10.00, 100000", "1234.5678, 12345678", "0, 0", "-0.0001, -1",
        "0.56780000, 5678", "999999999999.9999, 9999999999999999", "-999999999999.9999, -9999999999999999"})
    void parsesMoney(String text, long expected) {
        assertEquals(expected, FixedPoint.parseMoney(text));
        assertEquals(expected, bufferForm(text, FixedPoint::parseMoney));
    }

    // ------------------------------------------------------------ rejections

    @ParameterizedTest(name = "{0} \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "price | ``        | empty",
        "price | -         | no digits",
        "price | .         | no digit before '.' at 0",
        "price | .5        | no digit before '.' at 0",
        "price | 1.        | no digit after '.' at 1",
        "price | ` 0.56`   | unexpected character ' ' at 0",
        "price | `0.56 `   | unexpected character ' ' at 4",
        "price | +0.56     | unexpected character '+' at 0",
        "price | 5e-1      | unexpected character 'e' at 1",
        "price | 0.5E1     | unexpected character 'E' at 3",
        "price | 0.5.6     | second '.' at 3",
        "price | 0.56x     | unexpected character 'x' at 4",
        "price | 0,56      | unexpected character ',' at 1",
        "price | 0.56789   | more than 4 decimals (non-zero digit at 6)",
        "price | 0.560001  | more than 4 decimals (non-zero digit at 7)",
        "price | 1.0001    | out of range [0, 1]",
        "price | 2         | out of range [0, 1]",
        "price | -0.56     | out of range [0, 1]",
        "price | -0        | out of range [0, 1]",
        "price | 99999999999999999999999.0 | out of range [0, 1]",
        "price | --1       | unexpected character '-' at 1",
        "price | 0x10      | unexpected character 'x' at 1",
        "price | NaN       | unexpected character 'N' at 0",
        "cents | 56.0      | unexpected character '.' at 2",
        "cents | 101       | out of range [0, 100]",
        "cents | -1        | out of range [0, 100]",
        "cents | ``        | empty",
        "count | 1.505     | more than 2 decimals (non-zero digit at 4)",
        "count | -3.00     | out of range [0, 999999999999.99]",
        "count | 1000000000000 | overflow: magnitude above 999999999999.99",
        "count | 99999999999999999999999 | overflow: magnitude above 999999999999.99",
        "signed count | -  | no digits",
        "signed count | -.5 | no digit before '.' at 1",
        "signed count | -1000000000000 | overflow: magnitude above 999999999999.99",
        "signed count | +3 | unexpected character '+' at 0",
        "money | 9223372036854775808 | overflow: magnitude above 999999999999.9999",
        "money | -9223372036854775808 | overflow: magnitude above 999999999999.9999",
        "money | 1000000000000.0000 | overflow: magnitude above 999999999999.9999",
        "money | 1.23456   | more than 4 decimals (non-zero digit at 6)",
        "money | 1..2      | second '.' at 2",
        "money | -         | no digits",
    })
    void rejectsWithAMessageNamingInputKindAndProblem(String kind, String text, String problem) {
        FixedPointFormatException e = assertThrows(FixedPointFormatException.class, () -> parser(kind).applyAsLong(text));
        assertEquals("invalid " + kind + " \"" + text + "\": " + problem, e.getMessage());
        assertEquals(text, e.input());
        assertEquals(kind, e.kind());
        assertEquals(problem, e.problem());
        assertTrue(e instanceof IllegalArgumentException);
        assertEquals(INVALID, bufferForm(text, bytesParser(kind)));
    }

    @Test
    void reportsNonAsciiAndControlCharacters() {
        FixedPointFormatException e = assertThrows(FixedPointFormatException.class, () -> FixedPoint.parsePrice("0.5\u00e9"));
        assertEquals("invalid price \"0.5\u00e9\": unexpected character U+00E9 at 3", e.getMessage());
        assertEquals(3, e.position());
        e = assertThrows(FixedPointFormatException.class, () -> FixedPoint.parseCount("1\u0000"));
        assertTrue(e.getMessage().endsWith("unexpected character U+0000 at 1"), e.getMessage());
        // A byte that would read as a digit if sign-extended wrongly must still be rejected.
        byte[] high = {(byte) 0xB0, '1'};
        assertEquals(INVALID, FixedPoint.parseCount(high, 0, 2));
        // '\uFF10' (fullwidth zero) is a digit to Character.isDigit, not to us.
        assertThrows(FixedPointFormatException.class, () -> FixedPoint.parseCount("\uFF10"));
    }

    @Test
    void nullAndNonPositiveLengthsAreRejected() {
        assertThrows(FixedPointFormatException.class, () -> FixedPoint.parsePrice((CharSequence) null));
        byte[] b = "0.56".getBytes(StandardCharsets.US_ASCII);
        assertEquals(INVALID, FixedPoint.parsePrice(b, 0, 0));
        assertEquals(INVALID, FixedPoint.parsePrice(b, 0, -1));
    }

    @Test
    void byteFormsHonourOffsetAndLength() {
        byte[] b = "xx0.5600yy".getBytes(StandardCharsets.US_ASCII);
        assertEquals(5600, FixedPoint.parsePrice(b, 2, 6));
        assertEquals(5000, FixedPoint.parsePrice(b, 2, 3));
        assertEquals(INVALID, FixedPoint.parsePrice(b, 2, 7));
        UnsafeBuffer buf = new UnsafeBuffer(b);
        assertEquals(5600, FixedPoint.parsePrice(buf, 2, 6));
        char[] c = "xx0.5600yy".toCharArray();
        assertEquals(5600, FixedPoint.parsePrice(c, 2, 6));
    }

    // ------------------------------------------------------------ formatting

    @Test
    void formatsAsKalshiWritesThem() {
        assertEquals("0.5600", FixedPoint.formatPrice(5600));
        assertEquals("0.0000", FixedPoint.formatPrice(0));
        assertEquals("1.0000", FixedPoint.formatPrice(FixedPoint.PRICE_ONE));
        assertEquals("0.0001", FixedPoint.formatPrice(1));
        assertEquals("10.00", FixedPoint.formatCount(1000));
        assertEquals("0.01", FixedPoint.formatCount(1));
        assertEquals("-3.00", FixedPoint.formatCount(-300));
        assertEquals("0.00", FixedPoint.formatCount(0));
        assertEquals("-54.0000", FixedPoint.formatMoney(-540_000));
        assertEquals("1234.5678", FixedPoint.formatMoney(12_345_678));
        assertEquals("-0.0001", FixedPoint.formatMoney(-1));
        assertEquals("-999999999999.9999", FixedPoint.formatMoney(-FixedPoint.MAX_MONEY));
        assertEquals(FixedPoint.MAX_FORMATTED_LENGTH, FixedPoint.formatMoney(-FixedPoint.MAX_MONEY).length());
        assertEquals("ask 0.5600 x 10.00", FixedPoint.appendCount(FixedPoint.appendPrice(new StringBuilder("ask "), 5600).append(" x "), 1000).toString());
    }

    @Test
    void refusesToFormatValuesOutsideTheirRange() {
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.formatPrice(-1));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.formatPrice(FixedPoint.PRICE_ONE + 1));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.formatCount(FixedPoint.MAX_COUNT + 1));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.formatCount(Long.MIN_VALUE));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.formatMoney(Long.MIN_VALUE));
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.formatMoney(FixedPoint.MAX_MONEY + 1));
        UnsafeBuffer buf = new UnsafeBuffer(new byte[32]);
        assertThrows(IllegalArgumentException.class, () -> FixedPoint.formatPrice(buf, 0, INVALID));
    }

    @Test
    void everyPriceRoundTrips() {
        UnsafeBuffer buf = new UnsafeBuffer(new byte[64]);
        StringBuilder sb = new StringBuilder();
        for (long p = 0; p <= FixedPoint.PRICE_ONE; p++) {
            String s = FixedPoint.formatPrice(p);
            assertEquals(6, s.length());
            assertEquals(p, FixedPoint.parsePrice(s), s);
            assertEquals(p, FixedPoint.parsePrice(s + "00"), s);
            int n = FixedPoint.formatPrice(buf, 3, p);
            assertEquals(s, buf.getStringWithoutLengthAscii(3, n));
            assertEquals(p, FixedPoint.parsePrice(buf, 3, n));
            sb.setLength(0);
            assertEquals(s, FixedPoint.appendPrice(sb, p).toString());
            assertEquals(p, FixedPoint.parseMoney(s));
            if (p % FixedPoint.CENT == 0) {
                assertEquals(p, FixedPoint.parseCents(Long.toString(p / FixedPoint.CENT)));
            }
        }
    }

    @Test
    void everyCountUpTo1000ContractsRoundTrips() {
        UnsafeBuffer buf = new UnsafeBuffer(new byte[64]);
        for (long q = 0; q <= 100_000; q++) {
            String s = FixedPoint.formatCount(q);
            assertEquals(q, FixedPoint.parseCount(s), s);
            assertEquals(q, FixedPoint.parseSignedCount(s), s);
            int n = FixedPoint.formatCount(buf, 0, q);
            assertEquals(q, FixedPoint.parseCount(buf, 0, n));
            String neg = FixedPoint.formatCount(-q);
            assertEquals(-q, FixedPoint.parseSignedCount(neg), neg);
            if (q % FixedPoint.COUNT_ONE == 0) {
                assertEquals(q, FixedPoint.parseCount(Long.toString(q / FixedPoint.COUNT_ONE)));
            }
        }
    }

    @Test
    void randomMoneyRoundTrips() {
        SplittableRandom rnd = new SplittableRandom(42);
        UnsafeBuffer buf = new UnsafeBuffer(new byte[64]);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 500_000; i++) {
            long m = randomMoney(rnd);
            String s = FixedPoint.formatMoney(m);
            assertEquals(new BigDecimal(m).movePointLeft(4).toPlainString(), s);
            assertEquals(m, FixedPoint.parseMoney(s), s);
            int n = FixedPoint.formatMoney(buf, 1, m);
            assertEquals(s, buf.getStringWithoutLengthAscii(1, n));
            assertEquals(m, FixedPoint.parseMoney(buf, 1, n));
            sb.setLength(0);
            assertEquals(s, FixedPoint.appendMoney(sb, m).toString());
        }
    }

    private static long randomMoney(SplittableRandom rnd) {
        switch (rnd.nextInt(4)) {
            case 0: return rnd.nextLong(-FixedPoint.MAX_MONEY, FixedPoint.MAX_MONEY + 1);
            case 1: return rnd.nextLong(-1_000_000_000L, 1_000_000_000L);
            case 2: return rnd.nextLong(-100_000, 100_000);
            default: return rnd.nextBoolean() ? FixedPoint.MAX_MONEY - rnd.nextInt(10) : -FixedPoint.MAX_MONEY + rnd.nextInt(10);
        }
    }

    // ------------------------------------------------------------ forms agree, and agree with a naive reference

    private static final String[] KINDS = {"price", "cents", "count", "signed count", "money"};

    @Test
    void allFormsAgreeWithEachOtherAndWithABigDecimalReference() {
        List<String> corpus = corpus(new SplittableRandom(7), 100_000);
        UnsafeBuffer buf = new UnsafeBuffer(new byte[256]);
        int valid = 0;
        for (String s : corpus) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            buf.putBytes(5, utf8);
            char[] chars = ("#" + s).toCharArray();
            for (String kind : KINDS) {
                long expected = reference(kind, s);
                long fromChars;
                try {
                    fromChars = parser(kind).applyAsLong(s);
                } catch (FixedPointFormatException e) {
                    fromChars = INVALID;
                }
                assertEquals(expected, fromChars, () -> kind + " CharSequence \"" + s + "\"");
                assertEquals(expected, bytesParser(kind).parse(utf8, 0, utf8.length), () -> kind + " byte[] \"" + s + "\"");
                assertEquals(expected, bufferParser(kind).parse(buf, 5, utf8.length), () -> kind + " buffer \"" + s + "\"");
                assertEquals(expected, charsParser(kind).parse(chars, 1, s.length()), () -> kind + " char[] \"" + s + "\"");
                if (expected != INVALID) {
                    valid++;
                }
            }
        }
        // The corpus must exercise both verdicts substantially.
        assertTrue(valid > corpus.size() / 5, "valid " + valid);
        assertTrue(valid < corpus.size() * KINDS.length * 4 / 5, "valid " + valid);
    }

    private static final Pattern UNSIGNED = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern SIGNED = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    /** Naive reference: a regular expression for syntax, BigDecimal for exactness and range. */
    private static long reference(String kind, String s) {
        Pattern syntax = kind.equals("cents") ? DIGITS : kind.equals("signed count") || kind.equals("money") ? SIGNED : UNSIGNED;
        if (!syntax.matcher(s).matches()) {
            return INVALID;
        }
        int decimals = kind.equals("price") || kind.equals("money") ? 4 : kind.equals("cents") ? 0 : 2;
        BigDecimal units = new BigDecimal(s).movePointRight(decimals);
        if (units.signum() != 0 && units.stripTrailingZeros().scale() > 0) {
            return INVALID; // a non-zero digit beyond the unit
        }
        BigDecimal max = BigDecimal.valueOf(kind.equals("price") ? 10_000 : kind.equals("cents") ? 100
            : kind.equals("money") ? FixedPoint.MAX_MONEY : FixedPoint.MAX_COUNT);
        if (units.abs().compareTo(max) > 0) {
            return INVALID;
        }
        long v = units.longValueExact();
        return kind.equals("cents") ? v * 100 : v;
    }

    private static final String ALPHABET = "0123456789.-+eE x,\u00e9\u0000\uFF10";

    /** Well-formed numbers of every shape, then each mutated by inserting, deleting or replacing characters. */
    static List<String> corpus(SplittableRandom rnd, int size) {
        List<String> out = new ArrayList<>(size);
        out.add("");
        out.add("-");
        out.add(".");
        out.add("-.");
        while (out.size() < size) {
            String s = wellFormed(rnd);
            int mutations = rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt(3);
            StringBuilder sb = new StringBuilder(s);
            for (int m = 0; m < mutations; m++) {
                int op = rnd.nextInt(3);
                char c = ALPHABET.charAt(rnd.nextInt(ALPHABET.length()));
                if (op == 0 || sb.length() == 0) {
                    sb.insert(rnd.nextInt(sb.length() + 1), c);
                } else if (op == 1) {
                    sb.deleteCharAt(rnd.nextInt(sb.length()));
                } else {
                    sb.setCharAt(rnd.nextInt(sb.length()), c);
                }
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static String wellFormed(SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder();
        if (rnd.nextInt(4) == 0) {
            sb.append('-');
        }
        int intDigits = rnd.nextInt(8) == 0 ? 10 + rnd.nextInt(12) : 1 + rnd.nextInt(rnd.nextBoolean() ? 1 : 4);
        for (int i = 0; i < intDigits; i++) {
            sb.append((char) ('0' + (i == 0 && rnd.nextInt(3) > 0 ? rnd.nextInt(2) : rnd.nextInt(10))));
        }
        if (rnd.nextInt(5) > 0) {
            sb.append('.');
            int fracDigits = rnd.nextInt(9);
            if (fracDigits == 0) {
                fracDigits = 1;
            }
            for (int i = 0; i < fracDigits; i++) {
                // Surplus decimals are mostly zeros, as Kalshi's 6-decimal responses are.
                sb.append((char) ('0' + (i >= 2 && rnd.nextInt(3) > 0 ? 0 : rnd.nextInt(10))));
            }
        }
        return sb.toString();
    }

    // ------------------------------------------------------------ allocation

    @Test
    void byteFormsAndBufferFormatsAllocateNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assertTrue(mx.isThreadAllocatedMemorySupported());
        mx.setThreadAllocatedMemoryEnabled(true);

        String[] texts = {"0.5600", "0.56", "10.00", "-54.00", "1234.5678", "0.56789", "x", "", "1.0000", "12", "0.560000"};
        UnsafeBuffer[] inputs = new UnsafeBuffer[texts.length];
        byte[][] bytes = new byte[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            bytes[i] = texts[i].getBytes(StandardCharsets.US_ASCII);
            inputs[i] = new UnsafeBuffer(new byte[Math.max(1, bytes[i].length)]);
            inputs[i].putBytes(0, bytes[i]);
        }
        UnsafeBuffer out = new UnsafeBuffer(new byte[64]);

        long sink = runHotLoop(inputs, bytes, out, 200_000); // warm-up: let the JIT compile it
        // Best of three rounds: a JIT recompilation can allocate once in a round; a parse that
        // allocates would do it a million times in every round.
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long before = mx.getCurrentThreadAllocatedBytes();
            sink += runHotLoop(inputs, bytes, out, 1_000_000);
            allocated = Math.min(allocated, mx.getCurrentThreadAllocatedBytes() - before);
        }
        // A few hundred bytes of slack for the measurement itself; one allocation per call would be tens of MB.
        assertTrue(allocated < 1_000, "allocated " + allocated + " bytes (sink " + sink + ")");
    }

    private static long runHotLoop(UnsafeBuffer[] inputs, byte[][] bytes, UnsafeBuffer out, int iterations) {
        long sink = 0;
        for (int n = 0; n < iterations; n++) {
            int i = n % inputs.length;
            int len = bytes[i].length;
            sink += FixedPoint.parsePrice(inputs[i], 0, len);
            sink += FixedPoint.parseCount(inputs[i], 0, len);
            sink += FixedPoint.parseSignedCount(bytes[i], 0, len);
            sink += FixedPoint.parseMoney(inputs[i], 0, len);
            sink += FixedPoint.parseCents(bytes[i], 0, len);
            sink += FixedPoint.formatPrice(out, 0, n % 10_001);
            sink += FixedPoint.formatCount(out, 8, n);
            sink += FixedPoint.formatMoney(out, 24, -n * 7L);
        }
        return sink;
    }

    // ------------------------------------------------------------ helpers

    @FunctionalInterface
    interface BytesParser {
        long parse(byte[] b, int offset, int length);
    }

    @FunctionalInterface
    interface BufferParser {
        long parse(UnsafeBuffer b, int offset, int length);
    }

    @FunctionalInterface
    interface CharsParser {
        long parse(char[] c, int offset, int length);
    }

    private static long bufferForm(String text, BytesParser p) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return p.parse(b, 0, b.length);
    }

    private static ToLongFunction<CharSequence> parser(String kind) {
        switch (kind) {
            case "price": return FixedPoint::parsePrice;
            case "cents": return FixedPoint::parseCents;
            case "count": return FixedPoint::parseCount;
            case "signed count": return FixedPoint::parseSignedCount;
            case "money": return FixedPoint::parseMoney;
            default: throw new IllegalArgumentException(kind);
        }
    }

    private static BytesParser bytesParser(String kind) {
        switch (kind) {
            case "price": return FixedPoint::parsePrice;
            case "cents": return FixedPoint::parseCents;
            case "count": return FixedPoint::parseCount;
            case "signed count": return FixedPoint::parseSignedCount;
            case "money": return FixedPoint::parseMoney;
            default: throw new IllegalArgumentException(kind);
        }
    }

    private static BufferParser bufferParser(String kind) {
        switch (kind) {
            case "price": return FixedPoint::parsePrice;
            case "cents": return FixedPoint::parseCents;
            case "count": return FixedPoint::parseCount;
            case "signed count": return FixedPoint::parseSignedCount;
            case "money": return FixedPoint::parseMoney;
            default: throw new IllegalArgumentException(kind);
        }
    }

    private static CharsParser charsParser(String kind) {
        switch (kind) {
            case "price": return FixedPoint::parsePrice;
            case "cents": return FixedPoint::parseCents;
            case "count": return FixedPoint::parseCount;
            case "signed count": return FixedPoint::parseSignedCount;
            case "money": return FixedPoint::parseMoney;
            default: throw new IllegalArgumentException(kind);
        }
    }
}

package io.kengine.feed.fairvalue;

import io.kengine.protocol.event.FairValueEvent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses what the external model writes, one record per line:
 * <ul>
 *   <li>JSON object: {@code {"market":"KXFED-26DEC-T3.00","probability":0.56,"confidence":0.8,
 *       "model_version":"fed-v3","lifetime_ms":30000}} ({@code ticker} for market and {@code model} for
 *       model_version are accepted too; numbers may be quoted);</li>
 *   <li>CSV: {@code market,probability,confidence,model_version[,lifetime_ms]}; a header line starting
 *       with {@code market} and lines starting with {@code #} are skipped.</li>
 * </ul>
 * Probability and confidence are in [0, 1] with any number of decimals, rounded half-even to 4
 * (the price unit, $0.0001; confidence in basis points). Runs on the input threads, never the ring's.
 */
public final class FairValueParser {
    private static final int VERSION_MAX = FairValueEvent.SOURCE_NAME_CAPACITY - 1;

    private FairValueParser() {
    }

    /** Every record of a body or file; throws at the first bad line, naming it. Blank lines are skipped. */
    public static List<FairValueRecord> parseAll(String text) throws FairValueFormatException {
        List<FairValueRecord> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            FairValueRecord r;
            try {
                r = parseLine(lines[i]);
            } catch (FairValueFormatException e) {
                throw new FairValueFormatException("line " + (i + 1) + ": " + e.getMessage());
            }
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    /** One line: a record, or null for a blank, comment or header line. */
    public static FairValueRecord parseLine(String raw) throws FairValueFormatException {
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#") || line.regionMatches(true, 0, "market,", 0, 7)) {
            return null;
        }
        return line.startsWith("{") ? json(line) : csv(line);
    }

    private static FairValueRecord csv(String line) throws FairValueFormatException {
        String[] f = line.split(",", -1);
        if (f.length < 4 || f.length > 5) {
            throw new FairValueFormatException("expected market,probability,confidence,model_version[,lifetime_ms], got "
                + f.length + " fields");
        }
        return record(f[0].strip(), f[1].strip(), f[2].strip(), f[3].strip(), f.length == 5 ? f[4].strip() : null);
    }

    private static FairValueRecord json(String line) throws FairValueFormatException {
        Map<String, String> m = FlatJson.parse(line);
        String market = m.containsKey("market") ? m.get("market") : m.get("ticker");
        String version = m.containsKey("model_version") ? m.get("model_version") : m.get("model");
        return record(market, m.get("probability"), m.get("confidence"), version, m.get("lifetime_ms"));
    }

    private static FairValueRecord record(String market, String probability, String confidence, String version,
                                          String lifetime) throws FairValueFormatException {
        if (market == null || market.isEmpty()) {
            throw new FairValueFormatException("missing market");
        }
        if (version == null || version.isEmpty()) {
            throw new FairValueFormatException("missing model_version");
        }
        if (version.length() > VERSION_MAX || !printable(version) || !printable(market)) {
            throw new FairValueFormatException("market and model_version must be printable ASCII, model_version at most "
                + VERSION_MAX + " characters");
        }
        long price = unit(probability, "probability");
        long conf = unit(confidence, "confidence");
        long life = 0;
        if (lifetime != null && !lifetime.isEmpty()) {
            try {
                life = Long.parseLong(lifetime);
            } catch (NumberFormatException e) {
                throw new FairValueFormatException("lifetime_ms \"" + lifetime + "\" is not a whole number of ms");
            }
            if (life <= 0) {
                throw new FairValueFormatException("lifetime_ms must be positive");
            }
        }
        return new FairValueRecord(market, price, (int) conf, version, life);
    }

    /** A number in [0, 1] as 1e-4 units, rounded half-even. */
    private static long unit(String text, String what) throws FairValueFormatException {
        if (text == null || text.isEmpty()) {
            throw new FairValueFormatException("missing " + what);
        }
        BigDecimal v;
        try {
            v = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new FairValueFormatException(what + " \"" + text + "\" is not a number");
        }
        if (v.signum() < 0 || v.compareTo(BigDecimal.ONE) > 0) {
            throw new FairValueFormatException(what + " " + text + " is outside [0, 1]");
        }
        return v.setScale(4, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    private static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /** A flat JSON object of string, number, boolean or null values (all the input needs), as raw texts. */
    static final class FlatJson {
        private final String s;
        private int i;

        private FlatJson(String s) {
            this.s = s;
        }

        static Map<String, String> parse(String s) throws FairValueFormatException {
            return new FlatJson(s).object();
        }

        private Map<String, String> object() throws FairValueFormatException {
            Map<String, String> out = new HashMap<>();
            skip();
            expect('{');
            skip();
            if (peek() == '}') {
                i++;
            } else {
                while (true) {
                    skip();
                    String key = string();
                    skip();
                    expect(':');
                    skip();
                    String value = value();
                    if (out.put(key, value) != null) {
                        throw new FairValueFormatException("repeated field \"" + key + "\"");
                    }
                    skip();
                    char c = next();
                    if (c == '}') {
                        break;
                    }
                    if (c != ',') {
                        throw new FairValueFormatException("expected ',' or '}' at " + (i - 1));
                    }
                }
            }
            skip();
            if (i != s.length()) {
                throw new FairValueFormatException("text after the object at " + i);
            }
            return out;
        }

        private String value() throws FairValueFormatException {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (c == '{' || c == '[') {
                throw new FairValueFormatException("nested values are not supported (at " + i + ")");
            }
            int start = i;
            while (i < s.length() && ",} \t\r".indexOf(s.charAt(i)) < 0) {
                i++;
            }
            String raw = s.substring(start, i);
            if (raw.isEmpty()) {
                throw new FairValueFormatException("missing value at " + start);
            }
            return raw.equals("null") ? null : raw;
        }

        private String string() throws FairValueFormatException {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = next();
                    switch (e) {
                        case '"': case '\\': case '/': b.append(e); break;
                        case 'n': b.append('\n'); break;
                        case 't': b.append('\t'); break;
                        case 'r': b.append('\r'); break;
                        case 'b': b.append('\b'); break;
                        case 'f': b.append('\f'); break;
                        case 'u':
                            if (i + 4 > s.length()) {
                                throw new FairValueFormatException("bad \\u escape");
                            }
                            try {
                                b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            } catch (NumberFormatException ex) {
                                throw new FairValueFormatException("bad \\u escape");
                            }
                            i += 4;
                            break;
                        default: throw new FairValueFormatException("bad escape \\" + e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private char peek() throws FairValueFormatException {
            if (i >= s.length()) {
                throw new FairValueFormatException("unexpected end of JSON");
            }
            return s.charAt(i);
        }

        private char next() throws FairValueFormatException {
            char c = peek();
            i++;
            return c;
        }

        private void expect(char c) throws FairValueFormatException {
            if (next() != c) {
                throw new FairValueFormatException("expected '" + c + "' at " + (i - 1));
            }
        }
    }
}

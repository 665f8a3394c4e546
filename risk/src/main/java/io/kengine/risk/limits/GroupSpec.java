package io.kengine.risk.limits;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The text forms of R3's structured settings, parsed once per config change (allocation is fine here):
 * groups {@code fed=KXFED-*,KXFOMC*;nba=KXNBA*}, per-group numbers {@code fed=300.00;*=500.00}, lists
 * {@code a;b}. {@code none} means empty. A pattern ending in {@code *} matches a prefix, otherwise the
 * whole text; it is tried against a market's ticker, series ticker and event ticker.
 */
public final class GroupSpec {
    public static final String NONE = "none";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern PATTERN = Pattern.compile("[\\x21-\\x7E&&[^;=,]]+");

    public final String name;
    public final List<String> patterns;

    private GroupSpec(String name, List<String> patterns) {
        this.name = name;
        this.patterns = List.copyOf(patterns);
    }

    public boolean matches(String ticker, String series, String event) {
        for (String p : patterns) {
            if (match(p, ticker) || match(p, series) || match(p, event)) {
                return true;
            }
        }
        return false;
    }

    static boolean match(String pattern, String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        if (pattern.endsWith("*")) {
            return text.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return text.equals(pattern);
    }

    public static List<GroupSpec> parseGroups(String text) {
        List<GroupSpec> out = new ArrayList<>();
        if (text == null || text.isBlank() || text.strip().equals(NONE)) {
            return out;
        }
        for (String entry : text.strip().split(";")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("group '" + e + "' must be name=pattern[,pattern...]");
            }
            String name = e.substring(0, eq).strip();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("group name '" + name + "' must be letters, digits, '_' or '-'");
            }
            List<String> pats = new ArrayList<>();
            for (String p : e.substring(eq + 1).split(",")) {
                String q = p.strip();
                if (!PATTERN.matcher(q).matches() || q.indexOf('*') >= 0 && q.indexOf('*') != q.length() - 1) {
                    throw new IllegalArgumentException("pattern '" + q + "' of group " + name
                        + " must be printable without ; = , and may end in one *");
                }
                pats.add(q);
            }
            for (GroupSpec g : out) {
                if (g.name.equals(name)) {
                    throw new IllegalArgumentException("group " + name + " is defined twice");
                }
            }
            out.add(new GroupSpec(name, pats));
        }
        return out;
    }

    public static String canonicalGroups(String text) {
        List<GroupSpec> groups = parseGroups(text);
        if (groups.isEmpty()) {
            return NONE;
        }
        StringBuilder sb = new StringBuilder();
        for (GroupSpec g : groups) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            sb.append(g.name).append('=').append(String.join(",", g.patterns));
        }
        return sb.toString();
    }

    /** name → value scaled by 10^scale (e.g. 4 for dollars in $0.0001), in the text's order; {@code *} allowed as a name. */
    public static Map<String, Long> parseNumbers(String text, int scale) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (text == null || text.isBlank() || text.strip().equals(NONE)) {
            return out;
        }
        for (String entry : text.strip().split(";")) {
            String e = entry.strip();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + e + "' must be name=number");
            }
            String name = e.substring(0, eq).strip();
            if (!name.equals("*") && !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("name '" + name + "' must be letters, digits, '_' or '-' (or *)");
            }
            BigDecimal v;
            try {
                v = new BigDecimal(e.substring(eq + 1).strip());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("'" + e.substring(eq + 1).strip() + "' of " + name + " is not a number");
            }
            if (out.put(name, v.movePointRight(scale).setScale(0, java.math.RoundingMode.DOWN).longValueExact()) != null) {
                throw new IllegalArgumentException(name + " is given twice");
            }
        }
        return out;
    }

    public static String canonicalNumbers(String text) {
        if (parseNumbers(text, 4).isEmpty()) {
            return NONE;
        }
        return text.strip().replace(" ", "");
    }

    public static List<String> parseList(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isBlank() || text.strip().equals(NONE)) {
            return out;
        }
        for (String s : text.strip().split(";")) {
            if (!s.strip().isEmpty()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    public static String canonicalList(String text) {
        List<String> l = parseList(text);
        return l.isEmpty() ? NONE : String.join(";", l);
    }
}

package io.kengine.pricing.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Shared parsing for the structured TEXT parameters: entries separated by {@code ;}, blanks around
 * entries ignored, the word {@code none} for an empty list (a TEXT value cannot be empty). Parsing
 * allocates: it runs on ConfigChange events only.
 */
public final class RuleText {
    public static final String NONE = "none";

    private RuleText() {
    }

    /** The non-blank entries of a {@code ;}-separated list; empty for {@code none}. */
    public static List<String> entries(String text) {
        List<String> out = new ArrayList<>();
        String t = text.strip();
        if (t.equals(NONE)) {
            return out;
        }
        for (String part : t.split(";", -1)) {
            String e = part.strip();
            if (!e.isEmpty()) {
                out.add(e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no entries (write \"" + NONE + "\" for an empty list)");
        }
        return out;
    }

    /** Entries joined back with {@code ;}, or {@code none}. */
    public static String join(List<String> entries) {
        return entries.isEmpty() ? NONE : String.join(";", entries);
    }

    /** A plain list of ticker patterns, e.g. {@code KXFED-*;KXNBA*}. */
    public static List<Glob> patterns(String text) {
        List<Glob> out = new ArrayList<>();
        for (String e : entries(text)) {
            out.add(new Glob(e));
        }
        return out;
    }

    /** Rule for a pattern-list parameter: returns the canonical text or throws with what is wrong. */
    public static String canonicalPatterns(String text) {
        List<String> c = new ArrayList<>();
        for (Glob g : patterns(text)) {
            c.add(g.pattern());
        }
        return join(c);
    }

    /** True when any pattern matches either text (ticker or series/event ticker). */
    public static boolean anyMatches(List<Glob> patterns, CharSequence a, CharSequence b) {
        for (int i = 0; i < patterns.size(); i++) {
            Glob g = patterns.get(i);
            if (g.matches(a) || g.matches(b)) {
                return true;
            }
        }
        return false;
    }
}

package io.kengine.pricing.text;

/**
 * A ticker pattern with {@code *} as "any run of characters" (e.g. {@code KXFED-*}, {@code *-T3*}, {@code *}).
 * Matching allocates nothing; it runs when a market is defined or a rule changes, never per book update.
 */
public final class Glob {
    private final String pattern;

    public Glob(String pattern) {
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("empty pattern");
        }
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '*';
            if (!ok) {
                throw new IllegalArgumentException("pattern \"" + pattern + "\" has '" + c
                    + "'; use letters, digits, '-', '_', '.' and '*'");
            }
        }
        this.pattern = pattern;
    }

    public String pattern() {
        return pattern;
    }

    /** True when the whole text matches (null or empty text never matches a non-'*' pattern). */
    public boolean matches(CharSequence text) {
        if (text == null) {
            return false;
        }
        // iterative glob with one backtrack point: linear for the patterns we use
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        int pn = pattern.length();
        int tn = text.length();
        while (t < tn) {
            if (p < pn && pattern.charAt(p) != '*' && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (p < pn && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pn && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pn;
    }

    @Override
    public String toString() {
        return pattern;
    }
}

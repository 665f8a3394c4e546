package io.kengine.pricing.text;

import io.kengine.pricing.engines.EngineKind;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code pricing.engines}: which engine quotes which market, e.g. {@code KXFED-*=m2;KXNBA*=m1;*=m0}.
 * Rules are tried in the order written; the first whose pattern matches the ticker or the series
 * ticker wins; no match (or {@code =off}) leaves the market unquoted.
 */
public final class EngineRules {
    private final List<Glob> patterns = new ArrayList<>();
    private final int[] kinds;

    public EngineRules(String text) {
        List<String> entries = RuleText.entries(text);
        kinds = new int[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            String e = entries.get(i);
            int eq = e.indexOf('=');
            if (eq <= 0 || eq == e.length() - 1) {
                throw new IllegalArgumentException("rule \"" + e + "\" must be pattern=engine, e.g. KXFED-*=m2");
            }
            patterns.add(new Glob(e.substring(0, eq).strip()));
            kinds[i] = EngineKind.parse(e.substring(eq + 1).strip());
        }
    }

    /** The parameter's rule: canonical text, or IllegalArgumentException saying what is wrong. */
    public static String canonical(String text) {
        EngineRules r = new EngineRules(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.kinds.length; i++) {
            out.add(r.patterns.get(i).pattern() + "=" + EngineKind.name(r.kinds[i]));
        }
        return RuleText.join(out);
    }

    /** The engine for a market, {@link EngineKind#NONE} when no rule matches. */
    public int select(CharSequence ticker, CharSequence series) {
        for (int i = 0; i < kinds.length; i++) {
            Glob g = patterns.get(i);
            if (g.matches(ticker) || g.matches(series)) {
                return kinds[i];
            }
        }
        return EngineKind.NONE;
    }
}

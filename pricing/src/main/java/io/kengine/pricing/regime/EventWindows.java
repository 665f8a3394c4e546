package io.kengine.pricing.regime;

import io.kengine.pricing.text.Glob;
import io.kengine.pricing.text.RuleText;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code pricing.m2.eventWindows}: times around scheduled news when a market is in the EVENT regime,
 * e.g. {@code KXCPI*@1767364200000-1767367800000;KXFED-*@1765990800000-1765994400000}: a ticker or
 * series pattern, then start-end in epoch ms (end exclusive). At most {@link #MAX} windows, so each
 * market's applicable windows fit one long bitmask built when it is defined; checking is then a few
 * compares per priced event, in the order written.
 */
public final class EventWindows {
    public static final int MAX = 64;

    private final List<Glob> patterns = new ArrayList<>();
    private final long[] startMs;
    private final long[] endMs;

    public EventWindows(String text) {
        List<String> entries = RuleText.entries(text);
        if (entries.size() > MAX) {
            throw new IllegalArgumentException(entries.size() + " event windows, at most " + MAX);
        }
        startMs = new long[entries.size()];
        endMs = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            String e = entries.get(i);
            int at = e.indexOf('@');
            int dash = e.indexOf('-', at + 1);
            if (at <= 0 || dash < 0) {
                throw new IllegalArgumentException("event window \"" + e + "\" must be pattern@startMs-endMs (epoch ms)");
            }
            patterns.add(new Glob(e.substring(0, at).strip()));
            try {
                startMs[i] = Long.parseLong(e.substring(at + 1, dash).strip());
                endMs[i] = Long.parseLong(e.substring(dash + 1).strip());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("event window \"" + e + "\": start and end must be epoch ms");
            }
            if (startMs[i] < 0 || endMs[i] <= startMs[i]) {
                throw new IllegalArgumentException("event window \"" + e + "\": end must be after start");
            }
        }
    }

    public static String canonical(String text) {
        EventWindows w = new EventWindows(text);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < w.startMs.length; i++) {
            out.add(w.patterns.get(i).pattern() + "@" + w.startMs[i] + "-" + w.endMs[i]);
        }
        return RuleText.join(out);
    }

    /** Bit i set when window i applies to the market. */
    public long maskFor(CharSequence ticker, CharSequence series) {
        long mask = 0;
        for (int i = 0; i < startMs.length; i++) {
            if (patterns.get(i).matches(ticker) || patterns.get(i).matches(series)) {
                mask |= 1L << i;
            }
        }
        return mask;
    }

    /** True when one of the masked windows contains the time. */
    public boolean inside(long mask, long nowMs) {
        long m = mask;
        while (m != 0) {
            int i = Long.numberOfTrailingZeros(m);
            if (nowMs >= startMs[i] && nowMs < endMs[i]) {
                return true;
            }
            m &= m - 1;
        }
        return false;
    }
}

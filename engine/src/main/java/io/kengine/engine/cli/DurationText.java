package io.kengine.engine.cli;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Parses {@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h} or ISO-8601 {@code PT30S}. */
final class DurationText {
    private DurationText() {
    }

    static long parseNanos(String text) {
        String t = text.trim();
        try {
            if (t.startsWith("P") || t.startsWith("p")) {
                return positive(Duration.parse(t).toNanos(), text);
            }
            if (t.endsWith("ms")) {
                return positive(TimeUnit.MILLISECONDS.toNanos(Long.parseLong(t.substring(0, t.length() - 2))), text);
            }
            char unit = t.charAt(t.length() - 1);
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            switch (unit) {
                case 's': return positive(TimeUnit.SECONDS.toNanos(n), text);
                case 'm': return positive(TimeUnit.MINUTES.toNanos(n), text);
                case 'h': return positive(TimeUnit.HOURS.toNanos(n), text);
                default: break;
            }
        } catch (RuntimeException e) {
            // fall through to the uniform message
        }
        throw new IllegalArgumentException("'" + text + "' is not a duration (e.g. 500ms, 30s, 5m, 2h, PT30S)");
    }

    private static long positive(long nanos, String text) {
        if (nanos <= 0) {
            throw new IllegalArgumentException("'" + text + "' must be positive");
        }
        return nanos;
    }
}

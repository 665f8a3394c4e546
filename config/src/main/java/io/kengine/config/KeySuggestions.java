package io.kengine.config;

import java.util.Collection;
import java.util.Locale;

/** The "did you mean …" part of an unknown-key error: the closest known key, if close enough. */
final class KeySuggestions {
    private static final int MAX_LISTED = 8;

    private KeySuggestions() {
    }

    /** The reason text for an unknown key {@code name} among {@code known}. */
    static String unknownKey(String name, Collection<String> known) {
        String best = closest(name, known);
        if (best != null) {
            return "unknown key (did you mean '" + best + "'?)";
        }
        if (known.isEmpty()) {
            return "unknown key (nothing is expected here)";
        }
        StringBuilder sb = new StringBuilder("unknown key (expected ");
        int i = 0;
        for (String k : known) {
            if (i == MAX_LISTED) {
                sb.append(", ...");
                break;
            }
            sb.append(i++ == 0 ? "" : ", ").append(k);
        }
        return sb.append(')').toString();
    }

    /** Closest by case-insensitive edit distance (a swap counts once); null if none is close. */
    static String closest(String name, Collection<String> known) {
        String wanted = name.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, name.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int d = distance(wanted, candidate.toLowerCase(Locale.ROOT));
            if (d <= limit && d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Optimal-string-alignment distance: insert, delete, substitute, swap adjacent. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}

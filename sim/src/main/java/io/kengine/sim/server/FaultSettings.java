package io.kengine.sim.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Faults as configuration: the switches {@link Faults} is set to when the server starts
 * ({@link SimServerConfig.Builder#faults(String...)}), so a client sees them from its first request.
 * The runtime switches of {@link SimServer#faults()} stay as they are and may change them later.
 *
 * <p>Only what a setting names is switched on: a count of 0 and a zero duration leave that switch
 * alone. Counts are {@link Faults#FOREVER} or ≥ 0 and, like the runtime switches, are shared by the
 * whole server (the first {@code skipSeq} frames of all connections together).
 *
 * <p>Specs, one fault each, {@code name=value}:
 * <pre>
 * skipSeq=N            duplicateSeq=N         reorderNext=N         malformNext=N
 * loseOrderReplies=N   (N: a whole number, or "forever")
 * delayFrames=D        timeoutHold=D          dropWebSockets=D      (D: 0, 250ms, 2s, 1m)
 * failRest=KIND[xN][@/path/prefix]            (KIND: 500, 503, 429, timeout; no xN = forever)
 * </pre>
 *
 * @param skipSeq             {@link Faults#skipSeq(int)}
 * @param duplicateSeq        {@link Faults#duplicateSeq(int)}
 * @param reorderNext         {@link Faults#reorderNext(int)}
 * @param malformNext         {@link Faults#malformNext(int)}
 * @param delayFrames         {@link Faults#delayFrames(Duration)}; zero = off
 * @param dropWebSocketsEvery {@link Faults#dropWebSocketsEvery(Duration)}; zero = off
 * @param failRest            {@link Faults#failRest(Faults.RestFault, int, String)}; null = off
 * @param failRestTimes       its count
 * @param failRestPathPrefix  its path prefix; null = every path
 * @param timeoutHold         {@link Faults#timeoutHold(Duration)}; zero = keep the default (30 s)
 * @param loseOrderReplies    {@link Faults#loseOrderReplies(int)}
 */
public record FaultSettings(int skipSeq, int duplicateSeq, int reorderNext, int malformNext, Duration delayFrames,
                            Duration dropWebSocketsEvery, Faults.RestFault failRest, int failRestTimes,
                            String failRestPathPrefix, Duration timeoutHold, int loseOrderReplies) {

    /** No fault. */
    public static final FaultSettings NONE = new FaultSettings(0, 0, 0, 0, Duration.ZERO, Duration.ZERO, null, 0, null,
            Duration.ZERO, 0);

    /** The spec names, in the order {@link #specs()} writes them. */
    public static final List<String> NAMES = List.of("skipSeq", "duplicateSeq", "reorderNext", "malformNext",
            "delayFrames", "dropWebSockets", "failRest", "timeoutHold", "loseOrderReplies");

    public FaultSettings {
        count(skipSeq, "skipSeq");
        count(duplicateSeq, "duplicateSeq");
        count(reorderNext, "reorderNext");
        count(malformNext, "malformNext");
        count(loseOrderReplies, "loseOrderReplies");
        count(failRestTimes, "failRestTimes");
        notNegative(delayFrames, "delayFrames");
        notNegative(dropWebSocketsEvery, "dropWebSocketsEvery");
        notNegative(timeoutHold, "timeoutHold");
        if (failRest == null && (failRestTimes != 0 || failRestPathPrefix != null)) {
            throw new IllegalArgumentException("failRestTimes / failRestPathPrefix without failRest");
        }
        if (failRestPathPrefix != null && !failRestPathPrefix.startsWith("/")) {
            throw new IllegalArgumentException("failRestPathPrefix must start with '/': " + failRestPathPrefix);
        }
    }

    /** Parses specs ({@code name=value}, see the class comment); an empty list is {@link #NONE}. */
    public static FaultSettings parse(String... specs) {
        return parse(Arrays.asList(specs));
    }

    /**
     * Parses specs ({@code name=value}, see the class comment). Each name at most once.
     *
     * @throws IllegalArgumentException naming the bad spec and what is wrong with it
     */
    public static FaultSettings parse(Collection<String> specs) {
        int skip = 0;
        int dup = 0;
        int reorder = 0;
        int malform = 0;
        int lose = 0;
        Duration delay = Duration.ZERO;
        Duration drop = Duration.ZERO;
        Duration hold = Duration.ZERO;
        Faults.RestFault rest = null;
        int restTimes = 0;
        String prefix = null;
        Set<String> given = new HashSet<>();
        for (String raw : specs) {
            String spec = raw == null ? "" : raw.trim();
            int eq = spec.indexOf('=');
            String name = (eq < 0 ? spec : spec.substring(0, eq)).trim();
            String value = eq < 0 ? "" : spec.substring(eq + 1).trim();
            if (!NAMES.contains(name)) {
                throw bad(raw, "unknown fault \"" + name + "\"; known: " + String.join(", ", NAMES));
            }
            if (value.isEmpty()) {
                throw bad(raw, name + " needs a value (" + name + "=" + example(name) + ")");
            }
            if (!given.add(name)) {
                throw bad(raw, name + " is given twice");
            }
            switch (name) {
                case "skipSeq" -> skip = parseCount(raw, value);
                case "duplicateSeq" -> dup = parseCount(raw, value);
                case "reorderNext" -> reorder = parseCount(raw, value);
                case "malformNext" -> malform = parseCount(raw, value);
                case "loseOrderReplies" -> lose = parseCount(raw, value);
                case "delayFrames" -> delay = parseDuration(raw, value);
                case "dropWebSockets" -> drop = parseDuration(raw, value);
                case "timeoutHold" -> hold = parseDuration(raw, value);
                case "failRest" -> {
                    String rule = value;
                    int at = rule.indexOf('@');
                    if (at >= 0) {
                        prefix = rule.substring(at + 1).trim();
                        rule = rule.substring(0, at).trim();
                        if (!prefix.startsWith("/")) {
                            throw bad(raw, "the path prefix after '@' must start with '/'");
                        }
                    }
                    int x = rule.indexOf('x');
                    String kind = x < 0 ? rule : rule.substring(0, x).trim();
                    restTimes = x < 0 ? Faults.FOREVER : parseCount(raw, rule.substring(x + 1).trim());
                    rest = switch (kind.toLowerCase(Locale.ROOT)) {
                        case "500" -> Faults.RestFault.HTTP_500;
                        case "503" -> Faults.RestFault.HTTP_503;
                        case "429" -> Faults.RestFault.HTTP_429;
                        case "timeout" -> Faults.RestFault.TIMEOUT;
                        default -> throw bad(raw, "REST fault \"" + kind + "\" is not one of 500, 503, 429, timeout");
                    };
                }
                default -> throw new IllegalStateException(name);
            }
        }
        return new FaultSettings(skip, dup, reorder, malform, delay, drop, rest, restTimes, prefix, hold, lose);
    }

    /** These settings as specs, in {@link #NAMES} order, only what is switched on; {@code parse(specs())} equals this. */
    public List<String> specs() {
        List<String> out = new ArrayList<>();
        counted(out, "skipSeq", skipSeq);
        counted(out, "duplicateSeq", duplicateSeq);
        counted(out, "reorderNext", reorderNext);
        counted(out, "malformNext", malformNext);
        timed(out, "delayFrames", delayFrames);
        timed(out, "dropWebSockets", dropWebSocketsEvery);
        if (failRest != null) {
            String kind = failRest == Faults.RestFault.TIMEOUT ? "timeout" : failRest.name().substring("HTTP_".length());
            out.add("failRest=" + kind + (failRestTimes == Faults.FOREVER ? "" : "x" + failRestTimes)
                    + (failRestPathPrefix == null ? "" : "@" + failRestPathPrefix));
        }
        timed(out, "timeoutHold", timeoutHold);
        counted(out, "loseOrderReplies", loseOrderReplies);
        return out;
    }

    /** Switches on, in {@code faults}, what these settings name; other switches are left as they are. */
    public void applyTo(Faults faults) {
        Objects.requireNonNull(faults);
        if (!timeoutHold.isZero()) {
            faults.timeoutHold(timeoutHold);
        }
        if (failRest != null && failRestTimes != 0) {
            faults.failRest(failRest, failRestTimes, failRestPathPrefix);
        }
        if (loseOrderReplies != 0) {
            faults.loseOrderReplies(loseOrderReplies);
        }
        if (skipSeq != 0) {
            faults.skipSeq(skipSeq);
        }
        if (duplicateSeq != 0) {
            faults.duplicateSeq(duplicateSeq);
        }
        if (reorderNext != 0) {
            faults.reorderNext(reorderNext);
        }
        if (malformNext != 0) {
            faults.malformNext(malformNext);
        }
        if (!delayFrames.isZero()) {
            faults.delayFrames(delayFrames);
        }
        if (!dropWebSocketsEvery.isZero()) {
            faults.dropWebSocketsEvery(dropWebSocketsEvery);
        }
    }

    // ------------------------------------------------------------------ parsing helpers

    private static final Pattern DURATION = Pattern.compile("([0-9]{1,9})(ms|s|m)");

    private static int parseCount(String spec, String value) {
        if (value.equals("forever")) {
            return Faults.FOREVER;
        }
        if (!value.matches("[0-9]{1,9}")) {
            throw bad(spec, "count \"" + value + "\" is not a whole number (0 to 999999999) or \"forever\"");
        }
        return Integer.parseInt(value);
    }

    /** {@code 0}, or a whole number with {@code ms}, {@code s} or {@code m}. */
    private static Duration parseDuration(String spec, String value) {
        if (value.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            throw bad(spec, "duration \"" + value + "\" is not 0 or a whole number with ms, s or m (250ms, 2s, 1m)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
    }

    private static String example(String name) {
        return switch (name) {
            case "delayFrames", "timeoutHold", "dropWebSockets" -> "250ms";
            case "failRest" -> "503x2@/trade-api/v2/portfolio";
            default -> "1";
        };
    }

    private static IllegalArgumentException bad(String spec, String why) {
        return new IllegalArgumentException("bad fault spec \"" + spec + "\": " + why);
    }

    private static void counted(List<String> out, String name, int n) {
        if (n != 0) {
            out.add(name + "=" + (n == Faults.FOREVER ? "forever" : Integer.toString(n)));
        }
    }

    private static void timed(List<String> out, String name, Duration d) {
        if (!d.isZero()) {
            out.add(name + "=" + d.toMillis() + "ms");
        }
    }

    private static void count(int n, String name) {
        if (n < Faults.FOREVER) {
            throw new IllegalArgumentException(name + " must be ≥ 0 or Faults.FOREVER, is " + n);
        }
    }

    private static void notNegative(Duration d, String name) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be zero or positive");
        }
    }
}

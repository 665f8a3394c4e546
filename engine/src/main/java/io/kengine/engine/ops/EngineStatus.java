package io.kengine.engine.ops;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One snapshot of a running engine for operators: console status, {@code status} command, metrics
 * gauges and alert triggers all read this. Values not known yet are {@link #NA} (a number) or
 * empty (text); the text and JSON forms print them as {@code n/a} / {@code null}.
 *
 * <p>Units: money in $0.0001, contracts in 0.01, latencies in nanoseconds (as everywhere in the engine).
 *
 * @param connection        feed connection state, e.g. {@code connected}, {@code disconnected}, {@code scripted}
 * @param disconnectedForMs how long the feed has been disconnected (0 while connected, NA when not applicable)
 * @param positionContracts sum of absolute positions over every market (0.01 contracts)
 * @param pnlToday          realised + marked P&amp;L since the session's day start ($0.0001)
 * @param exposure          gross exposure at risk ($0.0001)
 * @param tokenBudget       order-rate tokens left in the gateway's budget
 * @param ordersPerSec      order intents per second over the last status interval
 * @param haltReasons       every halt in force with its reason (engine-wide and per market, operator and risk)
 */
public record EngineStatus(
    long runId, String mode, String environment, long uptimeMs,
    String connection, long disconnectedForMs,
    int marketsDefined, int marketsTrusted, int marketsStale,
    long eventsIn, long intentsOut, double eventsPerSec, double ordersPerSec,
    long openOrders, long positionContracts, long pnlToday, long exposure, long tokenBudget,
    long rejects, long riskBlocks, long fills,
    boolean halted, List<String> haltReasons,
    long tickToIntentP50Nanos, long tickToIntentP99Nanos,
    long ringFullIn, long ringFullOut, long stageErrors, long journaledIn, long journaledOut,
    long alertsSent, long alertsDropped) {

    /** A value the engine does not know (yet): the hook is not connected or there are no samples. */
    public static final long NA = Long.MIN_VALUE;

    public EngineStatus {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(connection, "connection");
        haltReasons = List.copyOf(haltReasons);
    }

    /** The compact one-line form the console prints and {@code status} shows by default. */
    public String toLine() {
        StringBuilder sb = new StringBuilder(200);
        sb.append(String.format(Locale.ROOT, "t=%ds %s/%s feed %s", uptimeMs / 1000, mode, environment, connection));
        if (disconnectedForMs > 0) {
            sb.append(' ').append(disconnectedForMs / 1000).append('s');
        }
        sb.append(String.format(Locale.ROOT, " | mkts %d trusted %d stale %d", marketsDefined, marketsTrusted, marketsStale));
        sb.append(String.format(Locale.ROOT, " | in %d (%.0f/s) intents %d (%.1f/s) open %d", eventsIn, eventsPerSec,
            intentsOut, ordersPerSec, openOrders));
        sb.append(" | pos ").append(contracts(positionContracts)).append(" pnl ").append(dollars(pnlToday));
        sb.append(" | rejects ").append(num(rejects)).append(" blocks ").append(num(riskBlocks));
        sb.append(" | t2i p50 ").append(micros(tickToIntentP50Nanos)).append(" p99 ").append(micros(tickToIntentP99Nanos));
        if (stageErrors > 0 || ringFullIn > 0 || ringFullOut > 0) {
            sb.append(" | errors ").append(stageErrors).append(" ring-full ").append(ringFullIn).append('/').append(ringFullOut);
        }
        sb.append(halted ? " | HALTED: " + String.join("; ", haltReasons) : " | running");
        return sb.toString();
    }

    /** A multi-line table for {@code status --table}. */
    public String toTable() {
        String nl = System.lineSeparator();
        return "run " + runId + ", " + mode + " on " + environment + ", up " + uptimeMs / 1000 + "s" + nl
            + row("connection", connection + (disconnectedForMs > 0 ? " for " + disconnectedForMs / 1000 + "s" : "")) + nl
            + row("markets", marketsDefined + " defined, " + marketsTrusted + " trusted, " + marketsStale + " stale") + nl
            + row("events in", eventsIn + String.format(Locale.ROOT, " (%.0f/s)", eventsPerSec)) + nl
            + row("intents out", intentsOut + String.format(Locale.ROOT, " (%.1f/s)", ordersPerSec)) + nl
            + row("open orders", num(openOrders)) + nl
            + row("positions", contracts(positionContracts) + " contracts (sum of |position|)") + nl
            + row("P&L today", dollars(pnlToday)) + nl
            + row("exposure", dollars(exposure)) + nl
            + row("fills", num(fills)) + nl
            + row("rejects", num(rejects) + ", risk blocks " + num(riskBlocks)) + nl
            + row("token budget", num(tokenBudget)) + nl
            + row("tick-to-intent", "p50 " + micros(tickToIntentP50Nanos) + ", p99 " + micros(tickToIntentP99Nanos)) + nl
            + row("journal", journaledIn + " in / " + journaledOut + " out") + nl
            + row("ring full", ringFullIn + " in / " + ringFullOut + " out; stage errors " + stageErrors) + nl
            + row("alerts", alertsSent + " sent, " + alertsDropped + " dropped") + nl
            + row("state", halted ? "HALTED: " + String.join("; ", haltReasons) : "running");
    }

    private static String row(String name, String value) {
        return String.format(Locale.ROOT, "  %-15s %s", name, value);
    }

    /** JSON with every field; unknown numbers are {@code null}. */
    public String toJson() {
        StringBuilder sb = new StringBuilder(600).append('{');
        field(sb, "runId", runId);
        text(sb, "mode", mode);
        text(sb, "environment", environment);
        field(sb, "uptimeMs", uptimeMs);
        text(sb, "connection", connection);
        field(sb, "disconnectedForMs", disconnectedForMs);
        field(sb, "marketsDefined", marketsDefined);
        field(sb, "marketsTrusted", marketsTrusted);
        field(sb, "marketsStale", marketsStale);
        field(sb, "eventsIn", eventsIn);
        field(sb, "intentsOut", intentsOut);
        sb.append("\"eventsPerSec\":").append(String.format(Locale.ROOT, "%.1f", eventsPerSec)).append(',');
        sb.append("\"ordersPerSec\":").append(String.format(Locale.ROOT, "%.2f", ordersPerSec)).append(',');
        field(sb, "openOrders", openOrders);
        field(sb, "positionContracts", positionContracts);
        field(sb, "pnlToday", pnlToday);
        field(sb, "exposure", exposure);
        field(sb, "tokenBudget", tokenBudget);
        field(sb, "rejects", rejects);
        field(sb, "riskBlocks", riskBlocks);
        field(sb, "fills", fills);
        sb.append("\"halted\":").append(halted).append(',');
        sb.append("\"haltReasons\":[");
        for (int i = 0; i < haltReasons.size(); i++) {
            sb.append(i == 0 ? "" : ",");
            Json.string(sb, haltReasons.get(i));
        }
        sb.append("],");
        field(sb, "tickToIntentP50Nanos", tickToIntentP50Nanos);
        field(sb, "tickToIntentP99Nanos", tickToIntentP99Nanos);
        field(sb, "ringFullIn", ringFullIn);
        field(sb, "ringFullOut", ringFullOut);
        field(sb, "stageErrors", stageErrors);
        field(sb, "journaledIn", journaledIn);
        field(sb, "journaledOut", journaledOut);
        field(sb, "alertsSent", alertsSent);
        field(sb, "alertsDropped", alertsDropped);
        sb.setLength(sb.length() - 1);
        return sb.append('}').toString();
    }

    private static void field(StringBuilder sb, String name, long v) {
        sb.append('"').append(name).append("\":").append(v == NA ? "null" : Long.toString(v)).append(',');
    }

    private static void text(StringBuilder sb, String name, String v) {
        sb.append('"').append(name).append("\":");
        Json.string(sb, v);
        sb.append(',');
    }

    static String num(long v) {
        return v == NA ? "n/a" : Long.toString(v);
    }

    static String micros(long nanos) {
        return nanos == NA ? "n/a" : String.format(Locale.ROOT, "%.1fus", nanos / 1000.0);
    }

    /** $0.0001 units as dollars with two decimals (display only). */
    static String dollars(long money) {
        if (money == NA) {
            return "n/a";
        }
        return (money < 0 ? "-$" : "$") + String.format(Locale.ROOT, "%d.%02d", Math.abs(money) / 10_000, Math.abs(money) % 10_000 / 100);
    }

    /** 0.01-contract units as contracts. */
    static String contracts(long count) {
        if (count == NA) {
            return "n/a";
        }
        return (count < 0 ? "-" : "") + Math.abs(count) / 100 + (Math.abs(count) % 100 == 0 ? "" : String.format(Locale.ROOT, ".%02d", Math.abs(count) % 100));
    }
}

package io.kengine.journal;

import java.util.List;

/**
 * Outcome of a replay: identical, or the first divergence with both sides formatted; plus any
 * config override whose key never occurred in the journal (a what-if that changed nothing).
 */
public final class ReplayResult {
    private final long events;
    private final long intents;
    private final int sessions;
    private final Divergence divergence;
    private final List<String> unusedOverrides;

    ReplayResult(long events, long intents, int sessions, Divergence divergence, List<String> unusedOverrides) {
        this.events = events;
        this.intents = intents;
        this.sessions = sessions;
        this.divergence = divergence;
        this.unusedOverrides = List.copyOf(unusedOverrides);
    }

    /** True when every intent matched the journal and none was missing or extra. */
    public boolean identical() {
        return divergence == null;
    }

    /** True when identical and every override key was used: what a clean replay run should report. */
    public boolean ok() {
        return identical() && unusedOverrides.isEmpty();
    }

    /** Inbound events fed to the pipeline (up to and including the one that diverged). */
    public long events() {
        return events;
    }

    /** Intents that matched the journal (before the divergence, if any). */
    public long intents() {
        return intents;
    }

    /** Engine runs (SessionStart events) replayed. */
    public int sessions() {
        return sessions;
    }

    /** Inbound sequence that caused the diverging intent (its causeSequence), or -1 when identical. */
    public long divergenceInboundSequence() {
        return divergence == null ? -1 : divergence.inboundSequence();
    }

    /** Outbound sequence of the diverging intent within its session, or -1 when identical. */
    public long divergenceIntentSequence() {
        return divergence == null ? -1 : divergence.outboundSequence();
    }

    /** Session (1-based) of the divergence, or 0 when identical. */
    public int divergenceSession() {
        return divergence == null ? 0 : divergence.session();
    }

    /** The journaled intent, formatted; "none" if the replay produced an extra one; null when identical. */
    public String expected() {
        return divergence == null ? null : divergence.expected();
    }

    /** The replayed intent, formatted; "none" if the replay missed one; null when identical. */
    public String actual() {
        return divergence == null ? null : divergence.actual();
    }

    /** Override keys that never occurred in the journal's ConfigChange events. */
    public List<String> unusedOverrides() {
        return unusedOverrides;
    }

    /**
     * {@code identical: N events, M intents}, or a multi-line report starting with
     * {@code divergence at inbound sequence S (intent #K):} then {@code expected: ...} and {@code actual: ...};
     * an {@code error:} line follows for each unused override key.
     */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        if (divergence == null) {
            sb.append("identical: ").append(events).append(" events, ").append(intents).append(" intents");
        } else {
            sb.append("divergence at inbound sequence ").append(divergence.inboundSequence())
                .append(" (intent #").append(divergence.outboundSequence()).append("):\n");
            sb.append("expected: ").append(divergence.expected()).append('\n');
            sb.append("actual: ").append(divergence.actual()).append('\n');
            sb.append("in session ").append(divergence.session()).append(", after ").append(events)
                .append(" events and ").append(intents).append(" identical intents");
        }
        for (String key : unusedOverrides) {
            sb.append("\nerror: config override key '").append(key).append("' never occurs in the journal");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return summary();
    }
}

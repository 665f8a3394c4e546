package io.kengine.engine.ring;

/** How the business stages (and, for {@code single}, the outbound consumers) map onto threads. Same order and results either way. */
public enum StageMapping {
    /** book → pricing → risk → orders on one consumer thread; journal-out and the sender on their own threads. */
    FUSED,
    /** one consumer thread per stage, chained by sequence barriers. */
    PER_STAGE,
    /**
     * book → pricing → risk → orders → journal-out → sender, all on the business thread: the outbound ring
     * is drained in line after each inbound event, so an intent is handed to the sender with no thread
     * hand-off and only one consumer thread runs (journal-in aside). For hosts with 2 cores, where a
     * third runnable thread means a context switch on every intent.
     */
    SINGLE;

    public static StageMapping parse(String s) {
        switch (s) {
            case "fused": return FUSED;
            case "per-stage": return PER_STAGE;
            case "single": return SINGLE;
            default: throw new IllegalArgumentException("unknown stage mapping '" + s + "' (auto | fused | per-stage | single)");
        }
    }

    /** Like {@link #parse}, and {@code auto}: {@code single} on hosts with at most 2 cores, else {@code fused}. */
    public static StageMapping resolve(String s, int cores) {
        return "auto".equals(s) ? (cores <= 2 ? SINGLE : FUSED) : parse(s);
    }

    public int businessThreads() {
        return this == PER_STAGE ? 4 : 1;
    }

    /** Threads consuming the outbound ring (journal-out counted when journaling). */
    public int outboundThreads(boolean journaling) {
        return this == SINGLE ? 0 : 1 + (journaling ? 1 : 0);
    }
}

package io.kengine.risk.decisions;

import io.kengine.protocol.stage.QuoteReason;

/** How often each reason code cut, blocked or halted something; indexed by code (0–99). */
public final class ReasonCounters {
    public static final int MAX_REASON = 100;
    private final long[] counts = new long[MAX_REASON];

    public void count(int reason) {
        if (reason >= 0 && reason < MAX_REASON) {
            counts[reason]++;
        }
    }

    public long get(int reason) {
        return reason >= 0 && reason < MAX_REASON ? counts[reason] : 0;
    }

    public long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }

    /** "reason-name=count" for every non-zero counter, in code order (status pages; allocates). */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < MAX_REASON; r++) {
            if (counts[r] != 0) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(QuoteReason.name(r)).append('=').append(counts[r]);
            }
        }
        return sb.toString();
    }

    public void reset() {
        java.util.Arrays.fill(counts, 0);
    }
}

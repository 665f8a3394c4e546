package io.kengine.gateway.orders;

import io.kengine.protocol.event.FillEvent;

/**
 * The reconciliation round in progress, and our position per market against the exchange's: our fills
 * move ours, the round's position reports set the exchange's, and the round's end compares them. A
 * difference counts only when it persists unchanged for {@code mismatchConfirmations} rounds (a fill in
 * flight explains one round). The startup round sets our position instead: its baseline plus the fills
 * after the baseline time.
 */
final class ReconcileRound {
    private long number;
    private boolean open;
    private boolean startup;
    private long baselineMs;

    private final long[] position = new long[QuoteOrdersStage.MAX_MARKETS];
    private final long[] exchangePosition = new long[QuoteOrdersStage.MAX_MARKETS];
    private final long[] reportedRound = new long[QuoteOrdersStage.MAX_MARKETS];
    private final long[] lastDiff = new long[QuoteOrdersStage.MAX_MARKETS];
    private final int[] diffStreak = new int[QuoteOrdersStage.MAX_MARKETS];
    private final long[] startupDelta = new long[QuoteOrdersStage.MAX_MARKETS];

    void begin(long round, boolean startupRound, long baselineTimeMs, int marketsUsed) {
        number = round;
        open = true;
        startup = startupRound;
        baselineMs = baselineTimeMs;
        for (int m = 0; m < marketsUsed; m++) {
            startupDelta[m] = 0;
        }
    }

    /** Closes the round if {@code round} is the open one; false for an end marker of another round. */
    boolean close(long round) {
        if (!open || round != number) {
            return false;
        }
        open = false;
        return true;
    }

    boolean isOpen() {
        return open;
    }

    long number() {
        return number;
    }

    boolean isStartup() {
        return startup;
    }

    /** A position report: counts only inside the open round. */
    void positionReport(int market, long exchangeNow) {
        if (open) {
            exchangePosition[market] = exchangeNow;
            reportedRound[market] = number;
        }
    }

    /** A distinct fill (signed: + YES bought); during the startup round, fills up to the baseline time are in it. */
    void fill(int market, long signed, long exchangeTimeMs) {
        if (open && startup) {
            if (exchangeTimeMs != FillEvent.NULL_LONG && exchangeTimeMs <= baselineMs) {
                signed = 0; // already in the baseline position the round reports
            } else {
                startupDelta[market] += signed;
            }
        }
        position[market] += signed;
    }

    /**
     * Compares the market at the closed round's end; true when the difference is confirmed. The startup
     * round adopts the exchange's position (+ later fills) instead and confirms nothing.
     */
    boolean mismatchConfirmed(int m, int confirmations) {
        long exchange = reportedPosition(m);
        if (startup) {
            position[m] = exchange + startupDelta[m];
            diffStreak[m] = 0;
            return false;
        }
        long diff = position[m] - exchange;
        if (diff == 0) {
            diffStreak[m] = 0;
        } else if (diff == lastDiff[m] && diffStreak[m] > 0) {
            diffStreak[m]++;
        } else {
            lastDiff[m] = diff;
            diffStreak[m] = 1;
        }
        return diffStreak[m] >= confirmations;
    }

    /** After the end-of-round comparison: later rounds are not the startup round. */
    void compared() {
        startup = false;
    }

    /** The exchange's position as this round reported it (not reported: flat). */
    long reportedPosition(int m) {
        return reportedRound[m] == number ? exchangePosition[m] : 0;
    }

    /** The last position any round reported. */
    long exchangePosition(int m) {
        return exchangePosition[m];
    }

    long position(int m) {
        return position[m];
    }

    /** An operator resumed the market: the difference must be confirmed afresh. */
    void resume(int m) {
        diffStreak[m] = 0;
    }
}

package io.kengine.risk.decisions;

import io.kengine.protocol.stage.DecisionKind;
import io.kengine.protocol.stage.DecisionNote;
import io.kengine.protocol.stage.EventSlot;

/**
 * Writes risk's decisions into the RISK region of the slot's {@link DecisionNote} (cleared on every
 * event). More decisions than the note holds wait in a fixed queue and go out first on the next
 * events, in order. BLOCK decisions are throttled: only the first per market per reason per minute
 * of event time is written (the counters still count every one), so the journal stays small.
 */
public final class DecisionLog {
    public static final long BLOCK_INTERVAL_NANOS = 60_000_000_000L;
    private static final int QUEUE = 1024;
    private static final int REASONS = ReasonCounters.MAX_REASON;

    private final DecisionNote note = new DecisionNote();
    private final int[] qKind = new int[QUEUE];
    private final int[] qReason = new int[QUEUE];
    private final int[] qMarket = new int[QUEUE];
    private final long[] qValue1 = new long[QUEUE];
    private final long[] qValue2 = new long[QUEUE];
    private int head;
    private int size;
    private long dropped;
    private long written;
    private final long[] lastBlock;
    private final int maxMarkets;
    private boolean wrapped;

    public DecisionLog(int maxMarkets) {
        this.maxMarkets = maxMarkets;
        this.lastBlock = new long[(maxMarkets + 1) * REASONS];
        java.util.Arrays.fill(lastBlock, Long.MIN_VALUE);
    }

    /** Clears the RISK region and writes what is still queued from earlier events. */
    public void begin(EventSlot slot) {
        note.wrap(slot, DecisionNote.RISK).clear();
        wrapped = true;
        while (size > 0 && !note.isFull()) {
            note.add(qKind[head], qReason[head], qMarket[head], qValue1[head], qValue2[head]);
            written++;
            head = (head + 1) & (QUEUE - 1);
            size--;
        }
    }

    public void add(int kind, int reason, int market, long value1, long value2) {
        if (wrapped && size == 0 && note.add(kind, reason, market, value1, value2)) {
            written++;
            return;
        }
        if (size == QUEUE) {
            dropped++;
            return;
        }
        int i = (head + size) & (QUEUE - 1);
        qKind[i] = kind;
        qReason[i] = reason;
        qMarket[i] = market;
        qValue1[i] = value1;
        qValue2[i] = value2;
        size++;
    }

    /** A BLOCK decision, written only if none for this market and reason in the last minute of event time. */
    public void block(int reason, int market, long wanted, long allowed, long nowNanos) {
        int mi = market >= 0 && market < maxMarkets ? market : maxMarkets;
        int r = reason >= 0 && reason < REASONS ? reason : 0;
        int k = mi * REASONS + r;
        long last = lastBlock[k];
        if (last != Long.MIN_VALUE && nowNanos - last < BLOCK_INTERVAL_NANOS) {
            return;
        }
        lastBlock[k] = nowNanos;
        add(DecisionKind.BLOCK, reason, market, wanted, allowed);
    }

    public int queued() { return size; }
    public long dropped() { return dropped; }
    public long written() { return written; }
}

package io.kengine.pricing.decision;

import io.kengine.protocol.stage.DecisionNote;

/**
 * Pricing's decisions (regime changes, expired fair values, baskets) on their way into the slot's
 * DecisionNote PRICING region, which holds {@link DecisionNote#MAX_ENTRIES}: what does not fit waits
 * here, in order, and goes out first on the next events. Preallocated ring; when even that is full
 * the oldest waiting decision is overwritten and counted (decisions are rare: it should never happen).
 */
public final class DecisionQueue {
    private static final int CAPACITY = 256;
    private final int[] kind = new int[CAPACITY];
    private final int[] reason = new int[CAPACITY];
    private final int[] market = new int[CAPACITY];
    private final long[] value1 = new long[CAPACITY];
    private final long[] value2 = new long[CAPACITY];
    private int head;
    private int size;
    private long dropped;
    private long recorded;
    private DecisionNote note;

    /** The note of the current event (already cleared); flushes what waited from earlier events. */
    public void begin(DecisionNote note) {
        this.note = note;
        while (size > 0 && !note.isFull()) {
            int i = head;
            note.add(kind[i], reason[i], market[i], value1[i], value2[i]);
            head = (head + 1) & (CAPACITY - 1);
            size--;
        }
    }

    public void add(int k, int r, int m, long v1, long v2) {
        recorded++;
        if (size == 0 && note != null && note.add(k, r, m, v1, v2)) {
            return;
        }
        if (size == CAPACITY) {
            head = (head + 1) & (CAPACITY - 1);
            size--;
            dropped++;
        }
        int i = (head + size) & (CAPACITY - 1);
        kind[i] = k;
        reason[i] = r;
        market[i] = m;
        value1[i] = v1;
        value2[i] = v2;
        size++;
    }

    public int waiting() {
        return size;
    }

    public long dropped() {
        return dropped;
    }

    public long recorded() {
        return recorded;
    }
}

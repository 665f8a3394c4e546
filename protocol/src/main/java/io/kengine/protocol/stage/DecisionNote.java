package io.kengine.protocol.stage;

import org.agrona.MutableDirectBuffer;

/**
 * Up to {@link #MAX_ENTRIES} decisions a stage took on this event (regime change, halt, reduce-only,
 * breaker...), in the stage's own region of the notes: {@link #PRICING} or {@link #RISK}. The orders
 * stage publishes each as a {@code DecisionEvent} on the outbound ring, so they are journaled and
 * replay-compared. A stage clears its region on every event before writing. A stage with more
 * decisions than fit keeps them and writes the rest on its next events (rare: decisions are rare).
 */
public final class DecisionNote {
    public static final int MAX_ENTRIES = 4;
    private static final int ENTRY = 32;
    public static final int LENGTH = 8 + MAX_ENTRIES * ENTRY; // 136
    public static final int PRICING = 256;
    public static final int RISK = PRICING + LENGTH;          // 392
    public static final int END = RISK + LENGTH;               // 528

    private static final int COUNT = 0;
    private static final int E_KIND = 0;
    private static final int E_REASON = 4;
    private static final int E_MARKET = 8;
    private static final int E_VALUE1 = 16;
    private static final int E_VALUE2 = 24;

    private MutableDirectBuffer b;
    private long address; // of the notes' byte 0: stores below are unchecked (NoteMemory)
    private int base;

    public DecisionNote wrap(EventSlot slot, int region) {
        if (region != PRICING && region != RISK) { // stores are unchecked: only the two known regions
            throw new IllegalArgumentException("not a decision region: " + region);
        }
        this.b = slot.notes();
        this.address = slot.notesAddress();
        this.base = region;
        return this;
    }

    public void clear() {
        NoteMemory.putInt(address + base + COUNT, 0);
    }

    public int count() {
        return b.getInt(base + COUNT);
    }

    public boolean isFull() {
        return count() >= MAX_ENTRIES;
    }

    /** Adds one decision; returns false (and writes nothing) when the region is full. */
    public boolean add(int kind, int reason, int marketId, long value1, long value2) {
        int n = count();
        if (n >= MAX_ENTRIES) {
            return false;
        }
        int e = entry(n);
        NoteMemory.putInt(address + e + E_KIND, kind);
        NoteMemory.putInt(address + e + E_REASON, reason);
        NoteMemory.putInt(address + e + E_MARKET, marketId);
        NoteMemory.putLong(address + e + E_VALUE1, value1);
        NoteMemory.putLong(address + e + E_VALUE2, value2);
        NoteMemory.putInt(address + base + COUNT, n + 1);
        return true;
    }

    public int kind(int i) { return b.getInt(entry(i) + E_KIND); }
    public int reason(int i) { return b.getInt(entry(i) + E_REASON); }
    public int marketId(int i) { return b.getInt(entry(i) + E_MARKET); }
    public long value1(int i) { return b.getLong(entry(i) + E_VALUE1); }
    public long value2(int i) { return b.getLong(entry(i) + E_VALUE2); }

    private int entry(int i) {
        return base + 8 + i * ENTRY;
    }
}

package io.kengine.protocol.stage;

import org.agrona.MutableDirectBuffer;

/**
 * A two-sided quote for one market, written into the slot's notes: pricing writes what it wants
 * ({@link #PRICING}), risk writes what it approves ({@link #RISK}). A side with quantity 0 is not
 * quoted; its reason code says why. The orders stage turns the approved quote into intents.
 */
public final class QuoteNote {
    public static final int PRICING = TopOfBookNote.END;      // 48
    public static final int RISK = PRICING + 64;               // 112
    public static final int LENGTH = 64;

    public static final int FLAG_PRESENT = 1;   // the stage produced a quote decision for this event
    public static final int FLAG_PULL = 2;      // cancel everything resting in the market

    private static final int MARKET_ID = 0;
    private static final int FLAGS = 4;
    private static final int BID_PRICE = 8;
    private static final int BID_QTY = 16;
    private static final int ASK_PRICE = 24;
    private static final int ASK_QTY = 32;
    private static final int BID_REASON = 40;
    private static final int ASK_REASON = 44;
    private static final int FAIR_VALUE = 48;
    private static final int REGIME = 56;
    private static final int LIFETIME_MS = 60;

    private MutableDirectBuffer b;
    private long address; // of the notes' byte 0: stores below are unchecked (NoteMemory)
    private int base;

    public QuoteNote wrap(EventSlot slot, int region) {
        if (region != PRICING && region != RISK) { // stores are unchecked: only the two known regions
            throw new IllegalArgumentException("not a quote region: " + region);
        }
        this.b = slot.notes();
        this.address = slot.notesAddress();
        this.base = region;
        return this;
    }

    public void clear() {
        // LENGTH is 64: eight long stores instead of a checked setMemory
        for (int i = 0; i < LENGTH; i += 8) {
            NoteMemory.putLong(address + base + i, 0L);
        }
        NoteMemory.putInt(address + base + MARKET_ID, -1);
    }

    public void set(int marketId, int flags, long bidPrice, long bidQty, int bidReason,
                    long askPrice, long askQty, int askReason, long fairValue) {
        NoteMemory.putInt(address + base + MARKET_ID, marketId);
        NoteMemory.putInt(address + base + FLAGS, flags);
        NoteMemory.putLong(address + base + BID_PRICE, bidPrice);
        NoteMemory.putLong(address + base + BID_QTY, bidQty);
        NoteMemory.putLong(address + base + ASK_PRICE, askPrice);
        NoteMemory.putLong(address + base + ASK_QTY, askQty);
        NoteMemory.putInt(address + base + BID_REASON, bidReason);
        NoteMemory.putInt(address + base + ASK_REASON, askReason);
        NoteMemory.putLong(address + base + FAIR_VALUE, fairValue);
    }

    /**
     * The pricing engine's regime for this market ({@link Regime}) and how long the quote may rest
     * before it must be refreshed, in ms of event time (0 = no limit). Risk scales limits by the
     * regime (R2); the orders stage pulls quotes older than their lifetime.
     */
    public void meta(int regime, int lifetimeMs) {
        NoteMemory.putInt(address + base + REGIME, regime);
        NoteMemory.putInt(address + base + LIFETIME_MS, lifetimeMs);
    }

    public void copyFrom(QuoteNote other) {
        b.putBytes(base, other.b, other.base, LENGTH);
    }

    public int marketId() { return b.getInt(base + MARKET_ID); }
    public int flags() { return b.getInt(base + FLAGS); }
    public boolean isPresent() { return (flags() & FLAG_PRESENT) != 0; }
    public boolean isPull() { return (flags() & FLAG_PULL) != 0; }
    public long bidPrice() { return b.getLong(base + BID_PRICE); }
    public long bidQty() { return b.getLong(base + BID_QTY); }
    public long askPrice() { return b.getLong(base + ASK_PRICE); }
    public long askQty() { return b.getLong(base + ASK_QTY); }
    public int bidReason() { return b.getInt(base + BID_REASON); }
    public int askReason() { return b.getInt(base + ASK_REASON); }
    public long fairValue() { return b.getLong(base + FAIR_VALUE); }
    public int regime() { return b.getInt(base + REGIME); }
    public int lifetimeMs() { return b.getInt(base + LIFETIME_MS); }
    public void bidQty(long q, int reason) { NoteMemory.putLong(address + base + BID_QTY, q); NoteMemory.putInt(address + base + BID_REASON, reason); }
    public void askQty(long q, int reason) { NoteMemory.putLong(address + base + ASK_QTY, q); NoteMemory.putInt(address + base + ASK_REASON, reason); }
}

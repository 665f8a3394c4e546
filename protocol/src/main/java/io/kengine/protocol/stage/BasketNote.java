package io.kengine.protocol.stage;

import org.agrona.MutableDirectBuffer;

/**
 * A multi-leg taker basket the pricing stage (M3) proposes on this event: up to {@link #MAX_LEGS}
 * legs (market, side on the YES book, limit price, wanted quantity, time in force) that belong
 * together under one group id, e.g. the YES asks of an exclusive outcome set summing below $1.
 * Risk works in place: it writes each leg's approved quantity and the basket's verdict (a basket is
 * all or nothing: any leg cut below the basket quantity blocks the whole basket, with a reason).
 * The orders stage turns an approved basket into intents carrying the group id.
 *
 * <p>Prices in $0.0001, quantities in 0.01 contracts, side {@code Codes.BID} (buy YES) or
 * {@code Codes.ASK} (sell YES), tif as in {@code OrderIntentEvent}.
 */
public final class BasketNote {
    public static final int MAX_LEGS = 24;
    private static final int LEG = 32;
    private static final int HEADER = 32;
    public static final int OFFSET = DecisionNote.END;                 // 528
    public static final int LENGTH = HEADER + MAX_LEGS * LEG;          // 800
    public static final int END = OFFSET + LENGTH;                     // 1328

    public static final int STATUS_NONE = 0;
    public static final int STATUS_PROPOSED = 1;   // written by pricing
    public static final int STATUS_APPROVED = 2;   // risk let every leg through at its wanted quantity
    public static final int STATUS_BLOCKED = 3;    // risk refused; reason says why

    private static final int STATUS = OFFSET;
    private static final int LEG_COUNT = OFFSET + 4;
    private static final int GROUP_ID = OFFSET + 8;
    private static final int REASON = OFFSET + 16;
    private static final int KIND = OFFSET + 20;
    private static final int EDGE = OFFSET + 24;
    private static final int LEGS = OFFSET + HEADER;

    private static final int L_MARKET = 0;
    private static final int L_SIDE = 4;
    private static final int L_TIF = 5;
    private static final int L_PRICE = 8;
    private static final int L_WANTED = 16;
    private static final int L_APPROVED = 24;

    private MutableDirectBuffer b;
    private long address; // of the notes' byte 0: stores below are unchecked (NoteMemory)

    public BasketNote wrap(EventSlot slot) {
        this.b = slot.notes();
        this.address = slot.notesAddress();
        return this;
    }

    public void clear() {
        NoteMemory.putInt(address + STATUS, STATUS_NONE);
        NoteMemory.putInt(address + LEG_COUNT, 0);
    }

    /**
     * Starts a proposal. @param kind what M3 found (pricing's own code, journaled via the decision),
     * @param edge expected profit of the whole basket after fees, $0.0001
     */
    public void propose(long groupId, int kind, long edge) {
        NoteMemory.putInt(address + STATUS, STATUS_PROPOSED);
        NoteMemory.putInt(address + LEG_COUNT, 0);
        NoteMemory.putLong(address + GROUP_ID, groupId);
        NoteMemory.putInt(address + REASON, QuoteReason.QUOTED);
        NoteMemory.putInt(address + KIND, kind);
        NoteMemory.putLong(address + EDGE, edge);
    }

    /** Appends a leg; returns false (nothing written) when the basket is full. */
    public boolean addLeg(int marketId, byte side, long price, long quantity, byte timeInForce) {
        int n = legCount();
        if (n >= MAX_LEGS) {
            return false;
        }
        int l = leg(n);
        NoteMemory.putInt(address + l + L_MARKET, marketId);
        NoteMemory.putByte(address + l + L_SIDE, side);
        NoteMemory.putByte(address + l + L_TIF, timeInForce);
        NoteMemory.putLong(address + l + L_PRICE, price);
        NoteMemory.putLong(address + l + L_WANTED, quantity);
        NoteMemory.putLong(address + l + L_APPROVED, 0);
        NoteMemory.putInt(address + LEG_COUNT, n + 1);
        return true;
    }

    /** Risk's verdict. */
    public void verdict(int status, int reason) {
        NoteMemory.putInt(address + STATUS, status);
        NoteMemory.putInt(address + REASON, reason);
    }

    public void approvedQuantity(int leg, long quantity) {
        if (leg < 0 || leg >= MAX_LEGS) { // stores are unchecked: never let an index leave the region
            throw new IndexOutOfBoundsException("basket leg " + leg);
        }
        NoteMemory.putLong(address + leg(leg) + L_APPROVED, quantity);
    }

    public int status() { return b.getInt(STATUS); }
    public boolean isProposed() { return status() == STATUS_PROPOSED; }
    public boolean isApproved() { return status() == STATUS_APPROVED; }
    public int legCount() { return b.getInt(LEG_COUNT); }
    public long groupId() { return b.getLong(GROUP_ID); }
    public int reason() { return b.getInt(REASON); }
    public int kind() { return b.getInt(KIND); }
    public long edge() { return b.getLong(EDGE); }
    public int legMarketId(int i) { return b.getInt(leg(i) + L_MARKET); }
    public byte legSide(int i) { return b.getByte(leg(i) + L_SIDE); }
    public byte legTimeInForce(int i) { return b.getByte(leg(i) + L_TIF); }
    public long legPrice(int i) { return b.getLong(leg(i) + L_PRICE); }
    public long legWantedQuantity(int i) { return b.getLong(leg(i) + L_WANTED); }
    public long legApprovedQuantity(int i) { return b.getLong(leg(i) + L_APPROVED); }

    private static int leg(int i) {
        return LEGS + i * LEG;
    }
}

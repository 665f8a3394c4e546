package io.kengine.protocol.stage;

import org.agrona.MutableDirectBuffer;

/**
 * Written by the book stage into the slot's notes for every event: the top of the book of the
 * event's market after applying it. Prices in $0.0001 on the YES leg, quantities in 0.01 contracts.
 * The trust state and the book's features for the same market are in {@link BookFeaturesNote}.
 */
public final class TopOfBookNote {
    public static final int OFFSET = 0;
    public static final int FLAG_VALID = 1;     // the event concerned a known market; the fields below are set
    /** The book is quotable: trust state {@link BookTrust#TRUSTED} (complete, in sequence, fresh, WebSocket-sourced). */
    public static final int FLAG_TRUSTED = 2;
    /** The top of book or the book's trust state changed with this event. */
    public static final int FLAG_CHANGED = 4;

    private static final int MARKET_ID = OFFSET;
    private static final int FLAGS = OFFSET + 4;
    private static final int BEST_BID = OFFSET + 8;
    private static final int BEST_BID_QTY = OFFSET + 16;
    private static final int BEST_ASK = OFFSET + 24;
    private static final int BEST_ASK_QTY = OFFSET + 32;
    private static final int TICK = OFFSET + 40;
    public static final int END = OFFSET + 48;

    /** Sentinel price for an empty side. */
    public static final long NO_PRICE = -1L;

    private MutableDirectBuffer b;
    private long address; // of the notes' byte 0: stores below are unchecked (NoteMemory)

    public TopOfBookNote wrap(EventSlot slot) {
        this.b = slot.notes();
        this.address = slot.notesAddress();
        return this;
    }

    public void clear() {
        NoteMemory.putInt(address + MARKET_ID, -1);
        NoteMemory.putInt(address + FLAGS, 0);
    }

    public void set(int marketId, int flags, long bestBid, long bestBidQty, long bestAsk, long bestAskQty, long tick) {
        NoteMemory.putInt(address + MARKET_ID, marketId);
        NoteMemory.putInt(address + FLAGS, flags);
        NoteMemory.putLong(address + BEST_BID, bestBid);
        NoteMemory.putLong(address + BEST_BID_QTY, bestBidQty);
        NoteMemory.putLong(address + BEST_ASK, bestAsk);
        NoteMemory.putLong(address + BEST_ASK_QTY, bestAskQty);
        NoteMemory.putLong(address + TICK, tick);
    }

    public int marketId() { return b.getInt(MARKET_ID); }
    public int flags() { return b.getInt(FLAGS); }
    public boolean isValid() { return (flags() & FLAG_VALID) != 0; }
    public boolean isTrusted() { return (flags() & FLAG_TRUSTED) != 0; }
    public boolean isChanged() { return (flags() & FLAG_CHANGED) != 0; }
    public long bestBid() { return b.getLong(BEST_BID); }
    public long bestBidQty() { return b.getLong(BEST_BID_QTY); }
    public long bestAsk() { return b.getLong(BEST_ASK); }
    public long bestAskQty() { return b.getLong(BEST_ASK_QTY); }
    /** Tick size at the best prices' neighbourhood ($0.0001), the finest step the grid allows there. */
    public long tick() { return b.getLong(TICK); }
}

package io.kengine.protocol.stage;

import org.agrona.MutableDirectBuffer;

/**
 * Written by the book stage next to {@link TopOfBookNote}, for the same events and the same market:
 * the book's trust state and the features pricing reads. Every value is a long in a fixed unit;
 * {@link #NO_VALUE} when undefined (e.g. microprice of a one-sided book). Units:
 * <ul>
 *   <li>{@code lastUpdateNanos}: event time of the last applied snapshot chunk or delta (epoch ns)</li>
 *   <li>{@code mid}, {@code microprice}: $0.0001, rounded down</li>
 *   <li>{@code imbalanceTopBps}, {@code imbalanceDepthBps}: (bid − ask quantity) / (bid + ask quantity) in
 *       basis points of 1, in [−10000, 10000], truncated toward zero</li>
 *   <li>{@code volatility}: EWMA volatility of the mid in $0.000001 per √second (0.01 of a price unit)</li>
 *   <li>{@code tradeIntensity}: EWMA trades per second × 1000</li>
 *   <li>{@code timeToCloseMs}: close time − event time in ms, 0 at or after close</li>
 * </ul>
 */
public final class BookFeaturesNote {
    public static final int OFFSET = QuoteNote.RISK + QuoteNote.LENGTH; // 176
    public static final int LENGTH = 72;
    public static final long NO_VALUE = Long.MIN_VALUE;

    private static final int MARKET_ID = OFFSET;
    private static final int TRUST = OFFSET + 4;
    private static final int LAST_UPDATE = OFFSET + 8;
    private static final int MID = OFFSET + 16;
    private static final int MICROPRICE = OFFSET + 24;
    private static final int IMBALANCE_TOP = OFFSET + 32;
    private static final int IMBALANCE_DEPTH = OFFSET + 40;
    private static final int VOLATILITY = OFFSET + 48;
    private static final int TRADE_INTENSITY = OFFSET + 56;
    private static final int TIME_TO_CLOSE = OFFSET + 64;
    public static final int END = OFFSET + LENGTH;

    private MutableDirectBuffer b;
    private long address; // of the notes' byte 0: stores below are unchecked (NoteMemory)

    public BookFeaturesNote wrap(EventSlot slot) {
        this.b = slot.notes();
        this.address = slot.notesAddress();
        return this;
    }

    public void clear() {
        NoteMemory.putInt(address + MARKET_ID, -1);
        NoteMemory.putInt(address + TRUST, BookTrust.NONE);
    }

    public void set(int marketId, BookTrust trust, long lastUpdateNanos, long mid, long microprice,
                    long imbalanceTopBps, long imbalanceDepthBps, long volatility, long tradeIntensity,
                    long timeToCloseMs) {
        NoteMemory.putInt(address + MARKET_ID, marketId);
        NoteMemory.putInt(address + TRUST, trust.code());
        NoteMemory.putLong(address + LAST_UPDATE, lastUpdateNanos);
        NoteMemory.putLong(address + MID, mid);
        NoteMemory.putLong(address + MICROPRICE, microprice);
        NoteMemory.putLong(address + IMBALANCE_TOP, imbalanceTopBps);
        NoteMemory.putLong(address + IMBALANCE_DEPTH, imbalanceDepthBps);
        NoteMemory.putLong(address + VOLATILITY, volatility);
        NoteMemory.putLong(address + TRADE_INTENSITY, tradeIntensity);
        NoteMemory.putLong(address + TIME_TO_CLOSE, timeToCloseMs);
    }

    /** The market the features are for; −1 when cleared. Check it against {@link TopOfBookNote#marketId()}. */
    public int marketId() { return b.getInt(MARKET_ID); }
    /** {@link BookTrust} code, {@link BookTrust#NONE} when cleared. */
    public int trustCode() { return b.getInt(TRUST); }
    /** The state, or null when cleared. */
    public BookTrust trust() { return BookTrust.of(trustCode()); }
    public long lastUpdateNanos() { return b.getLong(LAST_UPDATE); }
    public long mid() { return b.getLong(MID); }
    public long microprice() { return b.getLong(MICROPRICE); }
    public long imbalanceTopBps() { return b.getLong(IMBALANCE_TOP); }
    public long imbalanceDepthBps() { return b.getLong(IMBALANCE_DEPTH); }
    public long volatility() { return b.getLong(VOLATILITY); }
    public long tradeIntensity() { return b.getLong(TRADE_INTENSITY); }
    public long timeToCloseMs() { return b.getLong(TIME_TO_CLOSE); }
}

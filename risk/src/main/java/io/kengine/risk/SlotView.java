package io.kengine.risk;

import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.stage.BasketNote;
import io.kengine.protocol.stage.BookFeaturesNote;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.TopOfBookNote;
import org.agrona.UnsafeApi;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;

/**
 * What the stage reads from a slot on its hot paths — the event header, a fill's fields, the top-of-book,
 * book-features, wanted-quote and basket-status notes — as plain loads at fixed offsets after one bounds check
 * per event ({@link #wrap}), instead of one checked read per field through the flyweights (Agrona's checks were
 * a tenth of a quote's samples). Reads only: every write still goes through the flyweights. The offsets
 * repeat the protocol's layout (the flyweights keep theirs private); {@code SlotViewTest} pins each against
 * the flyweight that writes it. Notes are native byte order (as {@code UnsafeBuffer.getInt(int)}), events
 * little-endian ({@link EventHeader#ORDER}).
 */
final class SlotView {
    private static final boolean NATIVE_LE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    // event: header, then the fill's body
    static final int TYPE = EventHeader.TYPE_OFFSET;
    static final int TIMESTAMP = EventHeader.TIMESTAMP_OFFSET;
    static final int MARKET_ID = EventHeader.MARKET_ID_OFFSET;
    static final int FILL_PRICE = EventHeader.LENGTH;
    static final int FILL_COUNT = FILL_PRICE + 8;
    static final int FILL_FEE = FILL_COUNT + 8;
    static final int FILL_SIDE = FILL_FEE + 24;       // after post position and exchange time
    static final int FILL_TAKER = FILL_SIDE + 1;
    static final int FILL_LENGTH = FillEvent.LENGTH;

    // notes
    static final int TOP_MARKET = TopOfBookNote.OFFSET;
    static final int TOP_FLAGS = TopOfBookNote.OFFSET + 4;
    static final int TOP_BID = TopOfBookNote.OFFSET + 8;
    static final int TOP_ASK = TopOfBookNote.OFFSET + 24;
    static final int TOP_TICK = TopOfBookNote.OFFSET + 40;
    static final int FEATURES_MARKET = BookFeaturesNote.OFFSET;
    static final int FEATURES_TRUST = BookFeaturesNote.OFFSET + 4;
    static final int WANTED = QuoteNote.PRICING;
    static final int Q_MARKET = 0;
    static final int Q_FLAGS = 4;
    static final int Q_BID_PRICE = 8;
    static final int Q_BID_QTY = 16;
    static final int Q_ASK_PRICE = 24;
    static final int Q_ASK_QTY = 32;
    static final int Q_BID_REASON = 40;
    static final int Q_ASK_REASON = 44;
    static final int Q_FAIR = 48;
    static final int Q_REGIME = 56;
    static final int Q_LIFETIME = 60;
    static final int BASKET_STATUS = BasketNote.OFFSET;

    private byte[] eventArray;
    private long eventAddress;
    private int eventCapacity;
    private byte[] notesArray;
    private long notesAddress;

    /** Checks once that the slot's buffers hold every offset read below. */
    SlotView wrap(EventSlot slot) {
        UnsafeBuffer e = slot.event();
        UnsafeBuffer n = slot.notes();
        int ec = e.capacity();
        if (ec < EventHeader.LENGTH || n.capacity() < EventSlot.NOTES_LENGTH) {
            throw new IndexOutOfBoundsException("slot buffers too small: event " + ec + ", notes " + n.capacity());
        }
        eventArray = e.byteArray();
        eventAddress = e.addressOffset();
        eventCapacity = ec;
        notesArray = n.byteArray();
        notesAddress = n.addressOffset();
        return this;
    }

    // ---- event (little-endian) ----

    short type() {
        short v = UnsafeApi.getShort(eventArray, eventAddress + TYPE);
        return NATIVE_LE ? v : Short.reverseBytes(v);
    }

    long timestampNanos() {
        return eventLong(TIMESTAMP);
    }

    int eventMarketId() {
        int v = UnsafeApi.getInt(eventArray, eventAddress + MARKET_ID);
        return NATIVE_LE ? v : Integer.reverseBytes(v);
    }

    /** Whether the event buffer holds a whole fill (checked before the fill reads). */
    boolean holdsFill() {
        return eventCapacity >= FILL_LENGTH;
    }

    long eventLong(int at) {
        long v = UnsafeApi.getLong(eventArray, eventAddress + at);
        return NATIVE_LE ? v : Long.reverseBytes(v);
    }

    byte eventByte(int at) {
        return UnsafeApi.getByte(eventArray, eventAddress + at);
    }

    // ---- notes (native order) ----

    int noteInt(int at) {
        return UnsafeApi.getInt(notesArray, notesAddress + at);
    }

    long noteLong(int at) {
        return UnsafeApi.getLong(notesArray, notesAddress + at);
    }

    int wantedInt(int field) {
        return noteInt(WANTED + field);
    }

    long wantedLong(int field) {
        return noteLong(WANTED + field);
    }
}

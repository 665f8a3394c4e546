package io.kengine.protocol.event;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A full order-book snapshot as Kalshi sends it: the YES bid ladder and the NO bid ladder,
 * each level a (price, quantity) pair in $0.0001 and 0.01-contract units.
 * A book deeper than one event holds is sent as consecutive chunks of the same market:
 * the first carries {@link #FLAG_FIRST}, the last {@link #FLAG_LAST} (a one-chunk snapshot carries both).
 */
public final class BookSnapshotEvent extends Flyweight {
    public static final byte FLAG_FIRST = 1;
    public static final byte FLAG_LAST = 2;

    private static final int SUBSCRIPTION_ID = EventHeader.LENGTH; // 8
    private static final int EXCHANGE_SEQ = SUBSCRIPTION_ID + 8;    // 8
    private static final int FLAGS = EXCHANGE_SEQ + 8;              // 1 (+1 pad)
    private static final int YES_COUNT = FLAGS + 2;                 // 2
    private static final int NO_COUNT = YES_COUNT + 2;              // 2 (+2 pad)
    private static final int LEVELS = NO_COUNT + 4;                 // 56: 8-aligned
    private static final int LEVEL_SIZE = 16;
    public static final int BASE_LENGTH = LEVELS;
    public static final int MAX_LEVELS = (EventHeader.MAX_EVENT_LENGTH - BASE_LENGTH) / LEVEL_SIZE;

    public BookSnapshotEvent wrapForEncode(MutableDirectBuffer buffer, int offset, int marketId, int source) {
        wrap(buffer, offset);
        header(EventType.BOOK_SNAPSHOT, BASE_LENGTH, marketId, source);
        zeroBody(BASE_LENGTH);
        return this;
    }

    static int lengthFor(DirectBuffer b, int offset) {
        int yes = b.getShort(offset + YES_COUNT, EventHeader.ORDER);
        int no = b.getShort(offset + NO_COUNT, EventHeader.ORDER);
        if (yes < 0 || no < 0 || yes + no > MAX_LEVELS) {
            return -1;
        }
        return BASE_LENGTH + (yes + no) * LEVEL_SIZE;
    }

    public long subscriptionId() { return getLong(SUBSCRIPTION_ID); }
    public BookSnapshotEvent subscriptionId(long v) { putLong(SUBSCRIPTION_ID, v); return this; }
    public long exchangeSeq() { return getLong(EXCHANGE_SEQ); }
    public BookSnapshotEvent exchangeSeq(long v) { putLong(EXCHANGE_SEQ, v); return this; }
    public byte flags() { return getByte(FLAGS); }
    public BookSnapshotEvent flags(byte v) { putByte(FLAGS, v); return this; }
    public boolean isFirst() { return (flags() & FLAG_FIRST) != 0; }
    public boolean isLast() { return (flags() & FLAG_LAST) != 0; }

    public int yesCount() { return getShort(YES_COUNT); }
    public int noCount() { return getShort(NO_COUNT); }

    /** YES levels must all be added before the first NO level, so the two ladders stay contiguous. */
    public BookSnapshotEvent addYesLevel(long price, long quantity) {
        if (noCount() > 0) {
            throw new IllegalStateException("YES levels must precede NO levels");
        }
        putLevel(yesCount(), price, quantity);
        putShort(YES_COUNT, (short) (yesCount() + 1));
        return this;
    }

    public BookSnapshotEvent addNoLevel(long price, long quantity) {
        putLevel(yesCount() + noCount(), price, quantity);
        putShort(NO_COUNT, (short) (noCount() + 1));
        return this;
    }

    public boolean isFull() {
        return yesCount() + noCount() >= MAX_LEVELS;
    }

    public long yesPrice(int i) { return getLong(LEVELS + checkYes(i) * LEVEL_SIZE); }
    public long yesQuantity(int i) { return getLong(LEVELS + checkYes(i) * LEVEL_SIZE + 8); }
    public long noPrice(int i) { return getLong(LEVELS + (yesCount() + checkNo(i)) * LEVEL_SIZE); }
    public long noQuantity(int i) { return getLong(LEVELS + (yesCount() + checkNo(i)) * LEVEL_SIZE + 8); }

    private void putLevel(int index, long price, long quantity) {
        if (index >= MAX_LEVELS) {
            throw new IllegalStateException("snapshot chunk full at " + MAX_LEVELS + " levels");
        }
        int at = LEVELS + index * LEVEL_SIZE;
        putLong(at, price);
        putLong(at + 8, quantity);
        setLength(LEVELS + (index + 1) * LEVEL_SIZE);
    }

    private int checkYes(int i) {
        if (i < 0 || i >= yesCount()) throw new IndexOutOfBoundsException("yes level " + i + " of " + yesCount());
        return i;
    }

    private int checkNo(int i) {
        if (i < 0 || i >= noCount()) throw new IndexOutOfBoundsException("no level " + i + " of " + noCount());
        return i;
    }
}

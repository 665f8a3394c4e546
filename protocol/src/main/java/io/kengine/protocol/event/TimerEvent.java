package io.kengine.protocol.event;

import org.agrona.MutableDirectBuffer;

/** A timer tick: how stages learn that time passed when no market data arrives (quote lifetimes, expiries). */
public final class TimerEvent extends Flyweight {
    private static final int SCHEDULED_AT = EventHeader.LENGTH;
    private static final int TIMER_ID = SCHEDULED_AT + 8;
    public static final int LENGTH = TIMER_ID + 8;

    public TimerEvent wrapForEncode(MutableDirectBuffer buffer, int offset, int source) {
        wrap(buffer, offset);
        header(EventType.TIMER, LENGTH, EventHeader.NO_MARKET, source);
        zeroBody(LENGTH);
        return this;
    }

    public long scheduledAtNanos() { return getLong(SCHEDULED_AT); }
    public TimerEvent scheduledAtNanos(long v) { putLong(SCHEDULED_AT, v); return this; }
    public int timerId() { return getInt(TIMER_ID); }
    public TimerEvent timerId(int v) { putInt(TIMER_ID, v); return this; }
}

package io.kengine.protocol.event;

import org.agrona.MutableDirectBuffer;

/**
 * First event of every engine run. Replay starts fresh stages at each one, so one journal
 * directory can hold several runs and each replays on its own.
 */
public final class SessionStartEvent extends Flyweight {
    public static final int TEXT_CAPACITY = 32;
    private static final int RUN_ID = EventHeader.LENGTH;
    private static final int ENGINE_VERSION = RUN_ID + 8;
    private static final int MODE = ENGINE_VERSION + TEXT_CAPACITY;
    public static final int LENGTH = MODE + TEXT_CAPACITY;

    public SessionStartEvent wrapForEncode(MutableDirectBuffer buffer, int offset, int source) {
        wrap(buffer, offset);
        header(EventType.SESSION_START, LENGTH, EventHeader.NO_MARKET, source);
        zeroBody(LENGTH);
        return this;
    }

    /** Run id: seeds client order ids, so that two runs never reuse one. */
    public long runId() { return getLong(RUN_ID); }
    public SessionStartEvent runId(long v) { putLong(RUN_ID, v); return this; }
    public String engineVersion() { return getAscii(ENGINE_VERSION); }
    public SessionStartEvent engineVersion(CharSequence v) { putAscii(ENGINE_VERSION, TEXT_CAPACITY, v); return this; }
    /** Trading mode, e.g. "paper" or "live"; informational. */
    public String mode() { return getAscii(MODE); }
    public SessionStartEvent mode(CharSequence v) { putAscii(MODE, TEXT_CAPACITY, v); return this; }
}

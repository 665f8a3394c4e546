package io.kengine.protocol.event;

import org.agrona.MutableDirectBuffer;

/** An operator's command; marketId {@link EventHeader#NO_MARKET} means every market. */
public final class OperatorCommandEvent extends Flyweight {
    public static final byte HALT = 1;
    public static final byte RESUME = 2;
    public static final byte FLATTEN = 3;
    public static final byte CANCEL_ALL = 4;
    public static final int TEXT_CAPACITY = 96;

    private static final int COMMAND = EventHeader.LENGTH;
    private static final int REASON = COMMAND + 8;
    public static final int LENGTH = REASON + TEXT_CAPACITY;

    public OperatorCommandEvent wrapForEncode(MutableDirectBuffer buffer, int offset, int marketId, int source) {
        wrap(buffer, offset);
        header(EventType.OPERATOR_COMMAND, LENGTH, marketId, source);
        zeroBody(LENGTH);
        return this;
    }

    public byte command() { return getByte(COMMAND); }
    public OperatorCommandEvent command(byte v) { putByte(COMMAND, v); return this; }
    public String reason() { return getAscii(REASON); }
    public OperatorCommandEvent reason(CharSequence v) { putAscii(REASON, TEXT_CAPACITY, v); return this; }

    public static String commandName(byte c) {
        switch (c) {
            case HALT: return "halt";
            case RESUME: return "resume";
            case FLATTEN: return "flatten";
            case CANCEL_ALL: return "cancel-all";
            default: return "?" + c;
        }
    }
}

package io.kengine.protocol.event;

import org.agrona.MutableDirectBuffer;

/**
 * An outbound record of a decision a business stage took that is not itself an order: a pricing
 * regime change, a risk halt, reduce-only, cool-down, circuit-breaker transition, flatten, block.
 * Stages write decisions into their {@code DecisionNote}; the orders stage (the outbound ring's
 * single producer) publishes them here, so journal-out records them and replay compares them like
 * intents. The sender ignores them. Kinds and reasons: {@code io.kengine.protocol.stage.DecisionKind}
 * and {@code QuoteReason}; the meaning of the two values depends on the kind.
 */
public final class DecisionEvent extends Flyweight {
    public static final byte STAGE_PRICING = 1;
    public static final byte STAGE_RISK = 2;
    public static final byte STAGE_ORDERS = 3;

    private static final int CAUSE_SEQUENCE = EventHeader.LENGTH;
    private static final int KIND = CAUSE_SEQUENCE + 8;
    private static final int REASON = KIND + 4;
    private static final int VALUE1 = REASON + 4;
    private static final int VALUE2 = VALUE1 + 8;
    private static final int STAGE = VALUE2 + 8;
    public static final int LENGTH = STAGE + 8;

    /** Header timestamp is the cause's event time, so replay produces identical bytes. */
    public DecisionEvent wrapForEncode(MutableDirectBuffer buffer, int offset, int marketId, long causeSequence,
                                       long causeNanos) {
        wrap(buffer, offset);
        header(EventType.DECISION, LENGTH, marketId, EventSource.ORDERS_STAGE);
        EventHeader.timestampNanos(buffer, offset, causeNanos);
        zeroBody(LENGTH);
        putLong(CAUSE_SEQUENCE, causeSequence);
        return this;
    }

    public long causeSequence() { return getLong(CAUSE_SEQUENCE); }
    public int kind() { return getInt(KIND); }
    public DecisionEvent kind(int v) { putInt(KIND, v); return this; }
    public int reason() { return getInt(REASON); }
    public DecisionEvent reason(int v) { putInt(REASON, v); return this; }
    public long value1() { return getLong(VALUE1); }
    public DecisionEvent value1(long v) { putLong(VALUE1, v); return this; }
    public long value2() { return getLong(VALUE2); }
    public DecisionEvent value2(long v) { putLong(VALUE2, v); return this; }
    public byte stage() { return getByte(STAGE); }
    public DecisionEvent stage(byte v) { putByte(STAGE, v); return this; }

    public static String stageName(byte s) {
        switch (s) {
            case STAGE_PRICING: return "pricing";
            case STAGE_RISK: return "risk";
            case STAGE_ORDERS: return "orders";
            default: return "?" + s;
        }
    }
}

package io.kengine.gateway.rest;

import java.util.List;

/**
 * One order call the sender makes for an intent: its kind, its legs, the intent's sequence (the cause of
 * every reply) and header timestamp (the receive time of what caused it, for the {@link WireObserver}), its
 * Write-token cost and its retry state. The retry fields and {@code dispatches} are touched by one thread at
 * a time: whoever holds the call (the dispatching thread, then the one that reads its answer).
 */
final class OrderCall {
    enum Kind { CREATE, BATCH_CREATE, AMEND, DECREASE, CANCEL, BATCH_CANCEL }

    /** One leg of an intent, decoded once (the ticker resolved; null when the market id is unknown). */
    record Leg(int market, String ticker, byte action, byte side, long price, long count, byte tif, byte flags,
               String clientOrderId, String updatedClientOrderId, String orderId) {
    }

    final Kind kind;
    final List<Leg> legs;
    final long cause;
    /** The intent's header timestamp: the receive time of the event that caused it. */
    final long causeTimestampNanos;
    final long cost;
    /** Times {@link CallDispatcher#dispatch} took it (the next dispatch's attempt number). */
    int dispatches;
    int retries5xx;
    int transportRetries;
    boolean resigned;

    OrderCall(Kind kind, List<Leg> legs, long cause, long causeTimestampNanos) {
        this.kind = kind;
        this.legs = legs;
        this.cause = cause;
        this.causeTimestampNanos = causeTimestampNanos;
        long per = kind == Kind.CANCEL || kind == Kind.BATCH_CANCEL ? RateTier.COST_CANCEL : RateTier.COST_ORDER;
        this.cost = per * legs.size();
    }

    boolean isCancel() {
        return kind == Kind.CANCEL || kind == Kind.BATCH_CANCEL;
    }

    boolean isCreate() {
        return kind == Kind.CREATE || kind == Kind.BATCH_CREATE;
    }
}

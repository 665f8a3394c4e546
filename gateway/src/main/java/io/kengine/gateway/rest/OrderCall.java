package io.kengine.gateway.rest;

import java.util.List;

/**
 * One order call the sender makes for an intent: its kind, its legs, the intent's sequence (the cause of
 * every reply), its Write-token cost and its retry state. The retry fields are touched by one thread at a
 * time: whoever holds the call (the dispatching thread, then the one that reads its answer).
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
    final long cost;
    int retries5xx;
    int transportRetries;
    boolean resigned;

    OrderCall(Kind kind, List<Leg> legs, long cause) {
        this.kind = kind;
        this.legs = legs;
        this.cause = cause;
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

package io.kengine.gateway.orders;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * One order the orders stage owns: a quote slot (one per market side) or a basket leg. Ids are kept
 * as ASCII bytes so the hot path compares and copies them without Strings. Business thread only.
 *
 * <p>Quantities in 0.01 contracts, prices in $0.0001 (YES leg). {@code total} is the order's size as
 * the exchange counts it (filled + remaining; an amend sets a new total), {@code filled} what the fill
 * channel reported for it (deduplicated by trade id), {@code remaining} what still rests.
 */
final class LiveOrder {
    static final int ID_CAPACITY = 39;

    /** The states of the order state machine (see gateway/README.md). */
    enum State {
        /** Slot never used. */
        NONE(false),
        /** Create sent, no answer yet. */
        PENDING_NEW(true),
        /** On the book, nothing filled. */
        RESTING(true),
        /** On the book, partly filled. */
        PARTIALLY_FILLED(true),
        /** Amend or decrease sent, no answer yet (the order still rests as it was). */
        PENDING_AMEND(true),
        /** Cancel sent, no answer yet. */
        PENDING_CANCEL(true),
        /** A request's outcome is unknown (timeout, lost reply): blocks its market until reconciled. */
        UNKNOWN(true),
        FILLED(false),
        CANCELED(false),
        REJECTED(false);

        final boolean active;

        State(boolean active) {
            this.active = active;
        }
    }

    final UnsafeBuffer clientOrderId = new UnsafeBuffer(new byte[ID_CAPACITY]);
    int clientOrderIdLength;
    final UnsafeBuffer pendingClientOrderId = new UnsafeBuffer(new byte[ID_CAPACITY]);
    int pendingClientOrderIdLength;
    final UnsafeBuffer orderId = new UnsafeBuffer(new byte[ID_CAPACITY]);
    int orderIdLength;

    int market = -1;
    byte side;
    State state = State.NONE;
    long price;
    long remaining;
    long filled;
    long total;
    long pendingPrice;
    long pendingTotal;
    boolean pendingDecrease;
    /** Filled as the exchange's REST replies report it (IOC legs), next to the fill channel's {@code filled}. */
    long replyFilled;
    /** Cancels the exchange refused in a row. */
    int rejects;

    /** What the approved quote wants for this side (quote slots only). */
    long wantedPrice;
    long wantedQty;
    long wantedLifetimeNanos;
    /** Event time the order was last created, amended or re-confirmed by an approved quote. */
    long confirmedNanos;
    long lifetimeNanos;
    /**
     * A create the last approved quote asked for, held back only because it would cross our other leg; the
     * other leg's answer releases it (quote slots only). {@code heldSinceNanos}: that quote's event time.
     */
    boolean heldCreate;
    long heldSinceNanos;

    /** Reconciliation: the round this order was stable at the round's start, and the round it was last reported in. */
    long eligibleRound;
    long seenRound;
    /** The round during which a reply or fill last changed the order (newer than that round's snapshot, maybe). */
    long touchedRound;
    /** The round during which the order last reached a terminal state, 0 if not during a round. */
    long finishedRound;
    /** Exchange time (ms) of the reconciliation report adopted for this order: fills up to it are in its counts. */
    long reportedAtMs = Long.MIN_VALUE;

    /** Basket legs: index of the group in the stage's group table, −1 for quote slots; unwind orders never unwind. */
    int group = -1;
    boolean unwind;
    byte timeInForce;

    /** Frees the slot for a new order; the terminal state stays visible until then. */
    void clearIds() {
        clientOrderIdLength = 0;
        pendingClientOrderIdLength = 0;
        orderIdLength = 0;
        price = 0;
        remaining = 0;
        filled = 0;
        total = 0;
        pendingPrice = 0;
        pendingTotal = 0;
        pendingDecrease = false;
        replyFilled = 0;
        rejects = 0;
        eligibleRound = 0;
        seenRound = 0;
        touchedRound = 0;
        finishedRound = 0;
        reportedAtMs = Long.MIN_VALUE;
    }

    void reset() {
        clearIds();
        state = State.NONE;
        heldCreate = false;
        group = -1;
        unwind = false;
    }

    /** Remaining is always the exchange's size minus the fills the fill channel reported: each fill counts once. */
    void syncRemaining() {
        remaining = Math.max(0, total - filled);
    }

    boolean isActive() {
        return state.active;
    }

    /** Resting on the book with no request in flight. */
    boolean isStable() {
        return state == State.RESTING || state == State.PARTIALLY_FILLED;
    }

    State restingState() {
        return filled > 0 ? State.PARTIALLY_FILLED : State.RESTING;
    }
}

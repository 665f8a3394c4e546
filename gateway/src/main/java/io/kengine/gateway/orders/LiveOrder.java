package io.kengine.gateway.orders;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * The orders stage's view of one of its own orders (one per market side). Ids are kept as ASCII
 * bytes so the hot path compares and copies them without Strings.
 */
final class LiveOrder {
    static final int ID_CAPACITY = 39;

    enum State { NONE, PENDING_NEW, RESTING, PENDING_AMEND, PENDING_CANCEL }

    final UnsafeBuffer clientOrderId = new UnsafeBuffer(new byte[ID_CAPACITY]);
    int clientOrderIdLength;
    final UnsafeBuffer pendingClientOrderId = new UnsafeBuffer(new byte[ID_CAPACITY]);
    int pendingClientOrderIdLength;
    final UnsafeBuffer orderId = new UnsafeBuffer(new byte[ID_CAPACITY]);
    int orderIdLength;

    State state = State.NONE;
    long price;
    long quantity;
    long pendingPrice;
    long pendingQuantity;

    void reset() {
        state = State.NONE;
        clientOrderIdLength = 0;
        pendingClientOrderIdLength = 0;
        orderIdLength = 0;
        price = 0;
        quantity = 0;
        pendingPrice = 0;
        pendingQuantity = 0;
    }

    boolean isActive() {
        return state != State.NONE;
    }
}

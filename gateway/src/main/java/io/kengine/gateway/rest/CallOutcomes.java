package io.kengine.gateway.rest;

import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.wire.Wire;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

/**
 * Where every leg's outcome goes: a reply queued on the {@link InboundPublisher}; an UNKNOWN one also
 * tells the listener (the reconciler), after it is queued, so the reply is on the ring before the round
 * it triggers.
 */
final class CallOutcomes {
    private final InboundPublisher inbound;
    private volatile IntConsumer unknownListener = m -> { };
    private final AtomicLong unknowns = new AtomicLong();

    CallOutcomes(InboundPublisher inbound) {
        this.inbound = inbound;
    }

    void onUnknown(IntConsumer listener) {
        this.unknownListener = listener;
    }

    void offer(Reply r) {
        inbound.offer(r);
    }

    /** A reply that carries nothing from the exchange (no order id of its own, nothing filled). */
    void publish(OrderCall.Leg leg, byte type, long cause, short status, String reason) {
        inbound.offer(reply(leg, type, cause, status, reason));
    }

    void rejectAll(OrderCall c, short status, String reason) {
        for (OrderCall.Leg leg : c.legs) {
            publish(leg, OrderReplyEvent.REJECTED, c.cause, status, reason);
        }
    }

    void unknownAll(OrderCall c, short status, String reason) {
        for (OrderCall.Leg leg : c.legs) {
            unknown(leg, c.cause, status, reason);
        }
    }

    void unknown(OrderCall.Leg leg, long cause, short status, String reason) {
        unknowns.incrementAndGet();
        publish(leg, OrderReplyEvent.UNKNOWN, cause, status, reason);
        unknownListener.accept(leg.market());
    }

    long unknowns() {
        return unknowns.get();
    }

    private static Reply reply(OrderCall.Leg leg, byte type, long cause, short status, String reason) {
        return new Reply(leg.market(), type, leg.side(), leg.clientOrderId(), leg.orderId(), leg.price(), 0, 0, cause,
            status, reason, Reply.nullIfAbsent(Wire.ABSENT));
    }
}

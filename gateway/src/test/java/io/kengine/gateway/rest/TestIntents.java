package io.kengine.gateway.rest;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.wire.rest.CreateOrderV2Response;
import io.kengine.protocol.wire.rest.OrderCodecs;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One-leg order intents for {@link KalshiRestSender#send}, and the replies they get, for sender tests. */
final class TestIntents {
    static final String TICKER = "KXIDLE-26DEC31-M0";

    private TestIntents() {
    }

    /** A one-leg intent with header sequence {@code sequence} (the cause of its replies), sent. */
    static void send(KalshiRestSender sender, long sequence, byte action, String clientOrderId, String orderId) {
        send(sender, sequence, action, clientOrderId, orderId, System.nanoTime());
    }

    /** ... with header timestamp {@code causeNanos} (the receive time of what caused it). */
    static void send(KalshiRestSender sender, long sequence, byte action, String clientOrderId, String orderId,
                     long causeNanos) {
        UnsafeBuffer b = intent(sequence, action, clientOrderId, orderId, causeNanos);
        sender.send(b, 0, EventHeader.length(b, 0), true);
    }

    /** The encoded one-leg intent {@link #send} sends. */
    static UnsafeBuffer intent(long sequence, byte action, String clientOrderId, String orderId, long causeNanos) {
        UnsafeBuffer b = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
        OrderIntentEvent e = new OrderIntentEvent().wrapForEncode(b, 0, 0, sequence - 1, causeNanos);
        UnsafeBuffer id = new UnsafeBuffer(clientOrderId.getBytes(StandardCharsets.US_ASCII));
        int leg = e.addLeg(action, 0, Codes.BID, 5_000, 100, OrderIntentEvent.TIF_GTC, (byte) 0, id, 0, id.capacity());
        if (orderId != null) {
            e.legOrderId(leg, orderId);
        }
        EventHeader.sequence(b, 0, sequence);
        return b;
    }

    static void create(KalshiRestSender sender, long sequence, String clientOrderId) {
        send(sender, sequence, OrderIntentEvent.CREATE, clientOrderId, null);
    }

    /** The body of a 201 to a create: resting, nothing filled. */
    static String created(String clientOrderId) {
        return OrderCodecs.CREATE_ORDER_V2_RESPONSE.toJson(new CreateOrderV2Response("ord-" + clientOrderId, clientOrderId,
            0, 100, null, null, 1_700_000_000_000L));
    }

    /** The replies on the ring so far, taken off it. */
    static List<OrderReplyEvent> replies(TestRing ring) {
        List<OrderReplyEvent> out = new ArrayList<>();
        for (byte[] e; (e = ring.poll()) != null; ) {
            OrderReplyEvent r = new OrderReplyEvent();
            r.wrap(new UnsafeBuffer(e), 0);
            out.add(r);
        }
        return out;
    }
}

package io.kengine.gateway.paper;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.stage.EventPublisher;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The paper exchange acknowledges what it is sent, and a refused intent gets a rejection and changes nothing. */
class PaperExchangeTest {
    private final ConcurrentLinkedQueue<byte[]> published = new ConcurrentLinkedQueue<>();
    private final EventPublisher ring = new EventPublisher() {
        private final UnsafeBuffer scratch = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
        private long seq;

        @Override
        public MutableDirectBuffer claim() {
            return scratch;
        }

        @Override
        public long publish() {
            byte[] copy = new byte[EventHeader.length(scratch, 0)];
            scratch.getBytes(0, copy);
            published.add(copy);
            return ++seq;
        }
    };

    private static UnsafeBuffer intent(long sequence, byte action, String clientOrderId) {
        UnsafeBuffer b = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
        OrderIntentEvent e = new OrderIntentEvent().wrapForEncode(b, 0, 2, sequence - 1, 1_000);
        UnsafeBuffer id = new UnsafeBuffer(clientOrderId.getBytes(StandardCharsets.US_ASCII));
        e.addLeg(action, 2, Codes.BID, 5_000, 100, OrderIntentEvent.TIF_GTC, (byte) 0, id, 0, id.capacity());
        EventHeader.sequence(b, 0, sequence);
        return b;
    }

    private List<String> replies(PaperExchange paper, int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (published.size() < n || !paper.isIdle()) {
            assertTrue(System.nanoTime() < deadline, "replies did not come: " + published.size() + " of " + n);
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
        List<String> out = new ArrayList<>();
        OrderReplyEvent r = new OrderReplyEvent();
        for (byte[] b; (b = published.poll()) != null; ) {
            r.wrap(new UnsafeBuffer(b), 0);
            out.add(OrderReplyEvent.typeName(r.replyType()) + " " + r.clientOrderId() + " cause " + r.causeSequence()
                + (r.reason().isEmpty() ? "" : " (" + r.reason() + ")"));
        }
        return out;
    }

    @Test
    void aRefusedIntentIsRejectedAndLeavesTheBookAlone() {
        try (PaperExchange paper = new PaperExchange(ring)) {
            paper.start();
            UnsafeBuffer create = intent(10, OrderIntentEvent.CREATE, "a");
            paper.send(create, 0, EventHeader.length(create, 0), true);
            UnsafeBuffer refused = intent(11, OrderIntentEvent.CREATE, "b");
            paper.refuse(refused, 0, EventHeader.length(refused, 0), "not sent: journal-out failed");
            UnsafeBuffer cancelA = intent(12, OrderIntentEvent.CANCEL, "a");
            paper.send(cancelA, 0, EventHeader.length(cancelA, 0), true);
            UnsafeBuffer cancelB = intent(13, OrderIntentEvent.CANCEL, "b");
            paper.send(cancelB, 0, EventHeader.length(cancelB, 0), true);
            assertEquals(List.of("accepted a cause 10", "rejected b cause 11 (not sent: journal-out failed)", "canceled a cause 12",
                "rejected b cause 13 (order not found)"), replies(paper, 4), "the refused order never rested");
        }
    }
}

package io.kengine.gateway.rest;

import io.kengine.gateway.MarketTickers;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An intent the engine refuses (its journal-out write failed) gets a rejection per leg on the inbound ring,
 * published like an exchange's refusal, and nothing reaches the exchange.
 */
class SenderRefuseTest {
    private final TestRing ring = new TestRing();
    private LoopbackHttpServer server;
    private InboundPublisher inbound;
    private KalshiRestSender sender;

    @AfterEach
    void tearDown() {
        sender.close();
        inbound.close();
        server.close();
    }

    @Test
    void aRefusedIntentIsRejectedOnTheRingAndNeverSent() throws Exception {
        server = new LoopbackHttpServer(r -> LoopbackHttpServer.Answer.of(201, TestIntents.created("x")));
        inbound = new InboundPublisher(ring).start();
        sender = new KalshiRestSender(SenderConfig.builder().restBaseUrl(server.baseUrl()).keyId("key-refuse")
            .privateKey(TestKeys.PAIR.getPrivate()).rateBudget(false).directConnections(0).seed(3).build(),
            MarketTickers.of(List.of(TestIntents.TICKER)), inbound).start();

        UnsafeBuffer create = TestIntents.intent(41, OrderIntentEvent.CREATE, "c-41", null, 1_000);
        sender.refuse(create, 0, EventHeader.length(create, 0), "not sent: journal-out failed");
        UnsafeBuffer amend = TestIntents.intent(42, OrderIntentEvent.AMEND, "c-42", "ord-9", 2_000);
        sender.refuse(amend, 0, EventHeader.length(amend, 0), "not sent: journal-out failed");

        List<OrderReplyEvent> replies = new ArrayList<>();
        GatewayHarness.await("two rejections", () -> {
            replies.addAll(TestIntents.replies(ring));
            return replies.size() >= 2;
        }, 10_000);
        GatewayHarness.await("idle", () -> sender.isIdle() && inbound.isIdle(), 10_000);
        replies.addAll(TestIntents.replies(ring));
        assertEquals(2, replies.size());
        for (int i = 0; i < 2; i++) {
            OrderReplyEvent r = replies.get(i);
            assertEquals(OrderReplyEvent.REJECTED, r.replyType());
            assertEquals(41 + i, r.causeSequence());
            assertEquals("c-4" + (1 + i), r.clientOrderId());
            assertEquals("not sent: journal-out failed", r.reason());
        }
        assertEquals(0, server.requests(), "nothing reached the exchange");
        assertEquals(0, sender.openCalls());
    }
}

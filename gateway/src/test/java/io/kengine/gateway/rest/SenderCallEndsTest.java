package io.kengine.gateway.rest;

import io.kengine.gateway.MarketTickers;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.wire.KalshiPaths;
import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.model.OrderStatus;
import io.kengine.protocol.wire.model.OutcomeSide;
import io.kengine.protocol.wire.rest.ApiErrorCodes;
import io.kengine.protocol.wire.rest.ErrorBody;
import io.kengine.protocol.wire.rest.ErrorCodecs;
import io.kengine.protocol.wire.rest.GetOrdersResponse;
import io.kengine.protocol.wire.rest.Order;
import io.kengine.protocol.wire.rest.PortfolioCodecs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.kengine.gateway.rest.LoopbackHttpServer.Answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every way an order call ends gives its count back exactly once ({@link KalshiRestSender#openCalls}): after
 * each call's reply is on the ring the sender is idle with zero calls open (never below), against a loopback
 * server that scripts the answer by client order id — success, a terminal 4xx, 5xx past the limit, a second
 * 401, a 409 adopted after a lookup, an unreadable 2xx, no reply past the transport retries, an amend with no
 * reply, a request that cannot be built, and 401 / 429 / 503 / no reply once before a success. Over the
 * direct connections and over OkHttp only. And closing: calls waiting for a back-off, paused in the queue, in
 * flight, and sent after the close each end once too.
 */
class SenderCallEndsTest {
    private static final Pattern CLIENT_ID = Pattern.compile("\"client_order_id\":\"([^\"]+)\"");

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final TestRing ring = new TestRing();
    private LoopbackHttpServer server;
    private InboundPublisher inbound;
    private KalshiRestSender sender;

    @AfterEach
    void tearDown() {
        release.countDown();
        if (sender != null) {
            sender.close();
        }
        if (inbound != null) {
            inbound.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** The script: keyed by the client order id in the body, else the request target. */
    private Answer answer(LoopbackHttpServer.Request r) {
        if (r.method().equals("GET") && r.target().startsWith(KalshiPaths.ORDERS)) { // the 409's lookup
            return Answer.of(200, PortfolioCodecs.GET_ORDERS_RESPONSE.toJson(new GetOrdersResponse(List.of(
                new Order("ord-adopt", "u", "adopt", TestIntents.TICKER, OutcomeSide.YES, OrderStatus.RESTING, 5_000, 0,
                    100, 100, 0, 0, 0, 0, Wire.ABSENT, Wire.ABSENT, 1_700_000_000_000L, null, null, null, null, null)),
                "")));
        }
        Matcher m = CLIENT_ID.matcher(r.body());
        String key = m.find() ? m.group(1) : r.target();
        int n = attempts.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
        switch (key) {
            case "rejected":
                return Answer.of(400, ErrorCodecs.ERROR_BODY.toJson(ErrorBody.of(ApiErrorCodes.INVALID_ORDER, "no")));
            case "5xx":
                return Answer.of(503, "{}");
            case "401":
                return Answer.of(401, "{}");
            case "adopt":
                return Answer.of(409, ErrorCodecs.ERROR_BODY.toJson(ErrorBody.of(ApiErrorCodes.ORDER_ALREADY_EXISTS, "exists")));
            case "garbled":
                return Answer.of(201, "not json");
            case "lost":
            case "lost-amend":
                return Answer.DROP;
            case "401-once":
                return n == 0 ? Answer.of(401, "{}") : Answer.of(201, TestIntents.created(key));
            case "429-once":
                return n == 0 ? Answer.of(429, "{}") : Answer.of(201, TestIntents.created(key));
            case "503-once":
                return n == 0 ? Answer.of(503, "{}") : Answer.of(201, TestIntents.created(key));
            case "lost-once":
                return n == 0 ? Answer.DROP : Answer.of(201, TestIntents.created(key));
            case "held":
            case "held-amend":
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Answer.DROP;
            case "503-then-wait":
                return Answer.of(503, "{}");
            case "429-then-paused":
                return Answer.of(429, "{}");
            default:
                if (key.startsWith(KalshiPaths.ORDERS_V2 + "/")) { // a cancel
                    return Answer.of(200, "{}");
                }
                return Answer.of(201, TestIntents.created(key));
        }
    }

    private void start(int directConnections, Duration backoff) throws Exception {
        server = new LoopbackHttpServer(this::answer);
        inbound = new InboundPublisher(ring).start();
        sender = new KalshiRestSender(SenderConfig.builder().restBaseUrl(server.baseUrl()).keyId("key-ends")
            .privateKey(TestKeys.PAIR.getPrivate()).rateBudget(false).maxRetries5xx(2).createTransportRetries(1)
            .readTimeout(Duration.ofSeconds(20)).callTimeout(Duration.ofSeconds(30)).backoff(backoff, backoff.multipliedBy(2))
            .directConnections(directConnections).seed(11).build(), MarketTickers.of(List.of(TestIntents.TICKER)), inbound)
            .start();
        GatewayHarness.await("direct connections up", () -> sender.directConnected() == directConnections, 10_000);
    }

    @ParameterizedTest(name = "{0} direct connections")
    @ValueSource(ints = {2, 0})
    void everyWayACallEndsGivesItsCountBackOnce(int directConnections) throws Exception {
        start(directConnections, Duration.ofMillis(5));
        long seq = 100;
        expect(++seq, OrderIntentEvent.CREATE, "ok", null, OrderReplyEvent.ACCEPTED, "", 1);
        expect(++seq, OrderIntentEvent.CREATE, "rejected", null, OrderReplyEvent.REJECTED, "invalid_order", 1);
        expect(++seq, OrderIntentEvent.CREATE, "5xx", null, OrderReplyEvent.UNKNOWN, "http 503", 3);
        expect(++seq, OrderIntentEvent.CREATE, "401", null, OrderReplyEvent.REJECTED, "unauthorized", 2);
        expect(++seq, OrderIntentEvent.CREATE, "adopt", null, OrderReplyEvent.ACCEPTED, "adopted", 2);
        expect(++seq, OrderIntentEvent.CREATE, "garbled", null, OrderReplyEvent.UNKNOWN, "unreadable reply", 1);
        expect(++seq, OrderIntentEvent.CREATE, "lost", null, OrderReplyEvent.UNKNOWN, "no reply", 2);
        expect(++seq, OrderIntentEvent.AMEND, "lost-amend", "ord-1", OrderReplyEvent.UNKNOWN, "no reply", 1);
        expect(++seq, OrderIntentEvent.AMEND, "unsendable", "bad/id", OrderReplyEvent.REJECTED, "not sendable", 0);
        expect(++seq, OrderIntentEvent.CANCEL, "cancel", "ord-2", OrderReplyEvent.CANCELED, "", 1);
        expect(++seq, OrderIntentEvent.CREATE, "401-once", null, OrderReplyEvent.ACCEPTED, "", 2);
        expect(++seq, OrderIntentEvent.CREATE, "429-once", null, OrderReplyEvent.ACCEPTED, "", 2);
        expect(++seq, OrderIntentEvent.CREATE, "503-once", null, OrderReplyEvent.ACCEPTED, "", 2);
        expect(++seq, OrderIntentEvent.CREATE, "lost-once", null, OrderReplyEvent.ACCEPTED, "", 2);
        assertEquals(0, sender.openCalls());
        assertEquals(0, sender.abandoned());
        assertTrue(sender.lookups() >= 1 && sender.unknowns() == 4, "lookups " + sender.lookups() + ", unknowns " + sender.unknowns());
    }

    /** Sends one leg, waits for its one reply on the ring, then for the sender to be idle with nothing open. */
    private void expect(long seq, byte action, String clientOrderId, String orderId, byte type, String reason,
                        int requests) {
        int before = server.requests();
        TestIntents.send(sender, seq, action, clientOrderId, orderId);
        List<OrderReplyEvent> replies = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (replies.isEmpty()) {
            replies.addAll(TestIntents.replies(ring));
            if (System.nanoTime() > deadline) {
                fail(clientOrderId + ": no reply within 20 s: " + sender.debugState());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
        GatewayHarness.await(clientOrderId + ": idle after its reply", () -> sender.isIdle() && inbound.isIdle(), 10_000);
        replies.addAll(TestIntents.replies(ring));
        assertEquals(1, replies.size(), clientOrderId + ": one reply");
        OrderReplyEvent r = replies.get(0);
        assertEquals(type, r.replyType(), clientOrderId + ": reply type (" + r.reason() + ")");
        assertEquals(seq, r.causeSequence(), clientOrderId);
        assertTrue(r.reason().contains(reason), clientOrderId + ": reason " + r.reason());
        assertEquals(0, sender.openCalls(), clientOrderId + ": open calls after its reply");
        assertEquals(requests, server.requests() - before, clientOrderId + ": requests");
    }

    @Test
    void aLegRefusedBeforeItIsACallNeverOpensOne() throws Exception {
        start(2, Duration.ofMillis(5));
        TestIntents.send(sender, 5, OrderIntentEvent.CANCEL, "no-order-id", null); // a cancel without an order id
        assertTrue(sender.isIdle());
        assertEquals(0, sender.openCalls());
        GatewayHarness.await("the rejection on the ring", () -> inbound.isIdle() && !ring.isEmpty(), 5_000);
        assertEquals(OrderReplyEvent.REJECTED, TestIntents.replies(ring).get(0).replyType());
        assertEquals(0, server.requests());
    }

    @Test
    void closingEndsCallsInFlightWaitingForABackOffPausedInTheQueueAndSentAfter() throws Exception {
        start(2, Duration.ofSeconds(30)); // back-offs and the 429 pause outlast the test
        TestIntents.create(sender, 1, "held");                                   // in flight on direct 0
        TestIntents.send(sender, 2, OrderIntentEvent.AMEND, "held-amend", "ord-3"); // in flight on direct 1
        GatewayHarness.await("both held calls at the server", () -> server.requests() == 2, 10_000);
        TestIntents.create(sender, 3, "503-then-wait");                          // over OkHttp: 503, then a back-off
        GatewayHarness.await("the 503", () -> sender.serverErrors() == 1, 10_000);
        TestIntents.create(sender, 4, "429-then-paused");                        // 429: back in the queue, paused
        GatewayHarness.await("the 429", () -> sender.throttled() == 1, 10_000);
        assertEquals(4, sender.openCalls());
        assertFalse(sender.isIdle());

        sender.close();
        // the held create fails and would be retried: abandoned; the held amend fails: UNKNOWN at once;
        // the 503's retry and the paused call are abandoned
        GatewayHarness.await("every call ended", () -> sender.openCalls() == 0, 10_000);
        assertEquals(3, sender.abandoned());
        TestIntents.create(sender, 5, "late");
        assertEquals(4, sender.abandoned(), "a call sent after the close is abandoned");
        assertEquals(0, sender.openCalls());
        assertTrue(sender.isIdle());
        GatewayHarness.await("the amend's reply on the ring", () -> inbound.isIdle() && !ring.isEmpty(), 5_000);
        List<OrderReplyEvent> replies = TestIntents.replies(ring);
        assertEquals(1, replies.size(), "only the amend (it may have executed) is answered");
        assertEquals(OrderReplyEvent.UNKNOWN, replies.get(0).replyType());
        assertEquals(2, replies.get(0).causeSequence());
        assertEquals(4, server.requests(), "nothing was sent after the close");
    }
}

package io.kengine.gateway.rest;

import io.kengine.gateway.MarketTickers;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.wire.KalshiPaths;
import io.kengine.protocol.wire.auth.AuthHeaders;
import io.kengine.protocol.wire.auth.KalshiVerifier;
import io.kengine.protocol.wire.rest.AmendOrderV2Response;
import io.kengine.protocol.wire.rest.OrderCodecs;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.kengine.gateway.rest.LoopbackHttpServer.Answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pre-signed headers for order-id paths (amend, decrease, cancel), against a real loopback server that
 * verifies every request's RSA-PSS signature for its exact method and path (a bad one gets a 401 and is
 * counted): an order id learned from a create's answer or from an amend sent for it gets its later amends
 * and its cancel sent with a header the pacer signed before; a stale one (too old, or from the future) is
 * never used; a call refused with 401 is signed afresh; ids unused for long, or beyond the cap, are dropped
 * and no longer signed.
 */
class OrderPathPreSignTest {
    private static final Pattern CLIENT_ID = Pattern.compile("\"client_order_id\":\"([^\"]+)\"");
    private static final KalshiVerifier VERIFIER = new KalshiVerifier(TestKeys.PAIR.getPublic());

    private final AtomicInteger badSignatures = new AtomicInteger();
    /** Targets to answer 401 once (the first time they come). */
    private final Map<String, AtomicInteger> refuseOnce = new ConcurrentHashMap<>();
    /** Added to the wall clock, for every thread. */
    private final AtomicLong offsetMs = new AtomicLong();
    /** Added to the wall clock for the pacer thread only (its headers then carry skewed timestamps). */
    private final AtomicLong pacerSkewMs = new AtomicLong();
    private LoopbackHttpServer server;
    private InboundPublisher inbound;
    private KalshiRestSender sender;
    private long seq;

    @AfterEach
    void tearDown() {
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

    private Answer answer(LoopbackHttpServer.Request r) {
        String path = KalshiPaths.stripQuery(r.target());
        if (!VERIFIER.verify(r.header(AuthHeaders.TIMESTAMP), r.method(), path, r.header(AuthHeaders.SIGNATURE))) {
            badSignatures.incrementAndGet();
            return Answer.of(401, "{}");
        }
        AtomicInteger once = refuseOnce.get(path);
        if (once != null && once.getAndIncrement() == 0) {
            return Answer.of(401, "{}");
        }
        if (path.endsWith("/amend")) {
            String id = path.substring(KalshiPaths.ORDERS_V2.length() + 1, path.length() - "/amend".length());
            return Answer.of(200, OrderCodecs.AMEND_ORDER_V2_RESPONSE.toJson(
                new AmendOrderV2Response(id, "c", 100, 0, null, null, 1_700_000_000_000L)));
        }
        if (path.startsWith(KalshiPaths.ORDERS_V2 + "/")) { // a single cancel
            return Answer.of(200, "{}");
        }
        Matcher m = CLIENT_ID.matcher(r.body());
        return Answer.of(201, TestIntents.created(m.find() ? m.group(1) : "x"));
    }

    private void start(Consumer<SenderConfig.Builder> tune) throws Exception {
        server = new LoopbackHttpServer(this::answer);
        inbound = new InboundPublisher(new TestRing());
        SenderConfig.Builder b = SenderConfig.builder().restBaseUrl(server.baseUrl()).keyId("key-1")
            .privateKey(TestKeys.PAIR.getPrivate()).tier(RateTier.PRIME)
            .preSignMaxAge(Duration.ofSeconds(2)).preSignOrderPathsPerSecond(200) // off by default
            .clockMillis(() -> System.currentTimeMillis() + offsetMs.get()
                + (Thread.currentThread().getName().equals("gateway-pacer") ? pacerSkewMs.get() : 0));
        tune.accept(b);
        sender = new KalshiRestSender(b.build(), MarketTickers.of(List.of(TestIntents.TICKER)), inbound).start();
        GatewayHarness.await("pre-signed", sender::preSignedReady, 5_000);
    }

    private long now() {
        return System.currentTimeMillis() + offsetMs.get();
    }

    /** Sends a one-leg intent and waits until every call is answered. */
    private void sendAndSettle(byte action, String clientOrderId, String orderId) {
        TestIntents.send(sender, ++seq, action, clientOrderId, orderId);
        GatewayHarness.await("calls answered", sender::isIdle, 5_000);
    }

    /** Waits until the pacer has run twice more (so at least one run started after this call). */
    private void awaitPacerRuns() {
        long runs = sender.preSignRuns();
        GatewayHarness.await("two pre-signing runs", () -> sender.preSignRuns() >= runs + 2, 10_000);
    }

    /** Waits until the pacer has pre-signed {@code orderId}'s paths. */
    private void awaitKeptFresh(String orderId) {
        GatewayHarness.await(orderId + " tracked", () -> sender.tracksOrderId(orderId), 5_000);
        awaitPacerRuns();
        assertTrue(sender.preSignedOrderIds() >= 1, "kept fresh: " + sender.preSignedOrderIds());
    }

    private List<LoopbackHttpServer.Request> requestsTo(String method, String path) {
        return server.seen.stream().filter(r -> r.method().equals(method) && r.target().equals(path))
            .collect(Collectors.toList());
    }

    /** The request's signature is valid for exactly its method and path, and not for another order path. */
    private static void assertSignedFor(LoopbackHttpServer.Request r, String method, String path, String otherPath) {
        String ts = r.header(AuthHeaders.TIMESTAMP);
        String sig = r.header(AuthHeaders.SIGNATURE);
        assertTrue(VERIFIER.verify(ts, method, path, sig), method + " " + path);
        assertFalse(VERIFIER.verify(ts, method, otherPath, sig), "not valid for " + otherPath);
        assertFalse(VERIFIER.verify(ts, method.equals("POST") ? "DELETE" : "POST", path, sig), "method is signed");
    }

    @Test
    void amendsAndCancelOfAKnownOrderIdUsePreSignedHeaders() throws Exception {
        start(b -> { });
        // 1. learned from a create's answer
        sendAndSettle(OrderIntentEvent.CREATE, "k1", null);
        awaitKeptFresh("ord-k1");
        long fresh = sender.freshSignatures();
        long pre = sender.preSignedUsed();
        long sentAt = now();
        sendAndSettle(OrderIntentEvent.AMEND, "k1", "ord-k1");
        assertEquals(fresh, sender.freshSignatures(), "no signature made for the amend");
        assertEquals(pre + 1, sender.preSignedUsed());
        String amendPath = KalshiPaths.amendOrderV2("ord-k1");
        List<LoopbackHttpServer.Request> amends = requestsTo("POST", amendPath);
        assertEquals(1, amends.size());
        long ts = Long.parseLong(amends.get(0).header(AuthHeaders.TIMESTAMP));
        assertTrue(ts <= sentAt && ts >= sentAt - 2_000, "signed before the send, within max age: " + (sentAt - ts) + " ms");
        assertSignedFor(amends.get(0), "POST", amendPath, KalshiPaths.decreaseOrderV2("ord-k1"));

        // 2. learned from an amend sent for it (signed on the spot the first time)
        sendAndSettle(OrderIntentEvent.AMEND, "k2", "ord-k2"); // (signed on the spot, unless a run came first)
        awaitKeptFresh("ord-k2");
        fresh = sender.freshSignatures();
        pre = sender.preSignedUsed();
        sendAndSettle(OrderIntentEvent.AMEND, "k2", "ord-k2");
        sendAndSettle(OrderIntentEvent.CANCEL, "k2", "ord-k2");
        assertEquals(fresh, sender.freshSignatures(), "second amend and cancel pre-signed");
        assertEquals(pre + 2, sender.preSignedUsed());
        assertEquals(2, requestsTo("POST", KalshiPaths.amendOrderV2("ord-k2")).size());
        List<LoopbackHttpServer.Request> cancels = requestsTo("DELETE", KalshiPaths.orderV2("ord-k2"));
        assertEquals(1, cancels.size());
        assertSignedFor(cancels.get(0), "DELETE", KalshiPaths.orderV2("ord-k2"), KalshiPaths.orderV2("ord-k1"));
        assertEquals(0, badSignatures.get());
        assertEquals(0, sender.unauthorized());
        // a canceled order is no longer signed for
        GatewayHarness.await("ord-k2 forgotten", () -> !sender.tracksOrderId("ord-k2"), 5_000);
        assertTrue(sender.tracksOrderId("ord-k1"));
    }

    @Test
    void aStaleOrFutureHeaderIsNeverUsed() throws Exception {
        start(b -> b.preSignMaxAge(Duration.ofSeconds(1)));
        sendAndSettle(OrderIntentEvent.AMEND, "s1", "ord-s1");
        awaitKeptFresh("ord-s1");
        OrderCall.Leg leg = new OrderCall.Leg(0, TestIntents.TICKER, OrderIntentEvent.AMEND, Codes.BID, 5_000, 100,
            OrderIntentEvent.TIF_GTC, (byte) 0, "s1", "", "ord-s1");
        // fresh now: the request built on this thread takes the pre-signed header
        long fresh = sender.freshSignatures();
        Request ok = sender.request(new OrderCall(OrderCall.Kind.AMEND, List.of(leg), 1, 0L));
        assertEquals(fresh, sender.freshSignatures());
        for (long skew : new long[] {-1_500, 1_500}) { // the pacer's headers 1.5 s old, then 1.5 s ahead
            pacerSkewMs.set(skew);
            awaitPacerRuns();
            fresh = sender.freshSignatures();
            long pre = sender.preSignedUsed();
            long before = now();
            Request r = sender.request(new OrderCall(OrderCall.Kind.AMEND, List.of(leg), 1, 0L));
            long after = now();
            assertEquals(fresh + 1, sender.freshSignatures(), "skew " + skew + ": signed on the spot");
            assertEquals(pre, sender.preSignedUsed());
            long ts = Long.parseLong(r.header(AuthHeaders.TIMESTAMP));
            assertTrue(ts >= before && ts <= after, "skew " + skew + ": a fresh timestamp");
            assertTrue(VERIFIER.verify(ts, "POST", KalshiPaths.amendOrderV2("ord-s1"), r.header(AuthHeaders.SIGNATURE)));
            assertNotEquals(ok.header(AuthHeaders.SIGNATURE), r.header(AuthHeaders.SIGNATURE));
        }
    }

    @Test
    void aCallRefusedWith401IsSignedAfresh() throws Exception {
        start(b -> { });
        sendAndSettle(OrderIntentEvent.CREATE, "r1", null);
        awaitKeptFresh("ord-r1");
        String amendPath = KalshiPaths.amendOrderV2("ord-r1");
        refuseOnce.put(amendPath, new AtomicInteger());
        long fresh = sender.freshSignatures();
        long pre = sender.preSignedUsed();
        sendAndSettle(OrderIntentEvent.AMEND, "r1", "ord-r1");
        assertEquals(1, sender.unauthorized());
        assertEquals(pre + 1, sender.preSignedUsed(), "first attempt pre-signed");
        assertEquals(fresh + 1, sender.freshSignatures(), "the resend signed on the spot");
        List<LoopbackHttpServer.Request> amends = requestsTo("POST", amendPath);
        assertEquals(2, amends.size());
        assertNotEquals(amends.get(0).header(AuthHeaders.SIGNATURE), amends.get(1).header(AuthHeaders.SIGNATURE),
            "not the refused header again");
        assertTrue(Long.parseLong(amends.get(1).header(AuthHeaders.TIMESTAMP))
            >= Long.parseLong(amends.get(0).header(AuthHeaders.TIMESTAMP)));
        assertSignedFor(amends.get(1), "POST", amendPath, KalshiPaths.orderV2("ord-r1"));
        assertEquals(0, badSignatures.get());
    }

    @Test
    void idsUnusedForLongAreDroppedAndNoLongerSigned() throws Exception {
        start(b -> b.preSignMaxAge(Duration.ofSeconds(1))); // idle after 10 s
        sendAndSettle(OrderIntentEvent.AMEND, "d1", "ord-d1");
        awaitKeptFresh("ord-d1");
        long signed = sender.orderPathPreSignatures();
        awaitPacerRuns();
        assertTrue(sender.orderPathPreSignatures() > signed, "re-signed while in use");
        offsetMs.addAndGet(11_000); // unused for 11 s
        GatewayHarness.await("ord-d1 dropped", () -> !sender.tracksOrderId("ord-d1"), 5_000);
        awaitPacerRuns();
        assertEquals(0, sender.preSignedOrderIds());
        assertEquals(0, sender.trackedOrderIds());
        signed = sender.orderPathPreSignatures();
        awaitPacerRuns();
        assertEquals(signed, sender.orderPathPreSignatures(), "the pacer stopped signing it");
        long fresh = sender.freshSignatures();
        OrderCall.Leg leg = new OrderCall.Leg(0, TestIntents.TICKER, OrderIntentEvent.AMEND, Codes.BID, 5_000, 100,
            OrderIntentEvent.TIF_GTC, (byte) 0, "d1", "", "ord-d1");
        sender.request(new OrderCall(OrderCall.Kind.AMEND, List.of(leg), 1, 0L));
        assertEquals(fresh + 1, sender.freshSignatures(), "a dropped id is signed on the spot");
    }

    @Test
    void theLeastRecentlyUsedIdsBeyondTheCapsAreNotSigned() throws Exception {
        // at most 2 ids tracked; 3 signatures a second at a 1 s period = 3 per run: one id kept fresh
        start(b -> b.preSignMaxAge(Duration.ofSeconds(2)).preSignOrderIds(2).preSignOrderPathsPerSecond(3));
        for (String id : new String[] {"a", "b", "c"}) {
            sendAndSettle(OrderIntentEvent.AMEND, id, "ord-" + id);
            offsetMs.addAndGet(5); // distinct last-use times
        }
        awaitPacerRuns();
        assertEquals(2, sender.trackedOrderIds());
        assertFalse(sender.tracksOrderId("ord-a"), "least recently used evicted");
        assertEquals(1, sender.preSignedOrderIds(), "the signature cap pays one id");
        long signed = sender.orderPathPreSignatures();
        awaitPacerRuns();
        long perRun = (sender.orderPathPreSignatures() - signed);
        assertTrue(perRun <= 3 * 3 && perRun >= 3, "3 signatures a run: " + perRun);
        long fresh = sender.freshSignatures();
        sendAndSettle(OrderIntentEvent.AMEND, "c", "ord-c");
        assertEquals(fresh, sender.freshSignatures(), "the most recent id is pre-signed");
        OrderCall.Leg b = new OrderCall.Leg(0, TestIntents.TICKER, OrderIntentEvent.AMEND, Codes.BID, 5_000, 100,
            OrderIntentEvent.TIF_GTC, (byte) 0, "b", "", "ord-b");
        sender.request(new OrderCall(OrderCall.Kind.AMEND, List.of(b), 1, 0L)); // c stays the most recent
        assertEquals(fresh + 1, sender.freshSignatures(), "the one beyond the signature cap is signed on the spot");
        assertEquals(0, badSignatures.get());
    }

    @org.junit.jupiter.api.Test
    void offByDefault() throws Exception {
        assertEquals(0, SenderConfig.builder().restBaseUrl("http://127.0.0.1:1/trade-api/v2").keyId("k")
            .privateKey(TestKeys.PAIR.getPrivate()).build().preSignOrderPathsPerSecond());
    }
}

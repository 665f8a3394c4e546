package io.kengine.gateway.rest;

import io.kengine.gateway.MarketTickers;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.wire.KalshiPaths;
import io.kengine.protocol.wire.rest.ApiErrorCodes;
import io.kengine.protocol.wire.rest.ErrorBody;
import io.kengine.protocol.wire.rest.ErrorCodecs;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.kengine.gateway.rest.LoopbackHttpServer.Answer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The {@link WireObserver} against a real loopback HTTP server, over the direct connections and over OkHttp
 * only: every write of an order request is observed exactly once, with the timestamp of the intent it was
 * made for, its legs and its attempt, on the thread that wrote it — and only once its bytes are in the
 * socket. The probe observer checks the last point directly: it waits (bounded) until the server has read
 * the complete request it is told about. The writer is inside the observer meanwhile, so bytes still held in
 * a client-side buffer (to be flushed after the observer returns) could never arrive and the probe fails.
 * (The probe blocks and allocates, which a real observer must not; here that is the point.)
 */
class WireObserverTest {
    private static final Pattern CLIENT_ID = Pattern.compile("\"client_order_id\":\"([^\"]+)\"");
    /** An epoch-nanos receive time; every intent gets its own, distinct one. */
    private static final long BASE = 1_760_000_000_000_000_000L;
    private static final long PROBE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(3);

    /** One observation, and whether the server had read that request by the time the probe returned. */
    record Seen(long causeNanos, int legs, int attempt, Thread thread, boolean serverHadIt) {
    }

    /** Complete requests the server has read, per key (the first client order id in the body, else the target). */
    private final Map<String, AtomicInteger> reads = new ConcurrentHashMap<>();
    /** Intent timestamp → the key its requests carry. */
    private final Map<Long, String> keyOf = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> observedPerKey = new ConcurrentHashMap<>();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final TestRing ring = new TestRing();
    /** The thread that calls {@link KalshiRestSender#send}: the sender thread. */
    private Thread testThread;
    private volatile boolean probeFailed;
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
        Matcher m = CLIENT_ID.matcher(r.body());
        String key = m.find() ? m.group(1) : r.target();
        int n = reads.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement();
        if (key.startsWith("503-once")) {
            return n == 0 ? Answer.of(503, "{}") : Answer.of(201, TestIntents.created(key));
        }
        if (key.startsWith("lost-once")) {
            return n == 0 ? Answer.DROP : Answer.of(201, TestIntents.created(key));
        }
        if (key.startsWith("batch")) {
            return Answer.of(400, ErrorCodecs.ERROR_BODY.toJson(ErrorBody.of(ApiErrorCodes.INVALID_ORDER, "no")));
        }
        if (key.startsWith(KalshiPaths.ORDERS_V2 + "/")) { // a single cancel
            return Answer.of(200, "{}");
        }
        return Answer.of(201, TestIntents.created(key));
    }

    /** Records each observation after waiting until the server has read that request (see the class comment). */
    private final WireObserver probe = (causeNanos, legs, attempt) -> {
        String key = keyOf.get(causeNanos);
        boolean had = false;
        if (key != null) {
            int nth = observedPerKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            long deadline = System.nanoTime() + PROBE_WAIT_NANOS;
            while (!(had = serverReads(key) >= nth) && !probeFailed && System.nanoTime() < deadline) {
                LockSupport.parkNanos(50_000);
            }
            probeFailed |= !had; // one miss fails the test: later probes need not wait out their deadline too
        }
        seen.add(new Seen(causeNanos, legs, attempt, Thread.currentThread(), had));
    };

    private int serverReads(String key) {
        AtomicInteger n = reads.get(key);
        return n == null ? 0 : n.get();
    }

    private void start(int directConnections, WireObserver observer) throws Exception {
        testThread = Thread.currentThread();
        server = new LoopbackHttpServer(this::answer);
        inbound = new InboundPublisher(ring).start();
        sender = new KalshiRestSender(SenderConfig.builder().restBaseUrl(server.baseUrl()).keyId("key-wire")
            .privateKey(TestKeys.PAIR.getPrivate()).rateBudget(false).maxRetries5xx(2).createTransportRetries(1)
            .readTimeout(Duration.ofSeconds(20)).callTimeout(Duration.ofSeconds(30))
            .backoff(Duration.ofMillis(20), Duration.ofMillis(40)).directConnections(directConnections)
            .wireObserver(observer).seed(5).build(), MarketTickers.of(List.of(TestIntents.TICKER)), inbound).start();
        GatewayHarness.await("direct connections up", () -> sender.directConnected() == directConnections, 10_000);
    }

    /** Both direct connections idle, so the next call is certainly written on one by this thread. */
    private void awaitDirectIdle(int directConnections) {
        GatewayHarness.await("direct connections idle", () -> sender.directIdle() == directConnections, 10_000);
    }

    /** A one-leg intent with receive time {@code causeNanos}, whose requests carry {@code key}. */
    private void send(byte action, String clientOrderId, String orderId, long causeNanos, String key) {
        keyOf.put(causeNanos, key);
        TestIntents.send(sender, ++seq, action, clientOrderId, orderId, causeNanos);
    }

    /** One intent of several create legs: one batch-create request. */
    private void sendBatch(long causeNanos, String... clientOrderIds) {
        keyOf.put(causeNanos, clientOrderIds[0]);
        UnsafeBuffer b = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
        OrderIntentEvent e = new OrderIntentEvent().wrapForEncode(b, 0, 0, seq, causeNanos);
        for (String id : clientOrderIds) {
            UnsafeBuffer idb = new UnsafeBuffer(id.getBytes(StandardCharsets.US_ASCII));
            e.addLeg(OrderIntentEvent.CREATE, 0, Codes.BID, 5_000, 100, OrderIntentEvent.TIF_GTC, (byte) 0, idb, 0,
                idb.capacity());
        }
        EventHeader.sequence(b, 0, ++seq);
        sender.send(b, 0, EventHeader.length(b, 0), true);
    }

    /** Waits for {@code n} replies on the ring, then for the sender to be idle; returns them. */
    private List<OrderReplyEvent> replies(int n) {
        List<OrderReplyEvent> out = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (out.size() < n) {
            out.addAll(TestIntents.replies(ring));
            if (System.nanoTime() > deadline) {
                fail(out.size() + " of " + n + " replies within 20 s: " + sender.debugState());
            }
            LockSupport.parkNanos(200_000);
        }
        GatewayHarness.await("idle after the replies", () -> sender.isIdle() && inbound.isIdle(), 10_000);
        out.addAll(TestIntents.replies(ring));
        assertEquals(n, out.size(), "replies");
        return out;
    }

    private static boolean okHttpThread(Thread t) {
        return t.getName().startsWith("OkHttp");
    }

    @ParameterizedTest(name = "{0} direct connections")
    @ValueSource(ints = {2, 0})
    void everyRequestIsObservedOnceWrittenWithItsIntentsTimestampOnTheWritingThread(int direct) throws Exception {
        start(direct, probe);
        int creates = 12;
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < creates; i++) {
            long ts = BASE + 1_000_003L * i;
            expected.add(ts);
            awaitDirectIdle(direct);
            send(OrderIntentEvent.CREATE, "w" + i, null, ts, "w" + i);
            assertEquals(OrderReplyEvent.ACCEPTED, replies(1).get(0).replyType());
        }
        long batchTs = BASE - 7;
        expected.add(batchTs);
        awaitDirectIdle(direct);
        sendBatch(batchTs, "batch-a", "batch-b"); // one request, two legs
        replies(2);
        long cancelTs = BASE - 11;
        expected.add(cancelTs);
        awaitDirectIdle(direct);
        // a DELETE: bodyless on a direct connection, an empty body through OkHttp
        send(OrderIntentEvent.CANCEL, "c", "ord-9", cancelTs, KalshiPaths.orderV2("ord-9"));
        assertEquals(OrderReplyEvent.CANCELED, replies(1).get(0).replyType());

        int requests = creates + 2;
        assertEquals(requests, server.requests(), "requests the server read");
        assertEquals(requests, seen.size(), "one observation per request: " + seen);
        assertEquals(expected.stream().sorted().collect(Collectors.toList()),
            seen.stream().map(Seen::causeNanos).sorted().collect(Collectors.toList()), "the intents' timestamps");
        for (Seen s : seen) {
            assertTrue(s.serverHadIt(), "observed before its bytes could reach the server: " + s);
            assertEquals(s.causeNanos() == batchTs ? 2 : 1, s.legs(), "legs of " + s);
            assertEquals(0, s.attempt(), "attempt of " + s);
            if (direct > 0 && s.causeNanos() == cancelTs) {
                // an order-id path is signed on the spot: never on the sender thread (the business thread in the
                // single mapping), the pacer signs and writes it
                assertEquals("gateway-pacer", s.thread().getName(), "the cancel was signed and written on " + s.thread());
            } else if (direct > 0) {
                assertTrue(s.thread() == testThread || s.thread().getName().equals("gateway-pacer"),
                    "a direct write is observed on the thread that wrote it (the sender's, or the pacer's when the"
                        + " pre-signed header had aged): " + s.thread());
            } else {
                assertTrue(okHttpThread(s.thread()), "observed on OkHttp's thread that wrote it: " + s.thread());
            }
        }
        assertEquals(direct > 0 ? requests : 0, sender.directWrites(), "direct writes");
        assertEquals(0, sender.directFallbacks(), "fallbacks");
        assertEquals(0, sender.wireObserverFailures());
    }

    @ParameterizedTest(name = "{0} direct connections")
    @ValueSource(ints = {2, 0})
    void aRetriedCallIsObservedAtEachWriteWithTheSameTimestampAndTheNextAttempt(int direct) throws Exception {
        start(direct, probe);
        long ts503 = BASE + 503;
        awaitDirectIdle(direct);
        send(OrderIntentEvent.CREATE, "503-once", null, ts503, "503-once"); // 503, then 201 after a back-off
        assertEquals(OrderReplyEvent.ACCEPTED, replies(1).get(0).replyType());
        long tsLost = BASE + 404;
        awaitDirectIdle(direct);
        send(OrderIntentEvent.CREATE, "lost-once", null, tsLost, "lost-once"); // written, no answer; then 201
        assertEquals(OrderReplyEvent.ACCEPTED, replies(1).get(0).replyType());

        assertEquals(4, server.requests(), "requests the server read");
        assertEquals(4, seen.size(), "one observation per write: " + seen);
        for (long ts : new long[] {ts503, tsLost}) {
            List<Seen> writes = seen.stream().filter(s -> s.causeNanos() == ts).collect(Collectors.toList());
            assertEquals(2, writes.size(), "two writes of " + keyOf.get(ts) + ": " + seen);
            assertEquals(0, writes.get(0).attempt(), keyOf.get(ts));
            assertEquals(1, writes.get(1).attempt(), keyOf.get(ts));
            assertEquals(1, writes.get(0).legs());
            assertEquals(1, writes.get(1).legs());
            // the first write is dispatched by the sender thread (by the pacer when it had to be signed on the spot:
            // no fresh pre-signed header yet), the retry by the pacer after its back-off
            if (direct > 0) {
                assertTrue(writes.get(0).thread() == testThread || writes.get(0).thread().getName().equals("gateway-pacer"),
                    writes.get(0).thread().getName());
            } else {
                assertTrue(okHttpThread(writes.get(0).thread()), writes.get(0).thread().getName());
            }
            assertNotSame(testThread, writes.get(1).thread());
        }
        for (Seen s : seen) {
            assertTrue(s.serverHadIt(), "observed before its bytes could reach the server: " + s);
        }
        // each observation on the thread that wrote: the dispatching thread for a direct write, OkHttp's otherwise
        // (a retry finding no idle direct connection falls back to OkHttp)
        long onDispatcher = seen.stream().filter(s -> s.thread() == testThread
            || s.thread().getName().equals("gateway-pacer")).count();
        long onOkHttp = seen.stream().filter(s -> okHttpThread(s.thread())).count();
        assertEquals(sender.directWrites(), onDispatcher, "observations on the dispatching threads = direct writes");
        assertEquals(4 - sender.directWrites(), onOkHttp, "observations on OkHttp's threads = its writes");
        if (direct > 0) {
            assertTrue(sender.directWrites() >= 2, "both first writes went direct");
        }
    }

    @ParameterizedTest(name = "{0} direct connections")
    @ValueSource(ints = {2, 0})
    void anObserverThatThrowsNeverAffectsTheCall(int direct) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        start(direct, (causeNanos, legs, attempt) -> {
            calls.incrementAndGet();
            throw new IllegalStateException("observer bug");
        });
        for (int i = 0; i < 3; i++) {
            awaitDirectIdle(direct);
            send(OrderIntentEvent.CREATE, "t" + i, null, BASE + i, "t" + i);
            assertEquals(OrderReplyEvent.ACCEPTED, replies(1).get(0).replyType());
        }
        assertEquals(3, server.requests());
        assertEquals(3, calls.get());
        assertEquals(3, sender.wireObserverFailures());
        assertEquals(0, sender.transportFailures(), "the call went on as if nothing happened");
    }
}

package io.kengine.bench;

import io.kengine.gateway.MarketTickers;
import io.kengine.gateway.orders.QuoteOrdersStage;
import io.kengine.gateway.rest.InboundPublisher;
import io.kengine.gateway.rest.KalshiRestSender;
import io.kengine.gateway.rest.SenderConfig;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.event.SessionStartEvent;
import io.kengine.protocol.event.TimerEvent;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.protocol.wire.rest.CreateOrderV2Response;
import io.kengine.protocol.wire.rest.OrderCodecs;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The order gateway's two hot paths.
 * <ul>
 *   <li>{@code intentToSocket}: one journaled create intent through {@link KalshiRestSender#send} until the
 *       HTTP request's last byte has been written to the socket, to a loopback server that answers at once
 *       ({@link GatewayLoopbackServer}), p50/p99 by {@link Mode#SampleTime}. {@code transport=direct} (the
 *       default sender): the sender thread writes on its own keep-alive connection, so "written" is
 *       {@link KalshiRestSender#directWrites()} moving, right after the blocking write returned;
 *       {@code okhttp} ({@code directConnections(0)}): the call is enqueued and OkHttp's dispatcher thread
 *       writes it, "written" is its {@code requestBodyEnd} event (that count is added on the direct path too,
 *       so a call that fell back to OkHttp still ends). {@code signing=presigned} uses the header the pacer
 *       signed ahead (target p50 ≤ 50 µs), {@code fresh} signs RSA-PSS on the spot (~750 µs), the baseline.
 *       The previous reply is fully processed before each call (not timed), so every call finds an idle
 *       keep-alive connection.</li>
 *   <li>{@code stageReply}: the orders stage applying one order reply (a user_orders confirmation of a
 *       resting order); {@code stageAmendCycle}: quote → amend intent → amended reply, per event. Target
 *       ≤ 100 ns/op, 0 B/op.</li>
 * </ul>
 */
@Fork(value = 1, jvmArgsAppend = {JvmFlags.EXPORT_NIO, JvmFlags.OPEN_REFLECT, JvmFlags.EXPORT_REF,
    JvmFlags.EXPORT_MISC, JvmFlags.OPEN_LANG, JvmFlags.EXPORT_JAVAC, JvmFlags.NATIVE_ACCESS,
    JvmFlags.NO_ANALYTICS, JvmFlags.QUIET_LOGS, JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX})
public class GatewayBenchmark {

    // ------------------------------------------------------------------ intent → socket

    @State(Scope.Thread)
    public static class Send {
        @Param({"presigned", "fresh"})
        public String signing;

        @Param({"direct", "okhttp"})
        public String transport;

        GatewayLoopbackServer server;
        InboundPublisher inbound;
        KalshiRestSender sender;
        final AtomicLong replies = new AtomicLong();
        final AtomicLong okHttpWritten = new AtomicLong();
        final UnsafeBuffer intent = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
        int intentLength;
        long sent;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            byte[] body = OrderCodecs.CREATE_ORDER_V2_RESPONSE.toBytes(
                new CreateOrderV2Response("bench-order-1", "k1-1", 0, 100, null, null, 1L));
            server = new GatewayLoopbackServer(201, body);
            UnsafeBuffer sink = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
            inbound = new InboundPublisher(new EventPublisher() {
                @Override
                public MutableDirectBuffer claim() {
                    return sink;
                }

                @Override
                public long publish() {
                    return replies.incrementAndGet();
                }
            }).start();
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            boolean pre = signing.equals("presigned");
            boolean direct = transport.equals("direct");
            SenderConfig config = SenderConfig.builder().restBaseUrl("http://127.0.0.1:" + server.port() + "/trade-api/v2")
                .keyId("bench-key").privateKey(g.generateKeyPair().getPrivate())
                .preSignMaxAge(pre ? Duration.ofMillis(100) : Duration.ZERO).rateBudget(false).maxConnections(4)
                .directConnections(direct ? 2 : 0).build();
            // counts a request when OkHttp has written its last byte to the socket (on OkHttp's thread)
            okhttp3.OkHttpClient base = new okhttp3.OkHttpClient.Builder().eventListener(new okhttp3.EventListener() {
                @Override
                public void requestBodyEnd(okhttp3.Call call, long byteCount) {
                    okHttpWritten.incrementAndGet();
                }
            }).build();
            sender = new KalshiRestSender(config, MarketTickers.of(List.of("KXBENCH-26DEC31-A")), inbound, base).start();
            OrderIntentEvent e = new OrderIntentEvent();
            e.wrapForEncode(intent, 0, 0, 1, 1L);
            UnsafeBuffer cid = new UnsafeBuffer("k1-1".getBytes());
            e.addLeg(OrderIntentEvent.CREATE, 0, Codes.BID, 5_000, 100, OrderIntentEvent.TIF_GTC,
                OrderIntentEvent.FLAG_POST_ONLY, cid, 0, 4);
            intentLength = e.length();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (direct && sender.directConnected() < 2 && System.nanoTime() < deadline) {
                Thread.onSpinWait(); // the reader threads connect at start()
            }
            while (pre && sender.preSignedUsed() == 0 && System.nanoTime() < deadline) {
                send(); // until a pre-signed header exists
                previousReplyDone();
            }
        }

        /** Not timed: the previous call's reply is on the (dummy) ring, its connection back in the pool. */
        @Setup(Level.Invocation)
        public void previousReplyDone() {
            while (replies.get() < sent) {
                Thread.onSpinWait();
            }
        }

        /** Requests whose last byte is in the socket: the sender's own writes plus OkHttp's. */
        long written() {
            return sender.directWrites() + okHttpWritten.get();
        }

        void send() {
            long target = written() + 1;
            sent++;
            sender.send(intent, 0, intentLength, true);
            while (written() < target) {
                Thread.onSpinWait();
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            System.out.println("gateway bench " + transport + "/" + signing + ": " + sender.requests() + " requests, "
                + sender.directWrites() + " written by the sender thread, " + sender.directFallbacks()
                + " fell back to OkHttp, " + okHttpWritten.get() + " written by OkHttp");
            sender.close();
            inbound.close();
            server.close();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long intentToSocket(Send s) {
        s.send();
        return s.sent;
    }

    // ------------------------------------------------------------------ the state machine

    @State(Scope.Thread)
    public static class Stage {
        QuoteOrdersStage stage;
        final EventSlot confirm = new EventSlot();
        final EventSlot quoteA = new EventSlot();
        final EventSlot quoteB = new EventSlot();
        final EventSlot amendedA = new EventSlot();
        final EventSlot amendedB = new EventSlot();

        @Setup(Level.Trial)
        public void setUp() {
            UnsafeBuffer out = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
            stage = new QuoteOrdersStage(new EventPublisher() {
                @Override
                public MutableDirectBuffer claim() {
                    return out;
                }

                @Override
                public long publish() {
                    return 0;
                }
            });
            EventSlot s = new EventSlot();
            new SessionStartEvent().wrapForEncode(s.event(), 0, EventSource.ENGINE).runId(0xABCL);
            stage.onEvent(s, true);
            quote(s, 4_800);
            stage.onEvent(s, true);                        // creates kabc-1
            reply(s, OrderReplyEvent.ACCEPTED, "kabc-1", 4_800);
            stage.onEvent(s, true);                        // resting as X1
            reply(confirm, OrderReplyEvent.ACCEPTED, "kabc-1", 4_800);
            quote(quoteA, 4_700);
            quote(quoteB, 4_800);
            reply(amendedA, OrderReplyEvent.AMENDED, "", 4_700);  // matched by order id
            reply(amendedB, OrderReplyEvent.AMENDED, "", 4_800);
        }

        private static void quote(EventSlot s, long bid) {
            s.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0);
            new TimerEvent().wrapForEncode(s.event(), 0, EventSource.TIMER);
            EventHeader.marketId(s.event(), 0, 7);
            EventHeader.timestampNanos(s.event(), 0, 1_000_000_000L);
            new QuoteNote().wrap(s, QuoteNote.RISK).set(7, QuoteNote.FLAG_PRESENT, bid, 1_000, QuoteReason.QUOTED,
                5_200, 0, QuoteReason.QUOTED, 5_000);
        }

        private static void reply(EventSlot s, byte type, String clientId, long price) {
            s.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0);
            new OrderReplyEvent().wrapForEncode(s.event(), 0, 7, EventSource.GATEWAY).replyType(type)
                .clientOrderId(clientId).orderId("X1").price(price).remaining(1_000);
            EventHeader.timestampNanos(s.event(), 0, 1_000_000_000L);
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public QuoteOrdersStage stageReply(Stage s) {
        s.stage.onEvent(s.confirm, true);
        return s.stage;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @OperationsPerInvocation(4)
    public QuoteOrdersStage stageAmendCycle(Stage s) {
        s.stage.onEvent(s.quoteA, true);
        s.stage.onEvent(s.amendedA, true);
        s.stage.onEvent(s.quoteB, true);
        s.stage.onEvent(s.amendedB, true);
        return s.stage;
    }
}

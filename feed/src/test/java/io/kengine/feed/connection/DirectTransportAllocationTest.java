package io.kengine.feed.connection;

import io.kengine.feed.connection.ScriptedWsServer.Peer;
import io.kengine.feed.decode.DecodeCounters;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.wire.auth.AuthHeaders;
import io.kengine.protocol.wire.model.OutcomeSide;
import io.kengine.protocol.wire.model.PriceLevel;
import io.kengine.protocol.wire.ws.OrderbookDelta;
import io.kengine.protocol.wire.ws.OrderbookSnapshot;
import io.kengine.protocol.wire.ws.Subscribed;
import io.kengine.protocol.wire.ws.WsCodec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.kengine.feed.connection.ScriptedWsServer.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live path on the direct transport allocates nothing per frame: socket read, frame parse (whole frames
 * in place, frames cut by the read boundaries, fragmented messages), decode, seq check and publish — measured
 * on the reader thread itself, over a real loopback socket fed by the test in uneven chunks.
 */
class DirectTransportAllocationTest {
    private static final int FRAMES = 60_000;
    private static final int WARM_UP = 20_000;

    @Test
    void steadyStateFramesAllocateNothingOnTheReaderThread() throws Exception {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!(mx instanceof com.sun.management.ThreadMXBean)) {
            return;
        }
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) mx;
        FeedCounters counters = new FeedCounters();
        FeedSession session = session(counters);
        long[] allocated = {-1, -1};
        int[] messages = {0};
        CountDownLatch done = new CountDownLatch(1);
        WsListener listener = new WsListener() {
            @Override
            public void onOpen(WsSocket socket) {
            }

            @Override
            public void onMessage(DirectBuffer buffer, int offset, int length, long receivedNanos) {
                session.onFrame(buffer, offset, length, receivedNanos);
                int n = ++messages[0];
                if (n == 2 + WARM_UP) { // after the ack, the snapshot and the warm-up deltas
                    allocated[0] = bean.getCurrentThreadAllocatedBytes();
                } else if (n == 2 + FRAMES) {
                    allocated[1] = bean.getCurrentThreadAllocatedBytes();
                    done.countDown();
                }
            }

            @Override
            public void onServerClose(int code, String reason) {
            }

            @Override
            public void onFailure(String reason) {
                done.countDown();
            }

            @Override
            public void onProtocolError(int closeCode, String reason) {
                done.countDown();
            }
        };
        try (ScriptedWsServer server = new ScriptedWsServer()) {
            WsSocket socket = new DirectTransport(server.url("/trade-api/ws/v2"), Duration.ofSeconds(5), 256 * 1024)
                    .connect(new AuthHeaders("k", 1, "s"), listener);
            try (Peer p = server.accept()) {
                p.accept101(ScriptedWsServer.text(WsCodec.toJson(new Subscribed(1, "orderbook_delta", 1))),
                        ScriptedWsServer.text(WsCodec.toJson(new OrderbookSnapshot(1, 1, "MKT-A", null,
                                List.of(new PriceLevel(4_000, 100)), List.of()))));
                byte[] stream = deltas();
                SplittableRandom random = new SplittableRandom(11);
                for (int at = 0; at < stream.length; ) {
                    int n = Math.min(stream.length - at, 1 + random.nextInt(3_000)); // frames cut anywhere
                    p.write(Arrays.copyOfRange(stream, at, at + n));
                    at += n;
                }
                assertTrue(done.await(30, TimeUnit.SECONDS), "all frames delivered: " + messages[0]);
            } finally {
                socket.cancel();
            }
        }
        assertEquals(2 + FRAMES, messages[0]);
        assertEquals(FRAMES, counters.get(FeedCounter.DELTAS), counters.toString()); // decoded and published, in order
        long bytes = allocated[1] - allocated[0];
        // a few hundred bytes can come from the JIT during the window; one object per frame would be > 1 MB
        assertTrue(bytes >= 0 && bytes < 4_096, bytes + " bytes allocated over " + (FRAMES - WARM_UP) + " frames");
    }

    /**
     * The deltas as server frames; every 50th as three fragments. No pings: a pong's fresh mask key comes from
     * {@code SecureRandom}, which may allocate (a few bytes per ping, every 10 s from Kalshi).
     */
    private static byte[] deltas() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = 0; i < FRAMES; i++) {
            byte[] json = WsCodec.toJson(new OrderbookDelta(1, 2 + i, "MKT-A", null, 4_000 + (i % 10) * 100,
                    i % 2 == 0 ? 100 : -100, OutcomeSide.YES, null, null, 1_700_000_000_000L + i)).getBytes(StandardCharsets.UTF_8);
            byte[] f;
            if (i % 50 == 0) {
                int a = json.length / 3;
                int b = 2 * json.length / 3;
                f = ScriptedWsServer.concat(frame(false, WsFrameReader.TEXT, Arrays.copyOfRange(json, 0, a)),
                        frame(false, WsFrameReader.CONTINUATION, Arrays.copyOfRange(json, a, b)),
                        frame(true, WsFrameReader.CONTINUATION, Arrays.copyOfRange(json, b, json.length)));
            } else {
                f = frame(true, WsFrameReader.TEXT, json);
            }
            all.write(f, 0, f.length);
        }
        return all.toByteArray();
    }

    private static FeedSession session(FeedCounters counters) {
        FeedConfig config = FeedConfig.builder().restBaseUrl("http://x/trade-api/v2").wsUrl("ws://x/trade-api/ws/v2")
                .keyId("k").privateKey(TestKeys.PAIR.getPrivate()).ticker("MKT-A").build();
        MarketRegistry markets = new MarketRegistry(4);
        markets.add("MKT-A");
        UnsafeBuffer slot = new UnsafeBuffer(new byte[1024]);
        EventPublisher ring = new EventPublisher() {
            private long sequence;

            @Override
            public MutableDirectBuffer claim() {
                return slot;
            }

            @Override
            public long publish() {
                return sequence++;
            }
        };
        FeedSession session = new FeedSession(config, markets, new DecoderFrameSink(markets, new DecodeCounters()), ring,
                counters);
        session.connected(s -> true, 0);
        return session;
    }
}

package io.kengine.feed.connection;

import io.kengine.feed.decode.DecodeCounters;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.wire.model.OutcomeSide;
import io.kengine.protocol.wire.model.PriceLevel;
import io.kengine.protocol.wire.ws.OrderbookDelta;
import io.kengine.protocol.wire.ws.OrderbookSnapshot;
import io.kengine.protocol.wire.ws.Subscribed;
import io.kengine.protocol.wire.ws.WsCodec;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Steady state (in-order deltas through seq check, decode and publish, lifecycle frames among them) allocates nothing. */
class FeedSessionAllocationTest {
    private static final int FRAMES = 60_000;

    @Test
    void inOrderDeltasAllocateNothing() {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        if (!(mx instanceof com.sun.management.ThreadMXBean)) {
            return;
        }
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) mx;
        FeedConfig config = FeedConfig.builder().restBaseUrl("http://x/trade-api/v2").wsUrl("ws://x/trade-api/ws/v2")
                .keyId("k").privateKey(TestKeys.PAIR.getPrivate()).ticker("MKT-A").build();
        MarketRegistry markets = new MarketRegistry(4);
        markets.add("MKT-A");
        UnsafeBuffer slot = new UnsafeBuffer(new byte[1024]);
        long[] published = new long[1];
        EventPublisher ring = new EventPublisher() {
            @Override
            public MutableDirectBuffer claim() {
                return slot;
            }

            @Override
            public long publish() {
                return published[0]++;
            }
        };
        FeedCounters counters = new FeedCounters();
        FeedSession session = new FeedSession(config, markets, new DecoderFrameSink(markets, new DecodeCounters()), ring, counters);
        session.connected(s -> true, 0);
        feed(session, WsCodec.toJson(new Subscribed(1, "orderbook_delta", 1)));
        feed(session, WsCodec.toJson(new OrderbookSnapshot(1, 1, "MKT-A", null, List.of(new PriceLevel(4_000, 100)), List.of())));

        byte[][] frames = new byte[FRAMES][];
        for (int i = 0; i < FRAMES; i++) {
            frames[i] = WsCodec.toJson(new OrderbookDelta(1, 2 + i, "MKT-A", null, 4_000 + (i % 10) * 100,
                    i % 2 == 0 ? 100 : -100, OutcomeSide.YES, null, null, 1_700_000_000_000L + i)).getBytes(StandardCharsets.UTF_8);
        }
        // lifecycle frames among the deltas: one of ours (published) and one of another market (counted)
        byte[][] lifecycle = {("{\"type\":\"market_lifecycle_v2\",\"sid\":2,\"msg\":{\"market_ticker\":\"MKT-A\","
                + "\"event_type\":\"close_date_updated\",\"close_ts\":1700003600}}").getBytes(StandardCharsets.UTF_8),
                ("{\"type\":\"market_lifecycle_v2\",\"sid\":2,\"msg\":{\"market_ticker\":\"OTHER\",\"event_type\":\"determined\","
                + "\"result\":\"yes\",\"determination_ts\":1700003600,\"settlement_value\":\"1.0000\"}}").getBytes(StandardCharsets.UTF_8)};
        UnsafeBuffer buffer = new UnsafeBuffer(new byte[0]);
        UnsafeBuffer side = new UnsafeBuffer(new byte[0]);
        int warm = FRAMES / 3;
        for (int i = 0; i < warm; i++) {
            buffer.wrap(frames[i]);
            session.onFrame(buffer, 0, frames[i].length, i);
            if (i % 16 == 0) {
                side.wrap(lifecycle[(i / 16) & 1]);
                session.onFrame(side, 0, side.capacity(), i);
            }
        }
        long before = bean.getCurrentThreadAllocatedBytes();
        for (int i = warm; i < FRAMES; i++) {
            buffer.wrap(frames[i]);
            session.onFrame(buffer, 0, frames[i].length, i);
            if (i % 16 == 0) {
                side.wrap(lifecycle[(i / 16) & 1]);
                session.onFrame(side, 0, side.capacity(), i);
            }
        }
        long allocated = bean.getCurrentThreadAllocatedBytes() - before;
        assertEquals(FRAMES, counters.get(FeedCounter.DELTAS), counters.toString());
        assertEquals(0, counters.get(FeedCounter.SEQ_GAPS));
        assertTrue(counters.get(FeedCounter.LIFECYCLE_FRAMES) > 0 && counters.get(FeedCounter.LIFECYCLE_OTHER_MARKETS) > 0);
        // a few hundred bytes can come from the JIT during the window; one object per frame would be > 1 MB
        assertTrue(allocated < 4_096, allocated + " bytes allocated over " + (FRAMES - warm) + " deltas");
    }

    private static void feed(FeedSession s, String json) {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        s.onFrame(new UnsafeBuffer(b), 0, b.length, 0);
    }

}

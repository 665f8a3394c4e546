package io.kengine.feed.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.wire.ws.WsCodec;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

/**
 * Steady state allocates nothing: after warm-up, 100k frames — deltas mostly, with snapshots (one
 * deeper than a ring event), tickers, trades, fills, user orders, control replies, unknown types,
 * malformed frames and unknown markets mixed in, heap and off-heap — decoded and published into a
 * recorder that reuses one slot allocate ≈0 bytes on this thread (best of three rounds).
 */
class DecodeAllocationTest {
    private static final int FRAMES = 100_000;
    /** Slack for the measurement itself; one String or boxed long per frame would be megabytes. */
    private static final long SLACK_BYTES = 512;

    private final DecodeCounters counters = new DecodeCounters();
    private final FrameDecoder decoder = new FrameDecoder(counters);
    private final RingEventWriter writer = new RingEventWriter(counters);
    private final ByteKeyMarketIds ids = new ByteKeyMarketIds();
    private final RecordingPublisher out = new RecordingPublisher(false);
    private final DecodedFrame frame = new DecodedFrame();
    private final List<UnsafeBuffer> frames = new ArrayList<>();
    private long sink;

    private void add(String json, int copies) {
        byte[] b = TestFrames.bytes(json);
        for (int i = 0; i < copies; i++) {
            if (i % 4 == 3) {
                ByteBuffer direct = ByteBuffer.allocateDirect(b.length);
                direct.put(b).flip();
                frames.add(new UnsafeBuffer(direct));
            } else {
                frames.add(new UnsafeBuffer(b));
            }
        }
    }

    private void run(int n) {
        for (int i = 0; i < n; i++) {
            UnsafeBuffer b = frames.get(i % frames.size());
            decoder.decode(b, 0, b.capacity(), frame);
            sink += writer.publish(frame, ids, out, EventSource.FEED);
        }
    }

    @Test
    void decodeAndPublishAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isCurrentThreadCpuTimeSupported() && threads.isThreadAllocatedMemorySupported());
        threads.setThreadAllocatedMemoryEnabled(true);

        ids.register("FED-23DEC-T3.00", 1);
        ids.register("HIGHNY-22DEC23-B53.5", 2);
        ids.register("T", 3);
        ids.register("KXBTCD-25AUG0517-T114999.99", 4);
        add(Fixtures.DELTA, 40);
        add(Fixtures.LEGACY_DELTA, 8);
        add(Fixtures.NUMERIC_DELTA, 4);
        add(Fixtures.TS_RFC3339_ONLY, 4);
        add(Fixtures.SNAPSHOT, 4);
        add(Fixtures.LEGACY_SNAPSHOT_CENTS, 2);
        add(WsCodec.toJson(new RandomFrames(3).snapshot()), 1);
        add("{\"type\":\"orderbook_snapshot\",\"sid\":2,\"seq\":1,\"msg\":{"
                + "\"market_ticker\":\"T\",\"yes_dollars_fp\":" + BadInputTest.levels(150) + "}}", 1);
        add(Fixtures.TICKER, 8);
        add(Fixtures.TRADE, 8);
        add(Fixtures.FILL, 4);
        add(Fixtures.FILL_OUTCOME, 4);
        add(Fixtures.USER_ORDER, 4);
        add(Fixtures.LEGACY_USER_ORDER, 2);
        add(Fixtures.SUBSCRIBED, 1);
        add(Fixtures.LIST, 1);
        add(Fixtures.ERROR_MARKET, 1);
        add(Fixtures.LIFECYCLE, 2); // an unregistered market (INXD-…), metadata walked
        add(Fixtures.LIFECYCLE_DETERMINED, 2);
        add(Fixtures.LIFECYCLE_SETTLED, 1);
        add(Fixtures.LIFECYCLE_CLOSE_DATE, 1);
        add(Fixtures.LIFECYCLE_NULLS, 2); // three price ranges, nulls, nested metadata
        add(Fixtures.LIFECYCLE_SCALAR, 1);
        add(Fixtures.LIFECYCLE_PRICE_LEVELS.replace("INXD-23SEP14-B4487", "T"), 1); // decoded, no event kind
        add(Fixtures.LIFECYCLE_FUTURE, 1);
        add(Fixtures.UNKNOWN_FIELDS, 2);
        add(Fixtures.DELTA.substring(0, 60), 2);
        add(Fixtures.DELTA.replace("0.960", "0.96001"), 2);
        add(Fixtures.DELTA.replace("FED-23DEC-T3.00", "NOT-REGISTERED"), 2);

        run(3 * FRAMES); // warm-up: let the JIT compile the paths
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            run(FRAMES);
            long after = threads.getCurrentThreadAllocatedBytes();
            best = Math.min(best, after - before);
        }
        assertTrue(sink > 0);
        assertEquals(0, counters.dropped(MalformedReason.INTERNAL_ERROR));
        assertTrue(counters.dropped(MalformedReason.UNKNOWN_MARKET) > 0 && counters.dropped(MalformedReason.TRUNCATED) > 0);
        assertTrue(counters.published(FrameKind.MARKET_LIFECYCLE) > 0 && counters.lifecycleSkipped() > 0);
        System.out.println("decode+publish allocation: best of 3 rounds of " + FRAMES + " frames = " + best + " bytes");
        assertTrue(best <= SLACK_BYTES, "allocated " + best + " bytes for " + FRAMES + " frames");
    }
}

package io.kengine.bench;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.kengine.engine.ring.WaitStrategies;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.SlotArena;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * The floor for {@link TickToIntent}: what the hardware and the ring cost with no work at all. The
 * producer only scans the frame's bytes (a count of quote characters, so the JIT cannot drop the
 * loop) and publishes the count with the planned time into a bare Disruptor of the engine's slot type
 * and size; one consumer records now − planned for every event, with the same wait strategy the engine's
 * business thread would use. Every frame is an "intent" here.
 */
final class FloorPath implements TickPath {
    private final Disruptor<EventSlot> disruptor;
    private final RingBuffer<EventSlot> ring;
    private final SingleWriterRecorder recorder = new SingleWriterRecorder(3_600_000_000_000L, 3);
    private final java.util.concurrent.atomic.AtomicLong consumed = new java.util.concurrent.atomic.AtomicLong();
    private final String wait;
    private long published;

    FloorPath(PlannedClock clock, String wait) {
        this.wait = wait;
        String inbound = WaitStrategies.inboundPart(wait);
        this.disruptor = new Disruptor<>(new SlotArena(16_384)::next, 16_384, BenchThreads.daemon("floor"), ProducerType.MULTI,
            WaitStrategies.create(inbound, 1, Runtime.getRuntime().availableProcessors()));
        EventHandler<EventSlot> record = (slot, sequence, endOfBatch) -> {
            recorder.recordValue(Math.max(0, clock.now() - slot.event().getLong(0)));
            consumed.lazySet(consumed.get() + 1);
        };
        disruptor.handleEventsWith(record);
        this.ring = disruptor.start();
    }

    @Override
    public String name() {
        return "floor " + wait;
    }

    @Override
    public void submit(byte[] frame, long plannedNanos) {
        int quotes = 0;
        for (byte b : frame) {
            if (b == '"') {
                quotes++;
            }
        }
        long seq = ring.next();
        EventSlot slot = ring.get(seq);
        slot.event().putLong(0, plannedNanos);
        slot.event().putInt(8, quotes);
        ring.publish(seq);
        published++;
    }

    @Override
    public Histogram intentInterval(Histogram reuse) {
        return recorder.getIntervalHistogram(reuse);
    }

    @Override
    public long intents() {
        return consumed.get();
    }

    @Override
    public boolean drain(long timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (consumed.get() < published && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        return consumed.get() == published;
    }

    @Override
    public long errors() {
        return 0;
    }

    @Override
    public void close() {
        disruptor.halt();
    }
}

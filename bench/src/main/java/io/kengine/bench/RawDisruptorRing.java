package io.kengine.bench;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.SlotArena;

/**
 * The floor: a bare Disruptor of the engine's slot type and size, one producer thread, one consumer
 * whose handler does nothing. Progress is read from the consumer's own sequence, so the handler
 * stays truly empty. The sequencer is single-producer for the floor proper; the multi-producer
 * variant is the same ring with the sequencer the engine's inbound ring uses.
 */
final class RawDisruptorRing implements RingUnderTest {
    private final Disruptor<EventSlot> disruptor;
    private final RingBuffer<EventSlot> ring;
    private final String waitName;
    private final ProducerType producers;
    private final long firstSequence;

    RawDisruptorRing(int size, ProducerType producers, String waitName, WaitStrategy wait) {
        this.waitName = waitName;
        this.producers = producers;
        this.disruptor = new Disruptor<>(new SlotArena(size)::next, size, BenchThreads.daemon("floor"), producers, wait);
        EventHandler<EventSlot> noOp = (slot, sequence, endOfBatch) -> { };
        disruptor.handleEventsWith(noOp);
        this.ring = disruptor.start();
        this.firstSequence = ring.getCursor() + 1;
    }

    @Override
    public void publish(RecordedEvents events, int n) {
        for (int i = 0; i < n; i++) {
            long seq = ring.next();
            events.copyNext(ring.get(seq).event());
            ring.publish(seq);
        }
    }

    @Override
    public long consumed() {
        return ring.getMinimumGatingSequence() + 1 - firstSequence;
    }

    @Override
    public long stageErrors() {
        return 0;
    }

    @Override
    public String describe() {
        return "raw Disruptor, " + producers + " producer sequencer, 1 no-op consumer, wait=" + waitName;
    }

    @Override
    public void close() {
        disruptor.halt();
    }
}

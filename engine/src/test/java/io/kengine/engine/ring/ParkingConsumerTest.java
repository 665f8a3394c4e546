package io.kengine.engine.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.SlotArena;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParkingConsumerTest {
    private static final int RING = 64;
    private final RingBuffer<EventSlot> ring = RingBuffer.createMultiProducer(new SlotArena(RING)::next, RING);

    /** Records each event's payload; throws on the payloads {@code failEvery} divides (0: never). */
    private static final class Recording implements EventHandler<EventSlot> {
        final List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        final int failEvery;
        volatile boolean started;
        volatile boolean shutDown;

        Recording(int failEvery) {
            this.failEvery = failEvery;
        }

        @Override
        public void onEvent(EventSlot slot, long sequence, boolean endOfBatch) {
            long payload = slot.event().getLong(0);
            if (failEvery > 0 && payload % failEvery == 0) {
                throw new IllegalStateException("disk full, say");
            }
            seen.add(payload);
        }

        @Override
        public void onStart() {
            started = true;
        }

        @Override
        public void onShutdown() {
            shutDown = true;
        }
    }

    private void publish(long from, long to) {
        for (long v = from; v < to; v++) {
            long seq = ring.next(); // waits while the consumer has not freed the slot
            ring.get(seq).event().putLong(0, v);
            ring.publish(seq);
        }
    }

    private static void awaitSize(List<Long> seen, int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (seen.size() < n) {
            assertTrue(System.nanoTime() < deadline, "consumer saw " + seen.size() + " of " + n);
            Thread.onSpinWait();
        }
    }

    private static List<Long> range(long from, long to) {
        List<Long> out = new ArrayList<>();
        for (long v = from; v < to; v++) {
            out.add(v);
        }
        return out;
    }

    @Test
    void consumesEveryEventInOrderAndGatesTheProducersOnARingManyTimesSmaller() throws Exception {
        Recording handler = new Recording(0);
        ParkingConsumer consumer = new ParkingConsumer(ring, handler, 1_000_000, Thread::new);
        consumer.start();
        publish(0, 20_000); // 312 laps: a slot overwritten before it was consumed would show as a wrong payload
        awaitSize(handler.seen, 20_000);
        assertEquals(range(0, 20_000), new ArrayList<>(handler.seen));
        // idle long enough to reach the longest park; the next event is still consumed
        long idleUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        while (System.nanoTime() < idleUntil) {
            Thread.onSpinWait();
        }
        publish(20_000, 20_001);
        awaitSize(handler.seen, 20_001);
        assertTrue(consumer.stop(10_000));
        assertTrue(handler.started && handler.shutDown, "the handler's lifecycle hooks ran on its thread");
        assertEquals(0, consumer.failures());
    }

    @Test
    void stopConsumesWhatWasPublishedBeforeIt() throws Exception {
        Recording handler = new Recording(0);
        ParkingConsumer consumer = new ParkingConsumer(ring, handler, 1_000_000, Thread::new);
        consumer.start();
        publish(0, RING); // a full ring: at most one park old when stop() is called
        assertTrue(consumer.stop(10_000));
        assertEquals(range(0, RING), new ArrayList<>(handler.seen));
        assertEquals(ring.getBufferSize(), ring.remainingCapacity(), "every slot released to the producers");
    }

    @Test
    void aFailingEventIsCountedAndSkippedWithoutStallingTheRing() throws Exception {
        Recording handler = new Recording(3);
        ParkingConsumer consumer = new ParkingConsumer(ring, handler, 1_000_000, Thread::new);
        consumer.start();
        publish(1, 3 * RING + 1); // three laps: a consumer stuck on a failed event would block the producer
        assertTrue(consumer.stop(10_000));
        List<Long> expected = new ArrayList<>();
        for (long v = 1; v <= 3 * RING; v++) {
            if (v % 3 != 0) {
                expected.add(v);
            }
        }
        assertEquals(expected, new ArrayList<>(handler.seen));
        assertEquals(RING, consumer.failures());
    }

    @Test
    void refusesAMaximumParkBelowTheFirstOne() {
        assertThrows(IllegalArgumentException.class,
            () -> new ParkingConsumer(ring, new Recording(0), ParkingConsumer.MIN_PARK_NANOS - 1, Thread::new));
    }
}

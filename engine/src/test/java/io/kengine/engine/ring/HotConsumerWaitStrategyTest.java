package io.kengine.engine.ring;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Only the marked consumer spins: while the ring is idle the other consumer sleeps (WAITING) and the hot one
 * stays runnable, and neither loses an event across idle gaps, on a multi-producer ring like the engine's inbound.
 */
class HotConsumerWaitStrategyTest {
    static final class Box {
        long value;
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    @Test
    void theMarkedConsumerSpinsTheOtherSleepsAndBothSeeEveryEvent() throws Exception {
        HotConsumerWaitStrategy wait = new HotConsumerWaitStrategy(new SpinYieldWaitStrategy(50_000),
            new LeanBackoffWaitStrategy(1_000, 5_000));
        RingBuffer<Box> ring = RingBuffer.createMultiProducer(Box::new, 64, wait);
        AtomicLong hotSum = new AtomicLong();
        AtomicLong coldSum = new AtomicLong();
        BatchEventProcessor<Box> hot = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(),
            wait.markHot((EventHandler<Box>) (e, s, end) -> hotSum.addAndGet(e.value)));
        BatchEventProcessor<Box> cold = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(),
            (EventHandler<Box>) (e, s, end) -> coldSum.addAndGet(e.value));
        ring.addGatingSequences(hot.getSequence(), cold.getSequence());
        Thread hotThread = new Thread(hot, "hot");
        Thread coldThread = new Thread(cold, "cold");
        assertNull(wait.hotThread());
        hotThread.start();
        coldThread.start();
        try {
            await(() -> wait.hotThread() != null, "the hot consumer to start");
            assertSame(hotThread, wait.hotThread());
            // idle ring: the cold consumer blocks in the lean back-off, the hot one never does
            await(() -> coldThread.getState() == Thread.State.WAITING, "the cold consumer to sleep");
            for (int i = 0; i < 20; i++) {
                assertEquals(Thread.State.RUNNABLE, hotThread.getState(), "the hot consumer blocked");
                LockSupport.parkNanos(1_000_000);
            }
            long expected = 0;
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            for (int i = 1; i <= 2_000; i++) {
                long seq = ring.next();
                ring.get(seq).value = i;
                ring.publish(seq);
                expected += i;
                if (rnd.nextInt(8) == 0) { // longer than the cold consumer's spin + yield: it sleeps again
                    LockSupport.parkNanos(rnd.nextLong(10_000, 200_000));
                }
            }
            long total = expected;
            await(() -> hotSum.get() == total && coldSum.get() == total, "every event at both consumers");
        } finally {
            hot.halt();
            cold.halt();
            hotThread.join(10_000);
            coldThread.join(10_000);
        }
        assertNull(wait.hotThread(), "the hot thread is forgotten at shutdown");
    }
}

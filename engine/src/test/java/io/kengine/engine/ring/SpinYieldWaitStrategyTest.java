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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Spin-yield delivers every event across idle gaps, yields once per slice while idle, and stops on halt. */
class SpinYieldWaitStrategyTest {
    static final class Box {
        long value;
    }

    @Test
    void everyEventArrivesAcrossGapsAndIdleTimeIsSlicedByYields() throws Exception {
        SpinYieldWaitStrategy wait = new SpinYieldWaitStrategy(20_000);
        RingBuffer<Box> ring = RingBuffer.createMultiProducer(Box::new, 64, wait);
        AtomicLong sum = new AtomicLong();
        BatchEventProcessor<Box> consumer = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(),
            (EventHandler<Box>) (e, s, end) -> sum.addAndGet(e.value));
        ring.addGatingSequences(consumer.getSequence());
        Thread t = new Thread(consumer);
        t.start();
        long expected = 0;
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        for (int i = 1; i <= 2_000; i++) {
            long seq = ring.next();
            ring.get(seq).value = i;
            ring.publish(seq);
            expected += i;
            if (rnd.nextInt(16) == 0) {
                LockSupport.parkNanos(rnd.nextLong(10_000, 500_000)); // idle for up to 25 slices
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (sum.get() != expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(100_000);
        }
        assertEquals(expected, sum.get());
        long yieldsBefore = wait.yields();
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // 1 000 slices idle
        long idleDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (wait.yields() == yieldsBefore && System.nanoTime() < idleDeadline) {
            LockSupport.parkNanos(1_000_000);
        }
        assertTrue(wait.yields() > yieldsBefore, "an idle consumer yields");
        consumer.halt();
        t.join(TimeUnit.SECONDS.toMillis(10));
        assertFalse(t.isAlive(), "halt stops a spinning consumer");
    }

    @Test
    void refusesAnEmptySlice() {
        assertThrows(IllegalArgumentException.class, () -> new SpinYieldWaitStrategy(0));
    }
}

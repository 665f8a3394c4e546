package io.kengine.engine.ring;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lean back-off must never lose a wake-up: a consumer that went to sleep is woken by the next publish,
 * on single- and multi-producer rings, whatever the gaps between events; a halt wakes it too.
 */
class LeanBackoffWaitStrategyTest {
    static final class Box {
        long value;
    }

    @RepeatedTest(3)
    void everyEventArrivesWhenConsumersSleepBetweenBursts() throws Exception {
        for (boolean multi : new boolean[] {false, true}) {
            // short spin/yield phases so that most gaps put the consumers to sleep
            LeanBackoffWaitStrategy wait = new LeanBackoffWaitStrategy(1_000, 5_000);
            RingBuffer<Box> ring = multi ? RingBuffer.createMultiProducer(Box::new, 64, wait)
                : RingBuffer.createSingleProducer(Box::new, 64, wait);
            AtomicLong sum1 = new AtomicLong();
            AtomicLong sum2 = new AtomicLong();
            BatchEventProcessor<Box> first = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(),
                (EventHandler<Box>) (e, s, end) -> sum1.addAndGet(e.value));
            BatchEventProcessor<Box> second = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(first.getSequence()),
                (EventHandler<Box>) (e, s, end) -> sum2.addAndGet(e.value));
            ring.addGatingSequences(second.getSequence());
            Thread t1 = new Thread(first);
            Thread t2 = new Thread(second);
            t1.start();
            t2.start();
            long expected = 0;
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            for (int i = 1; i <= 3_000; i++) {
                long seq = ring.next();
                ring.get(seq).value = i;
                ring.publish(seq);
                expected += i;
                if (rnd.nextInt(8) == 0) { // a gap longer than spin + yield: the consumers block
                    LockSupport.parkNanos(rnd.nextLong(10_000, 200_000));
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (sum2.get() != expected && System.nanoTime() < deadline) {
                LockSupport.parkNanos(100_000);
            }
            assertEquals(expected, sum1.get(), (multi ? "multi" : "single") + ": first consumer lost events");
            assertEquals(expected, sum2.get(), (multi ? "multi" : "single") + ": dependent consumer lost events");
            first.halt();
            second.halt();
            t1.join(5_000);
            t2.join(5_000);
            assertFalse(t1.isAlive() || t2.isAlive(), "a halt must wake sleeping consumers");
        }
    }

    @Test
    void aSleepingConsumerWakesOnHalt() throws Exception {
        LeanBackoffWaitStrategy wait = new LeanBackoffWaitStrategy(0, 0);
        RingBuffer<Box> ring = RingBuffer.createSingleProducer(Box::new, 8, wait);
        BatchEventProcessor<Box> p = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), (EventHandler<Box>) (e, s, end) -> { });
        Thread t = new Thread(p);
        t.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
            LockSupport.parkNanos(1_000_000);
        }
        assertEquals(Thread.State.WAITING, t.getState(), "the consumer should be blocked");
        p.halt();
        t.join(5_000);
        assertFalse(t.isAlive());
    }

    @Test
    void phasesMustBeOrdered() {
        assertThrows(IllegalArgumentException.class, () -> new LeanBackoffWaitStrategy(10, 5));
        assertTrue(new LeanBackoffWaitStrategy(1, 2).toString().contains("spin=1"));
    }
}

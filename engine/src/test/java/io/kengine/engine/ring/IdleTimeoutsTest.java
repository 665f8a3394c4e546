package io.kengine.engine.ring;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The wait strategies that give idle time: the owner's handler gets onTimeout about once per interval
 * while nothing is published, and only the owner (another consumer of the same ring waits as before);
 * events published between timeouts all arrive, in order, and the owner stops timing out once released.
 */
class IdleTimeoutsTest {
    static final class Box {
        long value;
    }

    /** Counts events (checking their order) and timeouts, and on which thread each ran. */
    static final class Recorder implements EventHandler<Box> {
        final AtomicLong sum = new AtomicLong();
        final AtomicLong last = new AtomicLong();
        final AtomicLong timeouts = new AtomicLong();
        final AtomicLong outOfOrder = new AtomicLong();
        volatile Thread thread;
        volatile Thread timeoutThread;

        @Override
        public void onEvent(Box e, long sequence, boolean endOfBatch) {
            if (e.value != last.get() + 1) {
                outOfOrder.incrementAndGet();
            }
            last.set(e.value);
            sum.addAndGet(e.value);
        }

        @Override
        public void onStart() {
            thread = Thread.currentThread();
        }

        @Override
        public void onTimeout(long sequence) {
            timeoutThread = Thread.currentThread();
            timeouts.incrementAndGet();
        }
    }

    private static WaitStrategy strategy(String name) {
        return switch (name) {
            case "lean" -> new LeanBackoffWaitStrategy(1_000, 20_000);
            case "spin-yield" -> new SpinYieldWaitStrategy(20_000);
            default -> new TimedYieldingWaitStrategy();
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"lean", "spin-yield", "yielding"})
    void onlyTheOwnerTimesOutAndNoEventIsLost(String name) throws Exception {
        WaitStrategy wait = strategy(name);
        IdleTimeouts timeouts = (IdleTimeouts) wait;
        RingBuffer<Box> ring = RingBuffer.createMultiProducer(Box::new, 64, wait);
        Recorder owner = new Recorder();
        Recorder other = new Recorder();
        BatchEventProcessor<Box> ownerProcessor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), owner);
        BatchEventProcessor<Box> otherProcessor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), other);
        ring.addGatingSequences(ownerProcessor.getSequence(), otherProcessor.getSequence());
        Thread ownerThread = new Thread(ownerProcessor, "owner");
        Thread otherThread = new Thread(otherProcessor, "other");
        timeouts.idleTimeout(ownerThread, TimeUnit.MILLISECONDS.toNanos(1));
        ownerThread.start();
        otherThread.start();
        try {
            awaitTrue(() -> owner.timeouts.get() >= 20, "the idle owner timed out " + owner.timeouts.get() + " times");
            long expected = 0;
            for (int i = 1; i <= 500; i++) { // events between timeouts: some gaps longer than the interval
                long seq = ring.next();
                ring.get(seq).value = i;
                ring.publish(seq);
                expected += i;
                if (i % 50 == 0) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(3));
                }
            }
            long want = expected;
            awaitTrue(() -> owner.sum.get() == want && other.sum.get() == want, "owner " + owner.sum + ", other " + other.sum
                + " of " + want);
            assertEquals(0, owner.outOfOrder.get());
            assertEquals(0, other.outOfOrder.get());
            assertEquals(0, other.timeouts.get(), "a consumer that is not the owner must never time out");
            assertEquals(ownerThread, owner.timeoutThread, "onTimeout runs on the owner's own thread");

            // released: the owner stops timing out (allow the one wait in progress to end)
            timeouts.idleTimeout(null, 0);
            long seq = ring.next();
            ring.get(seq).value = 501;
            ring.publish(seq);
            awaitTrue(() -> owner.last.get() == 501, "the owner consumed the event after release");
            long settled = owner.timeouts.get();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            assertEquals(settled, owner.timeouts.get(), "released owner still timing out");
        } finally {
            ownerProcessor.halt();
            otherProcessor.halt();
            ownerThread.join(5_000);
            otherThread.join(5_000);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lean", "spin-yield", "yielding"})
    void aPositiveIntervalIsRequired(String name) {
        IdleTimeouts timeouts = (IdleTimeouts) strategy(name);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
            () -> timeouts.idleTimeout(Thread.currentThread(), 0));
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            LockSupport.parkNanos(200_000);
        }
        assertTrue(condition.getAsBoolean());
    }
}

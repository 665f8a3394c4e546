package io.kengine.engine;

import io.kengine.engine.ring.StageMapping;
import io.kengine.gateway.IntentSender;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.TimerEvent;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.Stage;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A full inbound ring makes the producer wait and counts it; no event is lost. */
class RingBackPressureTest {

    @Test
    void fullRingBlocksTheProducerCountsItAndLosesNothing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicLong seen = new AtomicLong();
        AtomicLong lastTimerId = new AtomicLong(-1);
        Stage gate = (slot, endOfBatch) -> {
            await(release);
            TimerEvent t = new TimerEvent();
            t.wrap(slot.event(), 0);
            assertEquals(lastTimerId.get() + 1, t.timerId(), "events must arrive in order, none skipped");
            lastTimerId.set(t.timerId());
            seen.incrementAndGet();
        };
        EngineOptions options = new EngineOptions(StageMapping.FUSED, "blocking", 64, 64, null, 1, "test");
        IntentSender none = (buffer, offset, length, endOfBatch) -> { };
        try (EngineRuntime runtime = new EngineRuntime(options, new SystemEpochNanoClock(), intents -> new Stage[]{gate},
            inbound -> none, () -> true)) {
            runtime.start();
            int total = 500;
            Thread producer = new Thread(() -> {
                EventPublisher p = runtime.newInboundPublisher();
                for (int i = 0; i < total; i++) {
                    new TimerEvent().wrapForEncode(p.claim(), 0, EventSource.TIMER).timerId(i);
                    p.publish();
                }
            });
            producer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (runtime.counters().inboundFull.get() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(runtime.counters().inboundFull.get() > 0, "the producer should have found the ring full");
            assertTrue(producer.isAlive(), "the producer must be waiting, not dropping events");
            assertTrue(seen.get() == 0, "the gate holds every event");

            release.countDown();
            producer.join(10_000);
            assertTrue(runtime.drain(10_000), "ring did not drain");
            assertEquals(total, seen.get());
            assertEquals(total, runtime.counters().inboundPublished.get());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

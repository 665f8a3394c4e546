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

    /**
     * single mapping: the business thread is the outbound ring's only consumer, so an event that publishes
     * more intents than the ring holds must drain it in line rather than wait for itself forever.
     */
    @Test
    void singleMappingDrainsAFullOutboundRingInLine() throws Exception {
        int perEvent = 200; // > outbound size 64
        AtomicLong wrongThread = new AtomicLong();
        Thread[] businessThread = new Thread[1];
        EngineOptions options = new EngineOptions(StageMapping.SINGLE, "blocking", 64, 64, null, 1, "test");
        try (EngineRuntime runtime = new EngineRuntime(options, new SystemEpochNanoClock(), intents -> {
            int[] next = {0};
            Stage burst = (slot, endOfBatch) -> {
                businessThread[0] = Thread.currentThread();
                for (int i = 0; i < perEvent; i++) {
                    // a timer event stands in for an intent: the sender sees every outbound slot's bytes
                    new TimerEvent().wrapForEncode(intents.claim(), 0, EventSource.TIMER).timerId(next[0]++);
                    intents.publish();
                }
            };
            return new Stage[]{burst};
        }, inbound -> new IntentSender() {
            @Override
            public void send(org.agrona.DirectBuffer buffer, int offset, int length, boolean endOfBatch) {
            }

            @Override
            public void endOfBatch() { // the sender hears of every non-intent batch end: on the business thread
                if (Thread.currentThread() != businessThread[0]) {
                    wrongThread.incrementAndGet();
                }
            }
        }, () -> true)) {
            runtime.start();
            EventPublisher p = runtime.newInboundPublisher();
            for (int i = 0; i < 3; i++) {
                new TimerEvent().wrapForEncode(p.claim(), 0, EventSource.TIMER).timerId(i);
                p.publish();
            }
            assertTrue(runtime.drain(10_000), "rings did not drain: the business thread waited on itself");
            assertEquals(3L * perEvent, runtime.counters().intentsPublished.get());
            assertTrue(runtime.counters().outboundFull.get() > 0, "the outbound ring should have filled");
            assertEquals(0, wrongThread.get(), "single mapping: the sender runs on the business thread");
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

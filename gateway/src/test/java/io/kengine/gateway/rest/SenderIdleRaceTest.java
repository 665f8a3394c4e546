package io.kengine.gateway.rest;

import io.kengine.gateway.MarketTickers;
import io.kengine.protocol.event.OrderReplyEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@link KalshiRestSender#isIdle()} while one create bounces off a loopback server: answered 429 and 503 in
 * turn {@value #BOUNCES} times (each bounce moves the call from in flight to the send queue, paused, or to a
 * back-off on the pacer, and back to in flight) and then 201. Sampled in tight loops from the submit until the
 * reply is handed to the {@link InboundPublisher}, it must never be true (and true once it was): the engine's drain at stop takes
 * "sender idle, publisher idle" for "no reply left to publish". Samplers run on the test thread and on one
 * more thread per further core, so the sender's threads, when they wake, preempt a sampler at a random point
 * of its read.
 */
class SenderIdleRaceTest {
    private static final int BOUNCES = 400;

    @Test
    void neverIdleFromSubmitUntilTheReplyOfACallRetriedThroughBackOffsIsHandedOver() throws Exception {
        TestRing ring = new TestRing();
        try (LoopbackHttpServer server = new LoopbackHttpServer(r -> r.index() < BOUNCES
                 ? LoopbackHttpServer.Answer.of(r.index() % 2 == 0 ? 429 : 503, "{}")
                 : LoopbackHttpServer.Answer.of(201, TestIntents.created("c-1")));
             InboundPublisher inbound = new InboundPublisher(ring).start();
             KalshiRestSender sender = new KalshiRestSender(SenderConfig.builder().restBaseUrl(server.baseUrl())
                 .keyId("key-idle").privateKey(TestKeys.PAIR.getPrivate()).rateBudget(false).maxRetries5xx(BOUNCES)
                 .backoff(Duration.ofMillis(1), Duration.ofMillis(2)).seed(7).build(),
                 MarketTickers.of(List.of(TestIntents.TICKER)), inbound).start()) {
            GatewayHarness.await("direct connections up", () -> sender.directConnected() == 2, 10_000);
            assertTrue(sender.isIdle(), "idle before anything was sent");

            TestIntents.create(sender, 7, "c-1");
            assertFalse(sender.isIdle(), "idle right after the submit");
            AtomicBoolean done = new AtomicBoolean();
            AtomicLong falseIdle = new AtomicLong();
            AtomicLong samples = new AtomicLong();
            List<Thread> helpers = new ArrayList<>();
            for (int i = 1; i < Math.max(2, Runtime.getRuntime().availableProcessors()); i++) {
                Thread t = new Thread(() -> {
                    long n = 0;
                    while (!done.get()) {
                        sample(sender, inbound, falseIdle);
                        n++;
                    }
                    samples.addAndGet(n);
                }, "idle-sampler-" + i);
                t.setDaemon(true);
                helpers.add(t);
            }
            helpers.forEach(Thread::start); // after the submit: before it, idle is right
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            long n = 0;
            while (!handedOver(inbound)) {
                sample(sender, inbound, falseIdle);
                n++;
                if (System.nanoTime() > deadline) {
                    done.set(true);
                    fail("no reply within 60 s: " + sender.debugState() + ", " + server.requests() + " requests");
                }
            }
            done.set(true);
            for (Thread t : helpers) {
                t.join(10_000);
            }
            samples.addAndGet(n);

            GatewayHarness.await("idle once the reply is handed over", sender::isIdle, 10_000);
            GatewayHarness.await("the reply on the ring", inbound::isIdle, 10_000);
            List<OrderReplyEvent> replies = TestIntents.replies(ring);
            assertEquals(1, replies.size(), "one reply");
            assertEquals(OrderReplyEvent.ACCEPTED, replies.get(0).replyType());
            assertEquals(7, replies.get(0).causeSequence());
            assertEquals("c-1", replies.get(0).clientOrderId());
            assertEquals(BOUNCES + 1, server.requests(), "every bounce was a request");
            assertEquals(BOUNCES / 2, sender.throttled());
            assertEquals(BOUNCES / 2, sender.serverErrors());
            assertTrue(samples.get() > BOUNCES, "sampled " + samples.get() + " times");
            assertEquals(0, falseIdle.get(), "isIdle() was true " + falseIdle.get() + " times in " + samples.get()
                + " samples taken before the reply was handed over");
        }
    }

    /** One sample: idle, and (read after) the reply not yet handed to the publisher, is a false idle. */
    private static void sample(KalshiRestSender sender, InboundPublisher inbound, AtomicLong falseIdle) {
        if (sender.isIdle() && !handedOver(inbound)) {
            falseIdle.incrementAndGet();
        }
    }

    /** The publisher was offered an event (the only one this test makes is the reply). */
    private static boolean handedOver(InboundPublisher inbound) {
        return !inbound.isIdle() || inbound.published() + inbound.dropped() > 0;
    }
}

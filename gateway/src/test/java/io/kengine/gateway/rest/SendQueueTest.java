package io.kengine.gateway.rest;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.OrderIntentEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@link SendQueue}'s part of the {@link OpenCalls} bookkeeping, on a real pacer thread: moving a call
 * between the queue, a back-off and the wire never touches its count; closing abandons (ends) exactly the
 * calls that wait here, once each, and every call that comes after — also when retries race the close. The
 * dispatch target only records: a call it was given is in flight, so it stays open.
 */
class SendQueueTest {
    private ScheduledExecutorService pacer = pacer();
    private final OpenCalls calls = new OpenCalls();
    private final List<OrderCall> sent = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        pacer.shutdownNow();
    }

    private static ScheduledExecutorService pacer() {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "test-pacer");
            t.setDaemon(true);
            return t;
        });
    }

    private SendQueue queue(Duration backoff) {
        return new SendQueue(SenderConfig.builder().restBaseUrl("http://127.0.0.1:1/trade-api/v2").keyId("k")
            .privateKey(TestKeys.PAIR.getPrivate()).rateBudget(false).backoff(backoff, backoff).seed(3).build(),
            pacer, sent::add, calls, c -> false);
    }

    /** A call as the sender accepts it: opened first. */
    private OrderCall open(String clientOrderId) {
        calls.opened();
        return new OrderCall(OrderCall.Kind.CREATE, List.of(new OrderCall.Leg(0, "KX", OrderIntentEvent.CREATE, Codes.BID,
            5_000, 100, OrderIntentEvent.TIF_GTC, (byte) 0, clientOrderId, "", "")), 1, 0L);
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) {
        GatewayHarness.await(what, condition, 5_000);
    }

    @Test
    void aCallMovingBetweenTheWireABackOffAndThePausedQueueStaysOpenThroughout() {
        SendQueue q = queue(Duration.ofMillis(1));
        OrderCall c = open("a");
        q.submit(c, false);
        assertEquals(List.of(c), sent);
        q.retryLater(c, TimeUnit.MILLISECONDS.toNanos(1)); // a 5xx: back-off on the pacer
        assertEquals(1, calls.open());
        await("sent again after its back-off", () -> sent.size() == 2);
        assertEquals(1, calls.open());
        q.throttled(c);                                   // a 429: first in the paused queue
        assertEquals(1, calls.open());
        await("sent again after the pause", () -> sent.size() == 3);
        assertEquals(1, calls.open());
        calls.finished();                                 // its answer ends it (the sender's part)
        assertTrue(calls.none());
        assertEquals(0, calls.abandoned());
    }

    @Test
    void closeAbandonsTheCallsWaitingHereOnceAndEveryCallAfter() {
        SendQueue q = queue(Duration.ofHours(1));
        OrderCall inFlight = open("in-flight");
        q.submit(inFlight, false);
        OrderCall backingOff = open("backing-off");
        q.submit(backingOff, false);
        q.retryLater(backingOff, TimeUnit.HOURS.toNanos(1));
        OrderCall throttled = open("throttled");
        q.submit(throttled, false);
        q.throttled(throttled);                           // pauses everything for up to an hour
        OrderCall behind = open("behind");
        q.submit(behind, false);                          // waits behind the pause
        assertEquals(List.of(inFlight, backingOff, throttled), sent);
        assertEquals(4, calls.open());

        q.close();
        assertEquals(3, calls.abandoned(), "the back-off, the paused and the queued call");
        assertEquals(1, calls.open(), "the call in flight is not the queue's to end");
        q.close();
        assertEquals(3, calls.abandoned(), "closing twice abandons nothing twice");
        pacer.shutdownNow();

        q.throttled(inFlight);                            // its answer, a 429, comes after the close
        q.submit(open("late"), false);
        q.retryLater(open("late-retry"), 0);
        assertEquals(6, calls.abandoned());
        assertEquals(0, calls.open());
        assertEquals(3, sent.size(), "nothing sent after the close");
    }

    @Test
    void retriesRacingTheCloseEachEndOnceEitherSentOrAbandoned() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        long sentTotal = 0;
        long abandonedTotal = 0;
        for (int round = 0; round < 200; round++) {
            pacer.shutdownNow();
            pacer = pacer();
            sent.clear();
            long abandonedBefore = calls.abandoned();
            SendQueue q = queue(Duration.ofMillis(1));
            int n = 20;
            long[] delays = new long[n];
            for (int i = 0; i < n; i++) {
                delays[i] = random.nextLong(0, 50_000);
            }
            Thread retrier = new Thread(() -> {
                for (int i = 0; i < n; i++) {
                    q.retryLater(open("r" + i), delays[i]); // an answer thread backing calls off
                }
            }, "test-retrier");
            retrier.start();
            LockSupport.parkNanos(random.nextLong(0, 100_000));
            q.close();
            pacer.shutdownNow();
            retrier.join(5_000);
            assertTrue(pacer.awaitTermination(5, TimeUnit.SECONDS));
            long abandoned = calls.abandoned() - abandonedBefore;
            assertEquals(n, sent.size() + abandoned, "round " + round + ": every call sent or abandoned, once");
            assertEquals(sent.size(), calls.open(), "round " + round + ": only the calls sent are open");
            sentTotal += sent.size();
            abandonedTotal += abandoned;
            for (int i = sent.size(); i > 0; i--) {
                calls.finished(); // their answers
            }
        }
        assertTrue(sentTotal > 0 && abandonedTotal > 0, "the close raced the retries: " + sentTotal + " sent, "
            + abandonedTotal + " abandoned");
    }
}

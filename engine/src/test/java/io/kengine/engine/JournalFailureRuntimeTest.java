package io.kengine.engine;

import io.kengine.engine.ring.StageMapping;
import io.kengine.engine.ring.UnjournaledIntents;
import io.kengine.gateway.IntentSender;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.TimerEvent;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.Stage;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journal-out writer stops taking writes under a running engine, in every mapping. The engine must keep
 * going: creates refused, cancels sent, and more intents than the outbound ring holds pass through. (Before,
 * in {@code fused} and {@code per-stage} the exception ended the journal-out thread, sending stopped, and the
 * business thread blocked on the full outbound ring.)
 */
class JournalFailureRuntimeTest {
    private static final int AFTER_FAILURE = 300; // > the outbound ring's 64 slots

    @ParameterizedTest
    @EnumSource(StageMapping.class)
    @Timeout(60)
    void aFailingJournalOutRefusesCreatesSendsCancelsAndNeverWedgesTheRings(StageMapping mapping, @TempDir Path dir) {
        AtomicLong sentCreates = new AtomicLong();
        AtomicLong sentCancels = new AtomicLong();
        AtomicLong refusedCreates = new AtomicLong();
        AtomicLong refusedOther = new AtomicLong();
        IntentSender sender = new IntentSender() {
            private final OrderIntentEvent intent = new OrderIntentEvent();

            @Override
            public void send(DirectBuffer buffer, int offset, int length, boolean endOfBatch) {
                intent.wrap(new UnsafeBuffer(buffer, offset, length), 0);
                (intent.legAction(0) == OrderIntentEvent.CREATE ? sentCreates : sentCancels).incrementAndGet();
            }

            @Override
            public void refuse(DirectBuffer buffer, int offset, int length, String reason) {
                intent.wrap(new UnsafeBuffer(buffer, offset, length), 0);
                boolean create = intent.legAction(0) == OrderIntentEvent.CREATE && reason.equals(UnjournaledIntents.REFUSED_REASON);
                (create ? refusedCreates : refusedOther).incrementAndGet();
            }
        };
        EngineOptions options = new EngineOptions(mapping, "blocking", 64, 64, dir, 1, "test");
        try (EngineRuntime runtime = new EngineRuntime(options, new SystemEpochNanoClock(),
            intents -> new Stage[]{intentPerTimer(intents)}, inbound -> sender, () -> true)) {
            runtime.start();
            EventPublisher p = runtime.newInboundPublisher();
            publishTimer(p, 0);
            await(() -> sentCreates.get() == 1 && runtime.counters().journaledOut.get() == 1, "the first create sent");

            runtime.journalOutWriter().close(); // journal-out is idle: the next write finds the journal closed
            for (int i = 1; i <= AFTER_FAILURE; i++) {
                publishTimer(p, i);
            }
            assertTrue(runtime.drain(20_000), "the rings did not drain: a journal failure wedged the engine");
            assertEquals(1, sentCreates.get(), "no create leaves unjournaled");
            assertEquals(AFTER_FAILURE / 2, sentCancels.get(), "every cancel leaves though it is not journaled");
            assertEquals(AFTER_FAILURE / 2, refusedCreates.get(), "every create after the failure is refused");
            assertEquals(0, refusedOther.get());
            assertEquals(AFTER_FAILURE, runtime.journalOutFailures());
            assertEquals(AFTER_FAILURE / 2, runtime.unjournaledIntentsSent());
            assertEquals(AFTER_FAILURE / 2, runtime.unjournaledIntentsRefused());
            assertEquals(0, runtime.outboundConsumerFailures(), "journal-out's failures are handled where they happen");
            assertEquals(AFTER_FAILURE + 1, runtime.counters().intentsPublished.get());
        }
    }

    /** Timer i → one intent: a create when i is even, a cancel when it is odd. */
    private static Stage intentPerTimer(EventPublisher intents) {
        TimerEvent timer = new TimerEvent();
        OrderIntentEvent intent = new OrderIntentEvent();
        UnsafeBuffer id = new UnsafeBuffer(new byte[]{'c', '1'});
        return (slot, endOfBatch) -> {
            if (slot.type() != io.kengine.protocol.event.EventType.TIMER) {
                return;
            }
            timer.wrap(slot.event(), 0);
            long i = timer.timerId();
            intent.wrapForEncode(intents.claim(), 0, 1, slot.sequence(), slot.timestampNanos());
            intent.addLeg(i % 2 == 0 ? OrderIntentEvent.CREATE : OrderIntentEvent.CANCEL, 1, (byte) 1, 5_000, 100,
                OrderIntentEvent.TIF_GTC, (byte) 0, id, 0, 2);
            intents.publish();
        };
    }

    private static void publishTimer(EventPublisher p, int id) {
        new TimerEvent().wrapForEncode(p.claim(), 0, EventSource.TIMER).timerId(id);
        p.publish();
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }
}

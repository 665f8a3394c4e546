package io.kengine.engine.rehearsal;

import io.kengine.engine.BusinessStages;
import io.kengine.engine.EngineOptions;
import io.kengine.engine.EngineRuntime;
import io.kengine.engine.ring.StageMapping;
import io.kengine.gateway.IntentSender;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which runtimes give the business thread idle work, and that an idle engine does run it. */
class RehearsalWiringTest {
    private static final long INTERVAL = TimeUnit.MICROSECONDS.toNanos(500);

    private static EngineRuntime runtime(StageMapping mapping, String wait, long interval) {
        EngineOptions options = new EngineOptions(mapping, wait, 256, 256, null, 1, "paper", interval);
        return new EngineRuntime(options, new SystemEpochNanoClock(), intents -> new BusinessStages(intents).inOrder(),
            in -> (IntentSender) (buffer, offset, length, endOfBatch) -> { }, () -> true);
    }

    @ParameterizedTest
    @CsvSource({
        "SINGLE, phased-backoff, 500, true",
        "FUSED, phased-backoff, 500, true",
        "FUSED, spin-yield, 500, true",
        "FUSED, yielding, 500, true",
        "SINGLE, auto, 500, true",
        "FUSED, phased-backoff, 0, false",   // off in the options
        "PER_STAGE, phased-backoff, 500, false", // four threads: no one thread owns the chain's idle time
        "FUSED, blocking, 500, false",       // Disruptor's blocking wait cannot time out
        "FUSED, busy-spin, 500, false"})
    void idleTimeIsGivenOnlyWhereItCanBeUsed(StageMapping mapping, String wait, long intervalUs, boolean expected) {
        try (EngineRuntime runtime = runtime(mapping, wait, TimeUnit.MICROSECONDS.toNanos(intervalUs))) {
            assertEquals(expected, runtime.rehearseWhenIdle(() -> { }));
        }
    }

    @Test
    void anIdleEngineRunsTheWorkOnItsBusinessThreadAboutOncePerInterval() {
        AtomicLong runs = new AtomicLong();
        Thread[] ranOn = new Thread[1];
        try (EngineRuntime runtime = runtime(StageMapping.FUSED, "phased-backoff", INTERVAL)) {
            assertTrue(runtime.rehearseWhenIdle(() -> {
                ranOn[0] = Thread.currentThread();
                runs.incrementAndGet();
            }));
            runtime.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (runs.get() < 50 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(1_000_000);
            }
            assertTrue(runs.get() >= 50, "idle work ran " + runs.get() + " times");
            assertTrue(ranOn[0].getName().startsWith("kengine-in-"), "ran on " + ranOn[0].getName());
            assertThrows(IllegalStateException.class, () -> runtime.rehearseWhenIdle(() -> { }));
        }
    }
}

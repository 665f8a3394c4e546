package io.kengine.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;

/**
 * Cost per event of getting through the inbound ring: publish a batch of scripted-feed events from
 * this thread, then wait until the last business stage has seen the last one. Throughput of a
 * batch, reported as ns per event. Rows: the raw-Disruptor floor (and the same ring with the engine's
 * multi-producer sequencer), the engine's ring with four empty stages, and the engine's ring with the
 * real book → pricing → risk → orders chain. Each row names its wait strategy; rows with more
 * consumer threads than cores use a strategy that stops spinning.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.EXPORT_NIO, JvmFlags.OPEN_REFLECT, JvmFlags.EXPORT_REF,
    JvmFlags.EXPORT_MISC, JvmFlags.OPEN_LANG, JvmFlags.EXPORT_JAVAC, JvmFlags.NATIVE_ACCESS,
    JvmFlags.NO_ANALYTICS, JvmFlags.QUIET_LOGS, JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX})
public class RingHopBenchmark {
    static final int BATCH = 10_000;
    /** Distinct feed events the producer cycles through (a few MB: beyond L2, as live data would be). */
    static final int RECORDED_EVENTS = 1 << 16;

    @Param({
        "floor:busy-spin",
        "floor:yielding",
        "floor-multi:busy-spin",
        "fused-empty:yielding",
        "fused-empty:phased-backoff",
        "per-stage-empty:phased-backoff",
        "per-stage-empty:blocking",
        "fused-real:yielding",
        "fused-real:phased-backoff",
        "per-stage-real:phased-backoff",
        "per-stage-real:blocking",
    })
    public String config;

    private ScriptedEvents events;
    private RingUnderTest ring;
    private long published;

    @Setup(Level.Trial)
    public void setUp() {
        events = new ScriptedEvents(RECORDED_EVENTS);
        ring = RingConfig.open(config);
        System.out.println("ring under test: " + ring.describe()); // lands in the JMH log next to the row
        // The preamble configures the stages once; the benchmark then cycles through the body.
        ring.publish(events.preamble, events.preamble.count());
        published = events.preamble.count();
        awaitConsumed();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long hop() {
        ring.publish(events.body, BATCH);
        published += BATCH;
        return awaitConsumed();
    }

    private long awaitConsumed() {
        long done;
        // yield, not spin: in most rows there are more runnable threads than cores
        while ((done = ring.consumed()) < published) {
            Thread.yield();
        }
        return done;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        long errors = ring.stageErrors();
        ring.close();
        if (errors != 0) {
            throw new IllegalStateException(config + ": " + errors + " stage errors; the figures are not valid");
        }
    }

    /** Test hooks. */
    RingUnderTest ring() {
        return ring;
    }

    long published() {
        return published;
    }
}

package io.kengine.bench;

import io.kengine.engine.rehearsal.IdleRehearsal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * One idle rehearsal step, warm: the acknowledgement of the last amend and one book delta through the
 * private book → pricing → risk → orders chain, which answers with the next amend. This is what the
 * business thread spends per idle interval, and the most a real event that lands during a step waits.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.EXPORT_NIO, JvmFlags.OPEN_REFLECT, JvmFlags.EXPORT_REF,
    JvmFlags.EXPORT_MISC, JvmFlags.OPEN_LANG, JvmFlags.EXPORT_JAVAC, JvmFlags.NATIVE_ACCESS,
    JvmFlags.NO_ANALYTICS, JvmFlags.QUIET_LOGS, JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX})
public class RehearsalBenchmark {
    private IdleRehearsal rehearsal;

    @Setup
    public void setup() {
        rehearsal = new IdleRehearsal(1, "paper", BenchParameters.entries(), 1_795_000_000_000_000_000L);
    }

    @Benchmark
    public long step() {
        rehearsal.step();
        return rehearsal.intents();
    }
}

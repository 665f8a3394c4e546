package io.kengine.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * ns per order call on a busy book: the simulator's exchange core ({@link ExchangeBook}) against the
 * conventional {@code TreeMap} + {@code ArrayDeque} book ({@link NaiveBook}), both driven by the same
 * {@link OrderFlow} (45% passive, 35% cancel, 20% IoC crossing 1–3 levels, about 1 960 resting orders
 * throughout). One op = one order call.
 *
 * <p>Each iteration starts from a freshly built book (untimed): the exchange keeps every order and fill
 * it ever saw (for REST queries), so without the reset its heap would grow through the whole run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.QUIET_LOGS, JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX})
public class MatchingBenchmark {
    static final long SEED = 0x5EED_1234_ABCDL;

    @State(Scope.Thread)
    public static class ExchangeState {
        final OrderFlow flow = new OrderFlow();

        @Setup(Level.Iteration)
        public void setUp() {
            flow.reset(new ExchangeBook(flow), SEED);
        }
    }

    @State(Scope.Thread)
    public static class NaiveState {
        final OrderFlow flow = new OrderFlow();

        @Setup(Level.Iteration)
        public void setUp() {
            flow.reset(new NaiveBook(flow), SEED);
        }
    }

    @Benchmark
    public void exchange(ExchangeState s) {
        s.flow.step();
    }

    @Benchmark
    public void naiveTreeMap(NaiveState s) {
        s.flow.step();
    }
}

package io.kengine.bench;

import io.kengine.engine.EngineReplay;
import io.kengine.journal.JournalFormat;
import io.kengine.journal.ReplayResult;
import io.kengine.protocol.event.EventHeader;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Replay of a paper-trading journal through the real stages, comparing every intent with the
 * journaled one ({@link EngineReplay#replay}), against the read floor: the same journal's in and
 * out streams read with {@code JournalReader} alone. The primary score is ns per whole replay; the
 * {@code events} row (an aux counter) is ns per inbound event, 1e9 / events-per-second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.EXPORT_NIO, JvmFlags.OPEN_REFLECT, JvmFlags.EXPORT_REF,
    JvmFlags.EXPORT_MISC, JvmFlags.OPEN_LANG, JvmFlags.EXPORT_JAVAC, JvmFlags.NATIVE_ACCESS,
    JvmFlags.NO_ANALYTICS, JvmFlags.QUIET_LOGS, JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX})
public class ReplayThroughputBenchmark {
    /** Feed events the recorded run publishes; the journal holds a few more (session, replies). */
    @Param("1000000")
    public long feedEvents;

    private Path journal;
    private long inboundEvents;
    private final UnsafeBuffer readInto = new UnsafeBuffer(BufferUtil.allocateDirectAligned(EventHeader.MAX_EVENT_LENGTH, 64));

    /** Inbound events handled, per iteration: JMH reports it as time per event. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Events {
        public long events;

        @Setup(Level.Iteration)
        public void reset() {
            events = 0;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        journal = ReplayJournal.write(BenchDirs.create("kengine-replay-"), feedEvents);
        inboundEvents = ReplayJournal.countIn(journal);
        System.out.println("journal to replay: " + inboundEvents + " inbound events, "
            + ReplayJournal.count(journal, JournalFormat.OUT) + " intents"); // lands in the JMH log
    }

    @Benchmark
    public ReplayResult replay(Events counted) {
        ReplayResult result = EngineReplay.replay(journal, Map.of());
        if (!result.identical() || result.events() != inboundEvents) {
            // a replay that stopped early or diverged must not pass for a fast one
            throw new IllegalStateException("replay of " + inboundEvents + " events: " + result.summary());
        }
        counted.events += result.events();
        return result;
    }

    @Benchmark
    public long journalReadFloor(Events counted) {
        long in = ReplayJournal.readAll(journal, JournalFormat.IN, readInto);
        long out = ReplayJournal.readAll(journal, JournalFormat.OUT, readInto);
        counted.events += in;
        return in + out;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        BenchDirs.delete(journal);
    }

    /** Test hooks. */
    Path journal() {
        return journal;
    }

    long inboundEvents() {
        return inboundEvents;
    }
}

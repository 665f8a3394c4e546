package io.kengine.bench;

import io.kengine.journal.JournalFormat;
import io.kengine.journal.JournalWriter;
import io.kengine.protocol.event.EventHeader;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;
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
import java.util.concurrent.TimeUnit;

/**
 * {@link JournalWriter#append} of one event into a journal on disk, against the memory-copy floor:
 * the same bytes copied with {@code UnsafeBuffer.putBytes} into a large off-heap buffer. Run with
 * {@code -prof gc}: the steady-state target is 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.EXPORT_NIO, JvmFlags.OPEN_REFLECT, JvmFlags.EXPORT_REF,
    JvmFlags.EXPORT_MISC, JvmFlags.OPEN_LANG, JvmFlags.EXPORT_JAVAC, JvmFlags.NATIVE_ACCESS,
    JvmFlags.NO_ANALYTICS, JvmFlags.QUIET_LOGS, JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX})
public class JournalAppendBenchmark {
    /**
     * A fresh journal is started (between iterations, untimed) once this much was written, so a run
     * never fills the disk. Opening one allocates, and -prof gc counts that in its iteration.
     */
    static final long ROTATE_AFTER_BYTES = 2L << 30;
    /** Larger than any cache, so the floor pays for cold lines the way the journal's new pages do. */
    static final int FLOOR_BYTES = 256 << 20;

    @Param({"bookDelta", "fullSnapshot"})
    public String event;

    private UnsafeBuffer source;
    private int length;
    private UnsafeBuffer floor;
    private int floorPosition;
    private Path dir;
    private JournalWriter writer;
    private long written;

    @Setup(Level.Trial)
    public void setUp() {
        source = SampleEvents.encode(event);
        length = EventHeader.length(source, 0);
        floor = new UnsafeBuffer(BufferUtil.allocateDirectAligned(FLOOR_BYTES, 64));
        floor.setMemory(0, FLOOR_BYTES, (byte) 0); // touch every page now, not while measuring
        openJournal();
    }

    @Setup(Level.Iteration)
    public void rotateIfLarge() {
        if (written >= ROTATE_AFTER_BYTES) {
            closeJournal();
            openJournal();
        }
    }

    @Benchmark
    public void journalAppend() {
        writer.append(source, 0, length);
        written += length;
    }

    /** journal-in's way: 16 events gathered and written as one document (a ring batch), per event. */
    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(16)
    public void journalStageBatchOf16() {
        for (int i = 0; i < 16; i++) {
            writer.stage(source, 0, length);
        }
        writer.flush();
        written += 16L * length;
    }

    @Benchmark
    public void memoryCopyFloor() {
        if (floorPosition > FLOOR_BYTES - length) {
            floorPosition = 0;
        }
        floor.putBytes(floorPosition, source, 0, length);
        floorPosition += length;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        closeJournal();
    }

    private void openJournal() {
        dir = BenchDirs.create("kengine-journal-append-");
        writer = JournalWriter.open(dir, JournalFormat.IN);
        written = 0;
    }

    private void closeJournal() {
        writer.close();
        BenchDirs.delete(dir);
    }

    /** Test hooks. */
    Path dir() {
        return dir;
    }

    int length() {
        return length;
    }
}

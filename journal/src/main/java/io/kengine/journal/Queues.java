package io.kengine.journal;

import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one place that decides how a stream's Chronicle queue is built, so writer and reader agree. */
final class Queues {
    /**
     * How long a reader waits for a queue file's header to be complete. A live writer completes it
     * within microseconds of creating the file; a header that stays incomplete is corruption, and
     * Chronicle's default wait (seconds, several times over) would only delay saying so.
     */
    private static final long READ_HEADER_TIMEOUT_MS = 500;
    private Queues() {
    }

    static SingleChronicleQueue openForWrite(Path streamDir, TimeProvider time) {
        try {
            return builder(streamDir).timeProvider(time).build();
        } catch (RuntimeException | InternalError | AssertionError e) {
            throw new JournalException("journal stream " + streamDir + ": cannot open for writing: " + describe(e), e);
        }
    }

    static SingleChronicleQueue openForRead(Path streamDir) {
        if (!Files.isDirectory(streamDir)) {
            // checked first: Chronicle would otherwise create an empty queue where the user mistyped a path
            throw new JournalException("journal stream " + streamDir + ": no such directory");
        }
        checkNoEmptyFiles(streamDir);
        try {
            return builder(streamDir).readOnly(true).timeoutMS(READ_HEADER_TIMEOUT_MS).build();
        } catch (RuntimeException | InternalError | AssertionError e) {
            throw new JournalException("journal stream " + streamDir + ": cannot open: " + describe(e), e);
        }
    }

    /** Chronicle silently skips a zero-length cycle file: that would hide a lost day of events. */
    private static void checkNoEmptyFiles(Path streamDir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(streamDir, "*" + SingleChronicleQueue.SUFFIX)) {
            for (Path f : files) {
                if (Files.size(f) == 0) {
                    throw new JournalException("journal stream " + streamDir + ": corrupt queue: file "
                        + f.getFileName() + " is empty (truncated)");
                }
            }
        } catch (IOException e) {
            throw new JournalException("journal stream " + streamDir + ": cannot list queue files: " + e, e);
        }
    }

    private static SingleChronicleQueueBuilder builder(Path streamDir) {
        // one file per UTC day: a session rarely spans two, and dump/replay read across rolls anyway
        return SingleChronicleQueueBuilder.binary(streamDir).rollCycle(RollCycles.FAST_DAILY);
    }

    /** Chronicle messages can span lines; keep the first line and the exception type. */
    static String describe(Throwable e) {
        if (e instanceof InternalError) {
            // how the JVM reports touching a mapped page past the end of a file that was cut short
            return "memory fault reading a queue file (truncated?)";
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int nl = m.indexOf('\n');
        return e.getClass().getSimpleName() + ": " + (nl < 0 ? m : m.substring(0, nl)).trim();
    }
}

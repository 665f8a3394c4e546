package io.kengine.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;

import java.nio.file.Path;

/**
 * Appends raw event bytes to one stream of a journal, one Chronicle document per event.
 * Single-threaded: the journal consumer of a ring owns one writer. Steady-state appends allocate
 * nothing: Chronicle reuses its document context and the bytes are copied memory to memory.
 */
public final class JournalWriter implements AutoCloseable {
    private final Path streamDir;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private long appended;

    private JournalWriter(Path streamDir, SingleChronicleQueue queue) {
        this.streamDir = streamDir;
        this.queue = queue;
        this.appender = queue.createAppender();
    }

    /**
     * Opens {@code dir/stream} for appending, creating the journal on first use.
     *
     * @throws JournalException if the directory belongs to another format or schema version, or cannot be opened
     */
    public static JournalWriter open(Path dir, String stream) {
        return open(dir, stream, SystemTimeProvider.INSTANCE);
    }

    /** Tests set the clock that decides which daily file a record lands in. */
    static JournalWriter open(Path dir, String stream, TimeProvider time) {
        Path streamDir = JournalFormat.streamDir(dir, stream);
        JournalFormat.createOrCheck(dir);
        return new JournalWriter(streamDir, Queues.openForWrite(streamDir, time));
    }

    /** Journals one event exactly as the bytes given (header included). */
    public void append(DirectBuffer buffer, int offset, int length) {
        if (length <= 0 || offset < 0 || offset + length > buffer.capacity()) {
            throw new IllegalArgumentException("append of " + length + " bytes at " + offset
                + " outside a buffer of " + buffer.capacity());
        }
        try (DocumentContext dc = appender.writingDocument()) {
            Bytes<?> bytes = dc.wire().bytes();
            byte[] array = buffer.byteArray();
            if (array == null) {
                bytes.unsafeWrite(buffer.addressOffset() + offset, length);
            } else {
                // on-heap buffers: addressOffset is the Unsafe offset into the array
                bytes.unsafeWriteObject(array, (int) (buffer.addressOffset() + offset), length);
            }
        }
        appended++;
    }

    /** Events appended through this writer (not the stream's total). */
    public long appended() {
        return appended;
    }

    public Path streamDir() {
        return streamDir;
    }

    @Override
    public void close() {
        appender.close();
        queue.close();
    }
}

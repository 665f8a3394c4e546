package io.kengine.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;

/**
 * Appends raw event bytes to one stream of a journal. A Chronicle document holds one or more whole
 * events back to back ({@link JournalReader} splits them by their headers): {@link #append} writes one
 * event as its own document at once; {@link #stage} + {@link #flush} gather a ring batch into one
 * document, which spreads Chronicle's fixed cost per document (~300 ns: write lock, index, header CAS)
 * over the batch. Single-threaded: the journal consumer of a ring owns one writer. Steady-state appends
 * allocate nothing: Chronicle reuses its document context and the bytes are copied memory to memory.
 */
public final class JournalWriter implements AutoCloseable {
    private final Path streamDir;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    /** Largest document {@link #stage} builds; the reader refuses anything longer. */
    public static final int MAX_DOCUMENT_BYTES = 64 * 1024;

    private final UnsafeBuffer staged = new UnsafeBuffer(java.nio.ByteBuffer.allocateDirect(MAX_DOCUMENT_BYTES));
    private int stagedLength;
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
        flush(); // anything staged goes first: the stream keeps the order events were given in
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

    /**
     * Adds one event to the document being gathered; it reaches the journal at the next {@link #flush}
     * (or earlier, when the document is full). Call {@link #flush} at the end of every ring batch.
     */
    public void stage(DirectBuffer buffer, int offset, int length) {
        if (length <= 0 || offset < 0 || offset + length > buffer.capacity() || length > MAX_DOCUMENT_BYTES) {
            throw new IllegalArgumentException("stage of " + length + " bytes at " + offset
                + " outside a buffer of " + buffer.capacity());
        }
        if (stagedLength + length > MAX_DOCUMENT_BYTES) {
            flush();
        }
        staged.putBytes(stagedLength, buffer, offset, length);
        stagedLength += length;
        appended++;
    }

    /** Writes the gathered events as one document; nothing when none is waiting. */
    public void flush() {
        if (stagedLength == 0) {
            return;
        }
        try (DocumentContext dc = appender.writingDocument()) {
            dc.wire().bytes().unsafeWrite(staged.addressOffset(), stagedLength);
        }
        stagedLength = 0;
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
        flush();
        appender.close();
        queue.close();
    }
}

package io.kengine.journal;

import io.kengine.protocol.event.EventHeader;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.file.Path;

/**
 * Reads one stream of a journal from its first record, validating every record as an event of
 * this schema. Any problem (missing files, wrong version, corrupt queue, malformed record) is a
 * {@link JournalException} naming the stream and the record index; Chronicle exceptions never escape.
 * Steady-state reads allocate nothing.
 */
public final class JournalReader implements AutoCloseable {
    private final Path streamDir;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final UnsafeBuffer document = new UnsafeBuffer(new byte[JournalWriter.MAX_DOCUMENT_BYTES]);
    private int documentLength;
    private int documentPosition;
    private long records;

    private JournalReader(Path streamDir, SingleChronicleQueue queue) {
        this.streamDir = streamDir;
        this.queue = queue;
        try {
            this.tailer = queue.createTailer().toStart();
        } catch (RuntimeException | InternalError | AssertionError e) {
            queue.close();
            throw new JournalException("journal stream " + streamDir + ": corrupt queue: " + Queues.describe(e), e);
        }
    }

    /** @throws JournalException if the journal or the stream is missing, of another version, or unreadable */
    public static JournalReader open(Path dir, String stream) {
        Path streamDir = JournalFormat.streamDir(dir, stream);
        JournalFormat.check(dir);
        return new JournalReader(streamDir, Queues.openForRead(streamDir));
    }

    /**
     * Copies the next event to {@code dst} at offset 0.
     *
     * @param dst at least {@link EventHeader#MAX_EVENT_LENGTH} bytes
     * @return false at the end of the stream (for now: a live writer may append more later)
     * @throws JournalException if the record is not a well-formed event or the queue is corrupt
     */
    public boolean next(MutableDirectBuffer dst) {
        if (dst.capacity() < EventHeader.MAX_EVENT_LENGTH) {
            throw new IllegalArgumentException("destination of " + dst.capacity()
                + " bytes is smaller than the largest event (" + EventHeader.MAX_EVENT_LENGTH + ")");
        }
        try {
            return readNext(dst);
        } catch (InternalError e) {
            // the JVM raises a fault on a mapped page past the end of a truncated file asynchronously:
            // it can surface a little after the access that caused it, so it is caught around everything
            throw corrupt(e);
        }
    }

    private boolean readNext(MutableDirectBuffer dst) {
        if (documentPosition >= documentLength) {
            int available = copyNextRecord(document);
            if (available < 0) {
                // Chronicle reports "no document" both at the true end and where it cannot make sense of
                // the data (a header it does not recognise): tell the two apart with the queue's own index
                String suspicion = endSuspicion();
                if (suspicion == null) {
                    return false;
                }
                available = copyNextRecord(document); // a live writer may have completed a record meanwhile
                if (available < 0) {
                    throw new JournalException(where() + ": corrupt queue: " + suspicion);
                }
            }
            documentLength = available;
            documentPosition = 0;
            String problem = walk(available);
            if (problem != null) {
                documentPosition = documentLength; // never hand out part of a broken document
                throw malformed(problem);
            }
        }
        // a document holds one or more whole events back to back (JournalWriter.stage gathers a ring batch)
        int length = EventHeader.length(document, documentPosition);
        dst.putBytes(0, document, documentPosition, length);
        documentPosition += length;
        records++;
        return true;
    }

    /** Checks that the document is whole events exactly; the problem of the first one that is not, or null. */
    private String walk(int available) {
        int position = 0;
        int events = 0;
        while (position < available) {
            int remaining = available - position;
            if (events > 0 && remaining < EventHeader.LENGTH) {
                break; // trailing bytes that cannot be an event
            }
            String problem = EventHeader.validate(document, position, remaining);
            if (problem != null) {
                return events == 0 ? problem : "event " + (events + 1) + " of the record: " + problem;
            }
            position += EventHeader.length(document, position);
            events++;
        }
        if (position != available) {
            return "record holds " + available + " bytes but " + (events == 1 ? "the event says " : "its events account for ")
                + position;
        }
        return null;
    }

    /** @return the record's length, or -1 if no record is available */
    private int copyNextRecord(MutableDirectBuffer dst) {
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return -1;
            }
            Bytes<?> bytes = dc.wire().bytes();
            long remaining = bytes.readRemaining();
            if (remaining > JournalWriter.MAX_DOCUMENT_BYTES) {
                throw malformed("record of " + remaining + " bytes is longer than the largest document ("
                    + JournalWriter.MAX_DOCUMENT_BYTES + ")");
            }
            int available = (int) remaining;
            byte[] array = dst.byteArray();
            if (array == null) {
                bytes.unsafeRead(dst.addressOffset(), available);
            } else {
                bytes.unsafeReadObject(array, (int) dst.addressOffset(), available);
            }
            return available;
        } catch (JournalException e) {
            throw e;
        } catch (RuntimeException | InternalError | AssertionError e) {
            // InternalError: the JVM's report of a fault touching a mapped file that was truncated;
            // AssertionError: Chronicle's own invariants (checked under -ea) broken by corrupt bytes
            throw corrupt(e);
        }
    }

    /** @return null when the queue agrees that nothing is left to read, else why it looks corrupt */
    private String endSuspicion() {
        long first;
        long last;
        try {
            first = queue.firstIndex();
            if (first == Long.MAX_VALUE) {
                return null; // no queue file at all: an empty stream
            }
            last = queue.lastIndex();
        } catch (RuntimeException | InternalError | AssertionError e) {
            throw corrupt(e);
        }
        if (tailer.cycle() == Integer.MIN_VALUE) {
            return "the first queue file (index 0x" + Long.toHexString(first) + ") cannot be read";
        }
        if (last >= tailer.index()) {
            return "reading stopped at index 0x" + Long.toHexString(tailer.index())
                + " but the queue's last index is 0x" + Long.toHexString(last);
        }
        return null;
    }

    /** Records read so far; also the index of the next record. */
    public long records() {
        return records;
    }

    public Path streamDir() {
        return streamDir;
    }

    private JournalException corrupt(Throwable e) {
        return new JournalException(where() + ": corrupt queue: " + Queues.describe(e), e);
    }

    private JournalException malformed(String problem) {
        return new JournalException(where() + ": malformed record: " + problem);
    }

    private String where() {
        return "journal stream " + streamDir + " record " + records;
    }

    @Override
    public void close() {
        tailer.close();
        queue.close();
    }
}

package io.kengine.journal;

import io.kengine.protocol.event.EventHeader;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.MutableDirectBuffer;

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
    private long records;

    private JournalReader(Path streamDir, SingleChronicleQueue queue) {
        this.streamDir = streamDir;
        this.queue = queue;
        try {
            this.tailer = queue.createTailer().toStart();
        } catch (RuntimeException | Error e) {
            queue.close();
            throw new JournalException("journal stream " + streamDir + ": cannot read: " + Queues.describe(e), e);
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
     * @return false at the end of the stream (for now: a live writer may append more later)
     * @throws JournalException if the record is not a well-formed event or the queue is corrupt
     */
    public boolean next(MutableDirectBuffer dst) {
        int available;
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return false;
            }
            Bytes<?> bytes = dc.wire().bytes();
            long remaining = bytes.readRemaining();
            if (remaining > EventHeader.MAX_EVENT_LENGTH) {
                throw malformed("record of " + remaining + " bytes is longer than the largest event ("
                    + EventHeader.MAX_EVENT_LENGTH + ")");
            }
            available = (int) remaining;
            if (available > dst.capacity()) {
                throw new IllegalArgumentException("destination of " + dst.capacity() + " bytes cannot hold a "
                    + available + "-byte record; give it EventHeader.MAX_EVENT_LENGTH");
            }
            byte[] array = dst.byteArray();
            if (array == null) {
                bytes.unsafeRead(dst.addressOffset(), available);
            } else {
                bytes.unsafeReadObject(array, (int) dst.addressOffset(), available);
            }
        } catch (JournalException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException | InternalError e) {
            // InternalError: the JVM's report of a fault while touching a mapped file that shrank
            throw new JournalException(where() + ": corrupt queue: " + Queues.describe(e), e);
        }
        String problem = EventHeader.validate(dst, 0, available);
        if (problem == null && EventHeader.length(dst, 0) != available) {
            problem = "record holds " + available + " bytes but the event says " + EventHeader.length(dst, 0);
        }
        if (problem != null) {
            throw malformed(problem);
        }
        records++;
        return true;
    }

    /** Records read so far; also the index of the next record. */
    public long records() {
        return records;
    }

    public Path streamDir() {
        return streamDir;
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

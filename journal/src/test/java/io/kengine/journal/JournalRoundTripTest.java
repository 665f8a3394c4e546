package io.kengine.journal;

import io.kengine.protocol.event.EventHeader;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void mixedEventsReadBackByteIdentical() {
        List<byte[]> events = TestEvents.mixed(50);
        try (JournalWriter w = JournalWriter.open(dir, JournalFormat.IN)) {
            UnsafeBuffer b = TestEvents.buffer();
            for (byte[] e : events) {
                b.putBytes(0, e);
                w.append(b, 0, e.length);
            }
            assertEquals(events.size(), w.appended());
        }
        assertSameEvents(events, readAll(dir, JournalFormat.IN));
    }

    @Test
    void stagedBatchesOfAnySizeReadBackAsTheSameEventsInOrder() {
        List<byte[]> events = TestEvents.mixed(400);
        long lastBatch = 0;
        try (JournalWriter w = JournalWriter.open(dir, JournalFormat.IN)) {
            UnsafeBuffer b = TestEvents.buffer();
            int i = 0;
            for (byte[] e : events) {
                b.putBytes(0, e);
                w.stage(b, 0, e.length);
                if (++i < 3_000 && (i % 7 == 0 || i % 11 == 0)) { // ring batches of varied sizes, some of one event
                    w.flush();
                }
                if (i >= 3_000) {
                    lastBatch += e.length; // one batch to the end: it fills several documents
                }
                if (i == 200) {
                    w.append(b, 0, e.length); // an unbatched append after a flush keeps the order
                    w.flush();
                }
            }
            // the last batch is flushed by close
        }
        List<byte[]> expected = new java.util.ArrayList<>(events);
        expected.add(200, events.get(199));
        assertTrue(lastBatch > 2L * JournalWriter.MAX_DOCUMENT_BYTES, "the last batch should overflow a document: " + lastBatch);
        assertSameEvents(expected, readAll(dir, JournalFormat.IN));
    }

    @Test
    void onHeapBuffersAtAnOffsetWorkBothWays() {
        List<byte[]> events = TestEvents.mixed(2);
        try (JournalWriter w = JournalWriter.open(dir, JournalFormat.OUT)) {
            UnsafeBuffer heap = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH + 100]);
            for (byte[] e : events) {
                heap.putBytes(37, e);
                w.append(heap, 37, e.length);
            }
        }
        UnsafeBuffer heapDst = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
        try (JournalReader r = JournalReader.open(dir, JournalFormat.OUT)) {
            for (byte[] e : events) {
                assertTrue(r.next(heapDst));
                assertArrayEquals(e, TestEvents.bytes(heapDst));
            }
            assertFalse(r.next(heapDst));
            assertEquals(events.size(), r.records());
        }
    }

    @Test
    void firstOpenWritesPropertiesAndLaterOpensAppend() throws Exception {
        List<byte[]> first = TestEvents.mixed(1);
        List<byte[]> second = TestEvents.mixed(2);
        append(dir, JournalFormat.IN, first);
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve(JournalFormat.PROPERTIES_FILE))) {
            p.load(in);
        }
        assertEquals(Integer.toString(JournalFormat.FORMAT_VERSION), p.getProperty("format.version"));
        assertEquals(Integer.toString(EventHeader.SCHEMA_VERSION), p.getProperty("schema.version"));
        append(dir, JournalFormat.IN, second);
        List<byte[]> all = readAll(dir, JournalFormat.IN);
        assertEquals(first.size() + second.size(), all.size());
        assertSameEvents(first, all.subList(0, first.size()));
        assertSameEvents(second, all.subList(first.size(), all.size()));
    }

    @Test
    void emptyStreamReadsAsEnd() {
        try (JournalWriter w = JournalWriter.open(dir, JournalFormat.IN)) {
            assertEquals(0, w.appended());
        }
        assertEquals(List.of(), readAll(dir, JournalFormat.IN));
    }

    @Test
    void readerSeesRecordsAppendedAfterItReachedTheEnd() {
        List<byte[]> events = TestEvents.mixed(1);
        UnsafeBuffer b = TestEvents.buffer();
        UnsafeBuffer dst = TestEvents.buffer();
        try (JournalWriter w = JournalWriter.open(dir, JournalFormat.IN)) {
            b.putBytes(0, events.get(0));
            w.append(b, 0, events.get(0).length);
            try (JournalReader r = JournalReader.open(dir, JournalFormat.IN)) {
                assertTrue(r.next(dst));
                assertFalse(r.next(dst));
                b.putBytes(0, events.get(1));
                w.append(b, 0, events.get(1).length);
                assertTrue(r.next(dst));
                assertArrayEquals(events.get(1), TestEvents.bytes(dst));
            }
        }
    }

    @Test
    void writerOpenedOnOneThreadAppendsOnAnother() throws Exception {
        // engine/ opens the journal at start-up and appends from the ring's journal consumer thread
        List<byte[]> events = TestEvents.mixed(2);
        Throwable[] failure = new Throwable[1];
        try (JournalWriter w = JournalWriter.open(dir, JournalFormat.IN)) {
            Thread consumer = new Thread(() -> {
                try {
                    UnsafeBuffer b = TestEvents.buffer();
                    for (byte[] e : events) {
                        b.putBytes(0, e);
                        w.append(b, 0, e.length);
                    }
                } catch (Throwable t) {
                    failure[0] = t;
                }
            }, "journal-consumer");
            consumer.start();
            consumer.join(TimeUnit.SECONDS.toMillis(30));
            assertFalse(consumer.isAlive(), "consumer finished");
        }
        assertEquals(null, failure[0]);
        assertSameEvents(events, readAll(dir, JournalFormat.IN));
    }

    @Test
    void readsAcrossDailyRollCycles() throws Exception {
        List<byte[]> events = TestEvents.mixed(3);
        SetTimeProvider time = new SetTimeProvider(TimeUnit.MILLISECONDS.toNanos(TestEvents.T0_MS));
        try (JournalWriter w = JournalWriter.open(dir, JournalFormat.IN, time)) {
            UnsafeBuffer b = TestEvents.buffer();
            for (int i = 0; i < events.size(); i++) {
                if (i > 0 && i % 14 == 0) {
                    time.advanceMillis(TimeUnit.DAYS.toMillis(1));
                }
                b.putBytes(0, events.get(i));
                w.append(b, 0, events.get(i).length);
            }
        }
        try (Stream<Path> files = Files.list(dir.resolve(JournalFormat.IN))) {
            assertEquals(3, files.filter(f -> f.toString().endsWith(".cq4")).count(), "one queue file per day");
        }
        assertSameEvents(events, readAll(dir, JournalFormat.IN));
    }

    static void append(Path dir, String stream, List<byte[]> events) {
        try (JournalWriter w = JournalWriter.open(dir, stream)) {
            UnsafeBuffer b = TestEvents.buffer();
            for (byte[] e : events) {
                b.putBytes(0, e);
                w.append(b, 0, e.length);
            }
        }
    }

    static void assertSameEvents(List<byte[]> expected, List<byte[]> actual) {
        assertEquals(expected.size(), actual.size(), "event count");
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "event " + i);
        }
    }

    static List<byte[]> readAll(Path dir, String stream) {
        UnsafeBuffer dst = TestEvents.buffer();
        List<byte[]> read = new java.util.ArrayList<>();
        try (JournalReader r = JournalReader.open(dir, stream)) {
            while (r.next(dst)) {
                read.add(TestEvents.bytes(dst));
            }
            assertEquals(read.size(), r.records());
        }
        return read;
    }
}

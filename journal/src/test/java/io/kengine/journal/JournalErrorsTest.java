package io.kengine.journal;

import io.kengine.protocol.event.EventHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every way a journal can be wrong ends in a one-line JournalException, never a Chronicle trace. */
class JournalErrorsTest {
    private static final int EVENTS = 1000;

    @TempDir
    Path dir;

    @Test
    void missingDirectoryIsReportedAndNotCreated() {
        Path missing = dir.resolve("no-such-journal");
        JournalException e = assertJournalException(() -> JournalReader.open(missing, JournalFormat.IN));
        assertTrue(e.getMessage().contains("no such directory"), e.getMessage());
        assertFalse(Files.exists(missing), "opening for read must not create the journal");
    }

    @Test
    void directoryWithoutPropertiesIsNotAJournal() throws IOException {
        write(EVENTS);
        Files.delete(dir.resolve(JournalFormat.PROPERTIES_FILE));
        JournalException e = assertJournalException(() -> JournalReader.open(dir, JournalFormat.IN));
        assertTrue(e.getMessage().contains("missing journal.properties"), e.getMessage());
    }

    @Test
    void missingStreamIsReported() {
        write(10);
        JournalException e = assertJournalException(() -> JournalReader.open(dir, JournalFormat.OUT));
        assertTrue(e.getMessage().contains("out: no such directory"), e.getMessage());
        assertFalse(Files.exists(dir.resolve(JournalFormat.OUT)));
    }

    @Test
    void wrongSchemaVersionIsRefusedByReaderAndWriter() throws IOException {
        write(10);
        rewriteProperty("schema.version", "99");
        JournalException r = assertJournalException(() -> JournalReader.open(dir, JournalFormat.IN));
        assertTrue(r.getMessage().contains("schema.version=99 but this build reads schema.version="
            + EventHeader.SCHEMA_VERSION), r.getMessage());
        JournalException w = assertJournalException(() -> JournalWriter.open(dir, JournalFormat.IN));
        assertEquals(r.getMessage(), w.getMessage());
    }

    @Test
    void wrongFormatVersionIsRefused() throws IOException {
        write(10);
        rewriteProperty("format.version", "3");
        JournalException e = assertJournalException(() -> JournalReader.open(dir, JournalFormat.IN));
        assertTrue(e.getMessage().contains("format.version=3 but this build reads format.version 1 to 2"), e.getMessage());
    }

    @Test
    void formatOneJournalsAreReadableButNotAppendable() throws IOException {
        write(10); // one event per record: exactly what format 1 wrote
        rewriteProperty("format.version", "1");
        UnsafeBuffer dst = TestEvents.buffer();
        int read = 0;
        try (JournalReader r = JournalReader.open(dir, JournalFormat.IN)) {
            while (r.next(dst)) {
                read++;
            }
        }
        assertEquals(10, read);
        JournalException e = assertJournalException(() -> JournalWriter.open(dir, JournalFormat.IN));
        assertTrue(e.getMessage().contains("format.version=1 but this build reads format.version=2"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 100, 1000, 20_000})
    void truncatedQueueFileIsCorrupt(long size) throws IOException {
        write(EVENTS);
        try (RandomAccessFile f = new RandomAccessFile(queueFile().toFile(), "rw")) {
            f.setLength(size);
        }
        JournalException e = assertJournalException(this::readEverything);
        assertTrue(e.getMessage().contains("corrupt queue"), e.getMessage());
    }

    @Test
    void fileTruncatedInsideTheDataFailsAtTheCutRecord() throws IOException {
        write(EVENTS);
        long at = offsetOfRecord(EVENTS / 2);
        try (RandomAccessFile f = new RandomAccessFile(queueFile().toFile(), "rw")) {
            f.setLength(at + 20);
        }
        JournalException e = assertJournalException(this::readEverything);
        // the cut record's tail reads as zeros from the page cache (no checksum can tell); the next one fails
        int half = EVENTS / 2;
        assertTrue(e.getMessage().contains("record " + half + ":") || e.getMessage().contains("record " + (half + 1) + ":"),
            e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 64, 1, 2, 3})
    void garbageInTheQueueIsCorrupt(int where) throws IOException {
        write(EVENTS);
        // 0 and 64: the file's own header; 1..3: Chronicle's header of a record in the middle
        long at = where == 0 || where == 64 ? where : offsetOfRecord(EVENTS / 4 * where) - 4;
        byte[] garbage = new byte[256];
        new Random(where).nextBytes(garbage);
        try (FileChannel ch = FileChannel.open(queueFile(), StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(garbage), at);
        }
        JournalException e = assertJournalException(this::readEverything);
        assertTrue(e.getMessage().contains("corrupt queue") || e.getMessage().contains("malformed record"),
            e.getMessage());
    }

    @Test
    void malformedEventInsideAValidRecordNamesTheRecord() throws IOException {
        write(EVENTS);
        long at = offsetOfRecord(123);
        ByteBuffer type = ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort(0, (short) 999);
        try (FileChannel ch = FileChannel.open(queueFile(), StandardOpenOption.WRITE)) {
            ch.write(type, at + EventHeader.TYPE_OFFSET);
        }
        JournalException e = assertJournalException(this::readEverything);
        assertTrue(e.getMessage().endsWith(" record 123: malformed record: unknown event type 999"), e.getMessage());
    }

    @Test
    void recordsThatAreNotEventsAreMalformed() {
        UnsafeBuffer b = TestEvents.buffer();
        int length = TestEvents.timer(b, 1, 0);
        try (JournalWriter w = JournalWriter.open(dir, JournalFormat.IN)) {
            w.append(b, 0, length);
            w.append(b, 0, length + 8); // trailing bytes the event does not account for
            w.append(new UnsafeBuffer(new byte[2000]), 0, 2000);
        }
        UnsafeBuffer dst = TestEvents.buffer();
        try (JournalReader r = JournalReader.open(dir, JournalFormat.IN)) {
            assertTrue(r.next(dst));
            JournalException e = assertJournalException(() -> r.next(dst));
            assertTrue(e.getMessage().endsWith("record 1: malformed record: record holds " + (length + 8)
                + " bytes but the event says " + length), e.getMessage());
        }
        try (JournalReader r = JournalReader.open(dir, JournalFormat.IN)) {
            r.next(dst);
            assertThrows(JournalException.class, () -> r.next(dst));
            JournalException e = assertJournalException(() -> r.next(dst));
            // a record may hold several events (a journal-in batch), so 2000 bytes is a legal size: its first event is not
            assertTrue(e.getMessage().contains("record 1: malformed record: event length 0 outside"), e.getMessage());
        }
        try (JournalWriter w = JournalWriter.open(dir.resolve("big"), JournalFormat.IN)) {
            w.append(new UnsafeBuffer(new byte[JournalWriter.MAX_DOCUMENT_BYTES + 8]), 0, JournalWriter.MAX_DOCUMENT_BYTES + 8);
        }
        try (JournalReader r = JournalReader.open(dir.resolve("big"), JournalFormat.IN)) {
            JournalException e = assertJournalException(() -> r.next(dst));
            assertTrue(e.getMessage().contains("record 0: malformed record: record of " + (JournalWriter.MAX_DOCUMENT_BYTES + 8)
                + " bytes is longer than the largest document"), e.getMessage());
        }
    }

    @Test
    void aBrokenEventInsideABatchedRecordFailsTheRecordBeforeAnyOfItIsRead() {
        UnsafeBuffer b = TestEvents.buffer();
        int length = TestEvents.timer(b, 1, 0);
        try (JournalWriter w = JournalWriter.open(dir, JournalFormat.IN)) {
            w.stage(b, 0, length);
            w.stage(b, 0, length);
            w.flush();
            w.stage(b, 0, length);
            b.putShort(EventHeader.TYPE_OFFSET, (short) 999);
            w.stage(b, 0, length);
            w.flush();
        }
        UnsafeBuffer dst = TestEvents.buffer();
        try (JournalReader r = JournalReader.open(dir, JournalFormat.IN)) {
            assertTrue(r.next(dst));
            assertTrue(r.next(dst));
            JournalException e = assertJournalException(() -> r.next(dst));
            assertTrue(e.getMessage().endsWith("record 2: malformed record: event 2 of the record: unknown event type 999"),
                e.getMessage());
        }
    }

    /** The message is one line naming the journal; Chronicle exception types never escape. */
    private static JournalException assertJournalException(Executable action) {
        JournalException e = assertThrows(JournalException.class, action);
        assertFalse(e.getMessage().contains("\n"), "one-line message: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("journal "), e.getMessage());
        return e;
    }

    private void write(int events) {
        UnsafeBuffer b = TestEvents.buffer();
        try (JournalWriter w = JournalWriter.open(dir, JournalFormat.IN)) {
            for (int i = 0; i < events; i++) {
                int length = TestEvents.delta(b, TestEvents.MARKET, 5600, 100, 1_000_000 + i);
                TestEvents.stamp(b, i, TestEvents.T0 + i);
                w.append(b, 0, length);
            }
        }
    }

    private void readEverything() {
        UnsafeBuffer dst = TestEvents.buffer();
        try (JournalReader r = JournalReader.open(dir, JournalFormat.IN)) {
            while (r.next(dst)) {
                // read to the end
            }
        }
    }

    private Path queueFile() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve(JournalFormat.IN))) {
            List<Path> cq4 = files.filter(f -> f.toString().endsWith(".cq4")).toList();
            assertEquals(1, cq4.size(), "one queue file");
            return cq4.get(0);
        }
    }

    /** File offset of record i's event bytes, found by its unique exchange sequence. */
    private long offsetOfRecord(int i) throws IOException {
        UnsafeBuffer probe = TestEvents.buffer();
        int length = TestEvents.delta(probe, TestEvents.MARKET, 5600, 100, 1_000_000 + i);
        TestEvents.stamp(probe, i, TestEvents.T0 + i);
        byte[] pattern = new byte[length];
        probe.getBytes(0, pattern);
        try (FileChannel ch = FileChannel.open(queueFile(), StandardOpenOption.READ)) {
            ByteBuffer data = ByteBuffer.allocate((int) Math.min(ch.size(), 4 << 20));
            ch.read(data, 0);
            byte[] bytes = data.array();
            outer:
            for (int at = 0; at + length <= bytes.length; at++) {
                for (int k = 0; k < length; k++) {
                    if (bytes[at + k] != pattern[k]) {
                        continue outer;
                    }
                }
                return at;
            }
        }
        throw new AssertionError("record " + i + " not found in the queue file");
    }

    private void rewriteProperty(String key, String value) throws IOException {
        Path file = dir.resolve(JournalFormat.PROPERTIES_FILE);
        List<String> lines = Files.readAllLines(file);
        lines.replaceAll(l -> l.startsWith(key + "=") ? key + "=" + value : l);
        Files.write(file, lines);
    }
}

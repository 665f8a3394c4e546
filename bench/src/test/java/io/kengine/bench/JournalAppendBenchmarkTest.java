package io.kengine.bench;

import io.kengine.journal.JournalFormat;
import io.kengine.journal.JournalReader;
import io.kengine.protocol.event.EventHeader;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalAppendBenchmarkTest {
    @Test
    void sampleEventsAreValidEventsOfTheAdvertisedSizes() {
        UnsafeBuffer delta = SampleEvents.encode("bookDelta");
        UnsafeBuffer snapshot = SampleEvents.encode("fullSnapshot");
        assertNull(EventHeader.validate(delta, 0, EventHeader.MAX_EVENT_LENGTH));
        assertNull(EventHeader.validate(snapshot, 0, EventHeader.MAX_EVENT_LENGTH));
        assertEquals(80, EventHeader.length(delta, 0));
        assertEquals(1016, EventHeader.length(snapshot, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bookDelta", "fullSnapshot"})
    void appendedEventsReadBackIntactAndTheJournalIsRemoved(String event) {
        JournalAppendBenchmark bench = new JournalAppendBenchmark();
        bench.event = event;
        bench.setUp();
        Path dir = bench.dir();
        try {
            for (int i = 0; i < 1000; i++) {
                bench.journalAppend();
                bench.memoryCopyFloor();
            }
            UnsafeBuffer expected = SampleEvents.encode(event);
            UnsafeBuffer read = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
            try (JournalReader reader = JournalReader.open(dir, JournalFormat.IN)) {
                int n = 0;
                while (reader.next(read)) {
                    assertEquals(bench.length(), EventHeader.length(read, 0));
                    for (int i = 0; i < bench.length(); i++) {
                        assertEquals(expected.getByte(i), read.getByte(i), "byte " + i + " of record " + n);
                    }
                    n++;
                }
                assertEquals(1000, n);
            }
        } finally {
            bench.tearDown();
        }
        assertFalse(Files.exists(dir), "the benchmark left its journal behind");
    }

    @Test
    void steadyStateAppendsAllocateNothingOnTheAppendingThread() {
        JournalAppendBenchmark bench = new JournalAppendBenchmark();
        bench.event = "bookDelta";
        bench.setUp();
        try {
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            for (int i = 0; i < 200_000; i++) {
                bench.journalAppend();
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 200_000; i++) {
                bench.journalAppend();
            }
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            // a little slack for the JIT's own bookkeeping; a per-append allocation would be >= 3 MB here
            assertTrue(allocated < 64 * 1024, "200 000 appends allocated " + allocated + " bytes");
        } finally {
            bench.tearDown();
        }
    }
}

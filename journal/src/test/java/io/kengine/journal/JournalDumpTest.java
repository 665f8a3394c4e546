package io.kengine.journal;

import io.kengine.protocol.event.EventType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalDumpTest {
    @TempDir
    Path dir;

    @Test
    void mergesStreamsByTimestampWithTheCauseFirst() {
        journal();
        List<String> lines = dump(0);
        // session start, config, 3 deltas (each followed by its intent), trade, timer
        assertEquals(10, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("IN  seq=0 t=2026-11-21T10:00:00.000001000Z SessionStart run=7 "), lines.get(0));
        assertTrue(lines.get(1).startsWith("IN  seq=1 "), lines.get(1));
        assertTrue(lines.get(1).contains("ConfigChange rev=1 key=test.size value=2.00"), lines.get(1));
        assertEquals("IN  seq=2 t=2026-11-21T10:00:00.000003000Z BookDelta market=3 side=yes price=0.5000 delta=5.00"
            + " exseq=100 sub=1 xt=2026-11-21T10:00:00.000Z src=feed", lines.get(2));
        assertEquals("OUT seq=0 t=2026-11-21T10:00:00.000003000Z OrderIntent market=3 cause=2 group=0 legs=1"
            + " [0: create market=3 side=bid price=0.5000 count=2.00 tif=good_till_canceled post_only coid=r7-0]"
            + " src=orders-stage", lines.get(3));
        assertTrue(lines.get(4).startsWith("IN  seq=3 ") && lines.get(4).contains(" Trade "), lines.get(4));
        assertTrue(lines.get(5).startsWith("IN  seq=4 ") && lines.get(5).contains(" Timer "), lines.get(5));
        assertTrue(lines.get(6).startsWith("IN  seq=5 ") && lines.get(6).contains(" BookDelta "), lines.get(6));
        assertTrue(lines.get(7).startsWith("OUT seq=1 ") && lines.get(7).contains(" cause=5 "), lines.get(7));
    }

    @Test
    void limitAndTypeFilter() {
        journal();
        assertEquals(3, dump(3).size());
        List<String> intents = dump(0, EventType.ORDER_INTENT);
        assertEquals(3, intents.size());
        assertTrue(intents.stream().allMatch(l -> l.startsWith("OUT ")), String.join("\n", intents));
        List<String> some = dump(2, EventType.BOOK_DELTA, EventType.TRADE);
        assertEquals(2, some.size());
        assertTrue(some.get(0).contains(" BookDelta ") && some.get(1).contains(" Trade "), String.join("\n", some));
    }

    @Test
    void typeFilterByName() {
        journal();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            assertEquals(1, JournalDump.dump(dir, out, 0, "trade"));
            assertEquals(10, JournalDump.dump(dir, out, 0, (String) null));
            assertThrows(IllegalArgumentException.class, () -> JournalDump.dump(dir, out, 0, "Trades"));
        }
        assertTrue(bytes.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow().contains(" Trade "));
    }

    @Test
    void typeNamesResolveCaseInsensitively() {
        assertEquals(EventType.BOOK_DELTA, JournalDump.typeCode("bookdelta"));
        assertEquals(EventType.ORDER_INTENT, JournalDump.typeCode("OrderIntent"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> JournalDump.typeCode("Quote"));
        assertTrue(e.getMessage().startsWith("unknown event type 'Quote'; known types: MarketDefinition, BookSnapshot,"),
            e.getMessage());
    }

    @Test
    void missingJournalIsAJournalException() {
        JournalException e = assertThrows(JournalException.class, () -> dump(0));
        assertTrue(e.getMessage().contains("missing journal.properties"), e.getMessage());
    }

    private void journal() {
        try (SimulatedEngine engine = new SimulatedEngine(dir, QuotingPipeline.factory())) {
            engine.startSession(7);
            engine.config(QuotingPipeline.SIZE_KEY, "2.00");
            engine.marketData(3, 100);
        }
    }

    private List<String> dump(long limit, short... types) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long printed;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            printed = JournalDump.dump(dir, out, limit, types);
        }
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(printed, lines.size());
        return lines;
    }
}

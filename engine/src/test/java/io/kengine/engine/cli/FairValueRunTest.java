package io.kengine.engine.cli;

import io.kengine.journal.JournalFormat;
import io.kengine.journal.JournalReader;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.FairValueEvent;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A fair value written to the configured file by an outside model reaches the running engine as a
 * journaled FairValue event for the right market, and the run still replays identically.
 */
class FairValueRunTest {

    @Test
    void aWatchedFileBecomesJournaledFairValueEvents(@TempDir Path dir) throws Exception {
        Path values = dir.resolve("fair-values.jsonl");
        Files.writeString(values, "{\"market\":\"KXSIM-26DEC31-T1\",\"probability\":0.61,\"confidence\":0.8,"
            + "\"model_version\":\"test-v1\",\"lifetime_ms\":30000}\n");
        Path config = dir.resolve("engine.yaml");
        Files.writeString(config, "engine:\n  runMode: paper\n  environment: sim\n  control:\n    enabled: false\n"
            + "  metrics:\n    enabled: false\n"
            + "feed:\n  source: simulator\n  simulator:\n    markets: 2\n  fairValue:\n    file: " + values + "\n");
        Path journal = dir.resolve("journal");
        assertEquals(ExitCodes.OK, Main.execute("run", "--config", config.toString(), "--duration", "3s",
            "--journal-dir", journal.toString(), "--quiet"));

        List<String> seen = new ArrayList<>();
        UnsafeBuffer b = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
        FairValueEvent fv = new FairValueEvent();
        try (JournalReader reader = JournalReader.open(journal, JournalFormat.IN)) {
            while (reader.next(b)) {
                if (EventHeader.type(b, 0) == EventType.FAIR_VALUE) {
                    fv.wrap(b, 0);
                    seen.add(fv.marketId() + ":" + fv.fairPrice() + ":" + fv.confidenceBps() + ":" + fv.sourceName());
                }
            }
        }
        assertTrue(!seen.isEmpty(), "no FairValue event journaled");
        assertEquals("1:6100:8000:test-v1", seen.get(0));
        assertEquals(ExitCodes.OK, Main.execute("replay", journal.toString()));
    }
}

package io.kengine.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The CLI end to end: run, replay, what-if replay, dump, and the documented exit codes. */
class MainTest {

    @Test
    void runThenReplayIsIdenticalAndAWhatIfDiverges(@TempDir Path dir) {
        Path journal = dir.resolve("j");
        assertEquals(ExitCodes.OK, Main.execute("run", "--feed", "scripted", "--events", "3000", "--journal-dir", journal.toString(), "--quiet",
            "--cancel-timeout", "300ms"));
        assertEquals(ExitCodes.OK, Main.execute("replay", journal.toString()));
        assertEquals(ExitCodes.DIVERGENCE, Main.execute("replay", journal.toString(), "--set", "pricing.m0.edge=0.0500"));
        assertEquals(ExitCodes.DIVERGENCE, Main.execute("replay", journal.toString(), "--set", "pricing.m0.edgy=0.0500"),
            "an override key the journal never had must not pass silently");
        assertEquals(ExitCodes.OK, Main.execute("journal", "dump", journal.toString(), "--limit", "5"));
        assertEquals(ExitCodes.USAGE, Main.execute("journal", "dump", journal.toString(), "--type", "NoSuchType"));
    }

    @Test
    void simulatorStartsWithAGeneratedKeyAndStops(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("client.pem");
        assertEquals(ExitCodes.OK, Main.execute("sim", "--port", "0", "--markets", "2", "--write-key", key.toString(),
            "--duration", "500ms"));
        String pem = Files.readString(key);
        assertEquals(true, pem.startsWith("-----BEGIN PRIVATE KEY-----"), pem.substring(0, 30));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        assertEquals(ExitCodes.USAGE, Main.execute("sim", "--markets", "0"));
        assertEquals(ExitCodes.USAGE, Main.execute("sim", "--port", "0", "--fault", "skipSeq=many", "--duration", "100ms"));
        assertEquals(ExitCodes.OK, Main.execute("sim", "--port", "0", "--fault", "failRest=503x2", "--duration", "100ms"));
    }

    @Test
    void unreadableJournalsAndBadConfigsGetTheirExitCodes(@TempDir Path dir) throws Exception {
        assertEquals(ExitCodes.JOURNAL, Main.execute("replay", dir.resolve("missing").toString()));
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "engine:\n  runMode: paper\n  environment: sim\n  ring:\n    inboundSize: 1000\n");
        assertEquals(ExitCodes.CONFIG, Main.execute("run", "--config", bad.toString(), "--events", "10"));
        assertEquals(ExitCodes.USAGE, Main.execute("run", "--feed", "carrier-pigeon", "--duration", "1s"));
        assertEquals(ExitCodes.USAGE, Main.execute("run", "--feed", "simulator", "--events", "10"));
        assertEquals(ExitCodes.USAGE, Main.execute("run", "--duration", "soon"));
        assertEquals(ExitCodes.USAGE, Main.execute("no-such-command"));
    }
}

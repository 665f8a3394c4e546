package io.kengine.feed.fairvalue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file input: re-read on change, complete lines only, bad lines skipped, unchanged content silent. */
class FairValueFileWatcherTest {
    private static final long NOW = 1_790_000_000_000_000_000L;
    private final RecordingEvents events = new RecordingEvents();
    private final Map<String, Integer> ids = Map.of("KX-A", 1, "KX-B", 2);
    private final FairValuePublisher publisher = new FairValuePublisher(events,
        t -> ids.getOrDefault(t, FairValueMarkets.UNKNOWN), () -> NOW, 60_000, 600_000);

    @TempDir
    Path dir;

    private void replace(Path file, String content) throws Exception {
        Path tmp = dir.resolve("fv.tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5); // polling a condition with a deadline, not sleeping for luck
        }
    }

    @Test
    void publishesEachChangedVersionOfTheFile() throws Exception {
        Path file = dir.resolve("fair-values.csv");
        replace(file, "market,probability,confidence,model_version,lifetime_ms\nKX-A,0.40,0.9,v1,1000\nKX-B,0.60,0.9,v1\n");
        try (FairValueFileWatcher w = FairValueFileWatcher.start(file, publisher, 50)) {
            assertEquals(2, events.await(2, 10_000));
            assertEquals(1, events.get(0).marketId());
            assertEquals(4000, events.get(0).fairPrice());
            assertEquals(NOW + 1_000_000_000L, events.get(0).expiresAtNanos());
            assertEquals(6000, events.get(1).fairPrice());

            replace(file, "{\"market\":\"KX-A\",\"probability\":0.45,\"confidence\":0.9,\"model_version\":\"v2\"}\n");
            assertEquals(3, events.await(3, 10_000));
            assertEquals(4500, events.get(2).fairPrice());
            assertEquals("v2", events.get(2).sourceName());

            // the same content again (a touch): read, found unchanged, nothing published
            long unchanged = w.unchangedReads();
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + 5_000));
            await(() -> w.unchangedReads() > unchanged, "an unchanged re-read");
            assertEquals(3, events.count());
            assertNull(events.problem());
        }
    }

    @Test
    void badLinesAreSkippedAndAHalfWrittenLastLineWaits() throws Exception {
        Path file = dir.resolve("fv.jsonl");
        try (FairValueFileWatcher w = FairValueFileWatcher.start(file, publisher, 50)) {
            replace(file, "KX-A,0.30,0.9,v1\nKX-A,7,0.9,v1\nKX-NOPE,0.5,0.9,v1\nKX-B,0.70,0.9,v1\nKX-B,0.7");
            assertEquals(2, events.await(2, 10_000));
            await(() -> w.badLines() == 2, "two bad lines counted");
            assertEquals(3000, events.get(0).fairPrice());
            assertEquals(7000, events.get(1).fairPrice());
            assertTrue(w.lastError().contains("unknown market KX-NOPE"), w.lastError());
            replace(file, "KX-B,0.75,0.9,v1\n");
            assertEquals(3, events.await(3, 10_000));
            assertEquals(7500, events.get(2).fairPrice());
        }
    }
}

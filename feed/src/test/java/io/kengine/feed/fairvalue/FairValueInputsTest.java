package io.kengine.feed.fairvalue;

import io.kengine.feed.connection.MarketRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Both inputs started together over one publisher, with the feed's own registry as the ticker mapping. */
class FairValueInputsTest {
    @TempDir
    Path dir;

    @Test
    void httpAndFileShareOnePublisherAndTheRegistry() throws Exception {
        MarketRegistry registry = new MarketRegistry(8);
        registry.add("KX-A");
        int b = registry.add("KX-B");
        RecordingEvents events = new RecordingEvents();
        Path file = dir.resolve("fv.csv");
        FairValueInputs.Settings settings = new FairValueInputs.Settings(0, file, 50, 60_000, 600_000);
        try (FairValueInputs inputs = FairValueInputs.start(settings, events, FairValueMarkets.of(registry), () -> 42L)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + inputs.server().port() + FairValueHttpServer.PATH))
                .POST(HttpRequest.BodyPublishers.ofString("KX-B,0.61,0.7,v9\n")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(1, events.await(1, 10_000));
            Path tmp = dir.resolve("fv.tmp");
            Files.writeString(tmp, "KX-A,0.20,0.7,v9,1\n");
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            assertEquals(2, events.await(2, 10_000));
            assertEquals(b, events.get(0).marketId());
            assertEquals(6100, events.get(0).fairPrice());
            assertEquals(0, events.get(1).marketId());
            assertEquals(42L + 1_000_000L, events.get(1).expiresAtNanos());
            assertEquals(2, inputs.publisher().published());
            assertNull(events.problem());
        }
        assertThrows(IllegalArgumentException.class,
            () -> FairValueInputs.start(new FairValueInputs.Settings(-1, null, 50, 0, 10), events, t -> 0, () -> 0L));
    }
}

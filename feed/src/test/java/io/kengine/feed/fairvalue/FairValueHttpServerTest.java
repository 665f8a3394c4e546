package io.kengine.feed.fairvalue;

import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.FairValueEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP input on 127.0.0.1, port 0, against a recording publisher. */
class FairValueHttpServerTest {
    private static final long NOW = 1_790_000_000_000_000_000L;
    private final RecordingEvents events = new RecordingEvents();
    private final Map<String, Integer> ids = Map.of("KXFED-26DEC-T3.00", 7, "KX-B", 9);
    private final FairValuePublisher publisher = new FairValuePublisher(events,
        t -> ids.getOrDefault(t, FairValueMarkets.UNKNOWN), () -> NOW, 60_000, 600_000);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private FairValueHttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> post(String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/fair-value"))
            .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void bindsToLoopbackOnlyAndPublishesFairValueEvents() throws Exception {
        server = FairValueHttpServer.start(0, publisher);
        assertTrue(server.address().getAddress().isLoopbackAddress());
        assertTrue(server.port() > 0);
        HttpResponse<String> r = post("{\"market\":\"KXFED-26DEC-T3.00\",\"probability\":0.56,\"confidence\":0.8,"
            + "\"model_version\":\"fed-v3\",\"lifetime_ms\":30000}\n"
            + "{\"market\":\"KX-B\",\"probability\":0.1,\"confidence\":1,\"model_version\":\"fed-v3\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("{\"accepted\":2}", r.body());
        assertEquals(2, events.await(2, 5_000));
        FairValueEvent e = events.get(0);
        assertEquals(EventType.FAIR_VALUE, e.type());
        assertEquals(7, e.marketId());
        assertEquals(EventSource.FAIR_VALUE, e.source());
        assertEquals(5600, e.fairPrice());
        assertEquals(8000, e.confidenceBps());
        assertEquals(NOW + 30_000_000_000L, e.expiresAtNanos());
        assertEquals(FairValueEvent.SOURCE_MODEL, e.sourceKind());
        assertEquals("fed-v3", e.sourceName());
        assertEquals(NOW + 60_000_000_000L, events.get(1).expiresAtNanos(), "default lifetime");
        assertNull(events.problem());
    }

    @Test
    void oneBadRecordRejectsTheWholeBody() throws Exception {
        server = FairValueHttpServer.start(0, publisher);
        HttpResponse<String> r = post("KX-B,0.5,0.9,v1\nKX-B,1.5,0.9,v1\n");
        assertEquals(400, r.statusCode());
        assertEquals("{\"error\":\"line 2: probability 1.5 is outside [0, 1]\"}", r.body());
        r = post("KX-B,0.5,0.9,v1\nKX-UNKNOWN,0.5,0.9,v1\n");
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("unknown market KX-UNKNOWN"), r.body());
        r = post("KX-B,0.5,0.9,v1,99999999\n");
        assertEquals(400, r.statusCode(), "lifetime above the maximum");
        assertEquals(0, events.count());
        r = post("KX-B,0.5,0.9,v1\n");
        assertEquals(200, r.statusCode());
        assertEquals(1, events.await(1, 5_000));
        HttpResponse<String> status = client.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/fair-value/status")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("{\"published\":1,\"rejected\":3}", status.body());
    }

    @Test
    void wrongMethodPathOrSizeIsRefused() throws Exception {
        server = FairValueHttpServer.start(0, publisher);
        HttpResponse<String> get = client.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/fair-value")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, get.statusCode());
        HttpResponse<String> other = client.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + server.port() + "/fair-value-x")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, other.statusCode());
        assertEquals(400, post("").statusCode(), "no records");
        assertEquals(413, post("#".repeat(FairValueHttpServer.MAX_BODY + 1)).statusCode());
        assertEquals(0, events.count());
    }
}

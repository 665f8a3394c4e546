package io.kengine.engine.ops;

import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.OperatorCommandEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The control endpoint on 127.0.0.1 (port 0), driven by the same client the CLI uses. */
class ControlServerTest {
    private final RecordingPublisher ring = new RecordingPublisher();
    private final OperatorCommands commands = new OperatorCommands(ring);
    private final AtomicInteger stops = new AtomicInteger();
    private ControlServer server;
    private ControlClient client;

    @BeforeEach
    void start() throws Exception {
        MarketResolver markets = new MarketResolver(t -> t.equals("KXA") ? 2 : -1);
        server = ControlServer.start(0, commands, markets, () -> StatusFixtures.sample(commands.halted(), 0, 0),
            () -> "kengine_up 1\n", () -> new StrategyReloader.Result(true, 2, Map.of("pricing.m0.edge", "0.0300"), List.of(), null));
        server.onStop(stops::incrementAndGet);
        client = new ControlClient(server.port());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static Map<String, String> params(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void commandsArePublishedAsOperatorEvents() throws Exception {
        ControlClient.Response r = client.post("/halt", params("reason", "news & spikes"));
        assertEquals(200, r.status(), r.body());
        assertTrue(r.body().contains("\"command\":\"halt\",\"market\":\"all\""), r.body());
        r = client.post("/cancel-all", params("market", "KXA", "reason", "wide"));
        assertEquals(200, r.status(), r.body());
        r = client.post("/flatten", params("market", "#9"));
        assertEquals(200, r.status(), r.body());

        OperatorCommandEvent e = new OperatorCommandEvent();
        assertEquals(3, ring.events().size());
        e.wrap(ring.events().get(0), 0);
        assertEquals(OperatorCommandEvent.HALT, e.command());
        assertEquals(EventHeader.NO_MARKET, e.marketId());
        assertEquals("news & spikes", e.reason());
        e.wrap(ring.events().get(1), 0);
        assertEquals(OperatorCommandEvent.CANCEL_ALL, e.command());
        assertEquals(2, e.marketId());
        e.wrap(ring.events().get(2), 0);
        assertEquals(OperatorCommandEvent.FLATTEN, e.command());
        assertEquals(9, e.marketId());

        r = client.get("/status", params("format", "line"));
        assertEquals(200, r.status());
        assertTrue(r.body().contains("HALTED: operator: test"), r.body());
        assertTrue(client.post("/resume", Map.of()).ok());
        assertFalse(client.get("/status", params("format", "line")).body().contains("HALTED"));
    }

    @Test
    void badRequestsPublishNothing() throws Exception {
        assertEquals(400, client.post("/halt", params("market", "NOPE")).status());
        assertEquals(400, client.post("/halt", params("reason", "r".repeat(200))).status());
        assertEquals(405, client.get("/halt", Map.of()).status());
        assertEquals(405, client.post("/status", Map.of()).status());
        assertEquals(404, client.post("/explode", Map.of()).status());
        assertEquals(400, client.get("/status", params("format", "xml")).status());
        assertEquals(0, ring.claims());
    }

    @Test
    void requestsFromABrowserPageAreRefused() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/halt"))
            .header("Origin", "http://evil.example").POST(HttpRequest.BodyPublishers.noBody()).build(),
            HttpResponse.BodyHandlers.ofString());
        assertEquals(403, r.statusCode());
        assertEquals(0, ring.claims());
    }

    @Test
    void statusMetricsReloadAndStop() throws Exception {
        ControlClient.Response json = client.get("/status", Map.of());
        assertTrue(json.body().startsWith("{\"runId\":42"), json.body());
        assertEquals("kengine_up 1\n", client.get("/metrics", Map.of()).body());
        ControlClient.Response reload = client.post("/reload", Map.of());
        assertEquals(200, reload.status());
        assertTrue(reload.body().contains("\"changed\":{\"pricing.m0.edge\":\"0.0300\"}"), reload.body());
        assertEquals(200, client.post("/stop", Map.of()).status());
        assertEquals(1, stops.get());
    }

    @Test
    void thePortFileLeadsTheClientToTheServer(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("run/engine.port");
        PortFile.write(file, server.port());
        assertEquals(server.port(), PortFile.read(file));
        assertTrue(new ControlClient(PortFile.read(file)).get("/health", Map.of()).ok());
        PortFile.removeIfOurs(file, server.port() + 1);
        assertTrue(Files.exists(file), "another engine's port file is left alone");
        PortFile.removeIfOurs(file, server.port());
        assertFalse(Files.exists(file));
    }

    @Test
    void aStoppedServerIsUnreachable() {
        int port = server.port();
        server.close();
        assertThrows(ControlClient.Unreachable.class, () -> new ControlClient(port).get("/status", Map.of()));
    }
}

package io.kengine.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each fault switch, as a plain HTTP / WebSocket client sees it. */
class FaultsTest {
    private static final String STATUS = "/trade-api/v2/exchange/status";
    private Harness h;

    @BeforeEach
    void start() {
        h = new Harness();
        h.server.marketView(new FakeMarkets());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    // ------------------------------------------------------------------ WebSocket

    /** Subscribes to MKT-A's book and swallows the ack and the snapshot (seq 1). */
    private WsProbe subscribed() throws Exception {
        WsProbe ws = h.openWs(h.alice);
        ws.send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],\"market_ticker\":\"MKT-A\"}}");
        assertEquals("subscribed", Harness.json(ws.next()).get("type").asText());
        assertEquals(1, Harness.json(ws.next()).get("seq").asInt());
        return ws;
    }

    /** Publishes {@code n} deltas on MKT-A (seq 2..n+1 for a fresh subscription). */
    private void deltas(int n) throws Exception {
        h.server.onExchange(() -> {
            for (int i = 0; i < n; i++) {
                h.server.publish(FakeMarkets.delta("MKT-A", i + 1, null, null));
            }
            return null;
        });
    }

    private static List<Integer> seqs(WsProbe ws, int n) throws InterruptedException {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Harness.json(ws.next()).get("seq").asInt());
        }
        return out;
    }

    @Test
    void dropWebSocketsCutsEveryConnection() throws Exception {
        WsProbe a = h.openWs(h.alice);
        WsProbe b = h.openWs(h.bob);
        Harness.await("two connections", () -> h.server.webSocketCount() == 2);
        h.server.faults().dropWebSockets();
        assertTrue(a.awaitEnd(WsProbe.WAIT) && b.awaitEnd(WsProbe.WAIT));
        assertNotNull(a.failure, "cut without a close handshake: " + a.closeCode);
        Harness.await("no connections", () -> h.server.webSocketCount() == 0);
        // and a reconnect works
        h.openWs(h.alice);
    }

    @Test
    void skipSeqLeavesAGap() throws Exception {
        WsProbe ws = subscribed();
        h.server.faults().skipSeq(1);
        deltas(3);
        assertEquals(List.of(3, 4), seqs(ws, 2));
        ws.quiet(Duration.ofMillis(100));
    }

    @Test
    void duplicateSeqSendsAFrameTwice() throws Exception {
        WsProbe ws = subscribed();
        h.server.faults().duplicateSeq(1);
        deltas(2);
        assertEquals(List.of(2, 2, 3), seqs(ws, 3));
    }

    @Test
    void reorderSwapsTwoMessages() throws Exception {
        WsProbe ws = subscribed();
        h.server.faults().reorderNext(1);
        deltas(3);
        assertEquals(List.of(3, 2, 4), seqs(ws, 3));
    }

    @Test
    void malformedFrameIsNotJsonAndTheStreamGoesOn() throws Exception {
        WsProbe ws = subscribed();
        h.server.faults().malformNext(1);
        deltas(2);
        String bad = ws.next();
        assertThrows(AssertionError.class, () -> Harness.json(bad), bad);
        assertEquals(3, Harness.json(ws.next()).get("seq").asInt());
    }

    @Test
    void delayedFramesArriveLateAndInOrder() throws Exception {
        WsProbe ws = subscribed();
        h.server.faults().delayFrames(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        deltas(3);
        ws.quiet(Duration.ofMillis(150));
        assertEquals(List.of(2, 3, 4), seqs(ws, 3));
        assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(300).toNanos());
        h.server.faults().delayFrames(Duration.ZERO);
        deltas(1);
        assertEquals(List.of(5), seqs(ws, 1));
    }

    @Test
    void frameFaultsLeaveCommandAcksAlone() throws Exception {
        WsProbe ws = h.openWs(h.alice);
        h.server.faults().skipSeq(Faults.FOREVER).malformNext(Faults.FOREVER);
        ws.send("{\"id\":1,\"cmd\":\"list_subscriptions\"}");
        JsonNode ack = Harness.json(ws.next());
        assertEquals("ok", ack.get("type").asText());
        h.server.faults().clear();
    }

    // ------------------------------------------------------------------ REST

    @Test
    void restFaultsAnswerInsteadOfTheEndpoint() throws Exception {
        h.server.faults().failRest(Faults.RestFault.HTTP_500, 1);
        Harness.Reply r = h.get(STATUS);
        assertEquals(500, r.code());
        assertEquals("internal_server_error", r.json().path("error").path("code").asText());
        assertEquals(200, h.get(STATUS).code(), "one shot");

        h.server.faults().failRest(Faults.RestFault.HTTP_503, 2);
        assertEquals(503, h.get(STATUS).code());
        r = h.get(STATUS);
        assertEquals(503, r.code());
        assertEquals("service_unavailable", r.json().path("error").path("code").asText());
        assertEquals(200, h.get(STATUS).code());

        h.server.faults().failRest(Faults.RestFault.HTTP_429, Faults.FOREVER);
        for (int i = 0; i < 3; i++) {
            r = h.get(STATUS);
            assertEquals(429, r.code());
            assertEquals("{\"error\":\"too many requests\"}", r.body());
        }
        h.server.faults().clear();
        assertEquals(200, h.get(STATUS).code());
    }

    @Test
    void restFaultsCanTargetAPathPrefix() throws Exception {
        h.server.faults().failRest(Faults.RestFault.HTTP_503, Faults.FOREVER, "/trade-api/v2/portfolio");
        assertEquals(200, h.get(STATUS).code());
        h.server.faults().clear();
    }

    @Test
    void timeoutFaultNeverAnswers() throws Exception {
        h.server.faults().timeoutHold(Duration.ofSeconds(10)).failRest(Faults.RestFault.TIMEOUT, 1);
        OkHttpClient impatient = h.http.newBuilder().readTimeout(Duration.ofMillis(300)).build();
        long t0 = System.nanoTime();
        IOException e = assertThrows(IOException.class, () -> {
            try (Response r = impatient.newCall(h.signed(h.alice, "GET", STATUS, null)).execute()) {
                r.body().string();
            }
        });
        assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(300).toNanos(), e.toString());
        assertEquals(200, h.get(STATUS).code(), "one shot");
    }

    @Test
    void timeoutFaultClosesTheConnectionAfterTheHold() throws Exception {
        h.server.faults().timeoutHold(Duration.ofMillis(200)).failRest(Faults.RestFault.TIMEOUT, 1);
        long t0 = System.nanoTime();
        assertThrows(IOException.class, () -> h.get(STATUS));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms >= 200 && ms < 4_000, ms + " ms");
    }
}

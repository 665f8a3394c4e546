package io.kengine.sim.server;

import io.kengine.protocol.units.TickGrid;
import io.kengine.sim.exchange.FeeSchedule;
import io.kengine.sim.exchange.MarketSpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults set in the server's configuration: parsing, and what a plain client sees from its first request. */
class FaultConfigTest {
    private static final String STATUS = "/trade-api/v2/exchange/status";
    private static final String BALANCE = "/trade-api/v2/portfolio/balance";
    private static final String ORDERS = "/trade-api/v2/portfolio/events/orders";

    // ------------------------------------------------------------------ parsing

    @Test
    void parsesEverySpecAndWritesItBack() {
        FaultSettings s = FaultSettings.parse("skipSeq=2", "duplicateSeq=forever", " reorderNext = 1 ", "malformNext=3",
                "delayFrames=250ms", "dropWebSockets=2s", "failRest=503x4@/trade-api/v2/portfolio", "timeoutHold=1m",
                "loseOrderReplies=1");
        assertEquals(new FaultSettings(2, Faults.FOREVER, 1, 3, Duration.ofMillis(250), Duration.ofSeconds(2),
                Faults.RestFault.HTTP_503, 4, "/trade-api/v2/portfolio", Duration.ofMinutes(1), 1), s);
        assertEquals(s, FaultSettings.parse(s.specs()));
        assertEquals(FaultSettings.NONE, FaultSettings.parse());
        assertEquals(List.of(), FaultSettings.NONE.specs());

        assertEquals(Faults.FOREVER, FaultSettings.parse("failRest=503").failRestTimes(), "no count = forever");
        assertEquals(Faults.RestFault.TIMEOUT, FaultSettings.parse("failRest=TIMEOUTx1").failRest());
        assertEquals(Faults.RestFault.HTTP_429, FaultSettings.parse("failRest=429@/trade-api/v2").failRest());
        assertEquals(Faults.RestFault.HTTP_500, FaultSettings.parse("failRest=500x2").failRest());
        assertEquals(SimServerConfig.builder().faults("skipSeq=1").build().faults(), FaultSettings.parse("skipSeq=1"));
    }

    @Test
    void badSpecsAreRefusedNamingTheSpec() {
        String[][] cases = {
                {"skipseq=1", "unknown fault \"skipseq\"; known: skipSeq, "},
                {"skipSeq", "skipSeq needs a value (skipSeq=1)"},
                {"skipSeq=", "needs a value"},
                {"skipSeq=-1", "count \"-1\" is not a whole number"},
                {"skipSeq=many", "or \"forever\""},
                {"malformNext=1.5", "count \"1.5\""},
                {"delayFrames=250", "duration \"250\" is not 0 or a whole number with ms, s or m"},
                {"delayFrames=1h", "duration \"1h\""},
                {"timeoutHold=PT1S", "duration \"PT1S\""},
                {"failRest=502", "REST fault \"502\" is not one of 500, 503, 429, timeout"},
                {"failRest=503xtwice", "count \"twice\""},
                {"failRest=503@portfolio", "path prefix after '@' must start with '/'"},
                {"=1", "unknown fault \"\""},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultSettings.parse("loseOrderReplies=1", c[0]), c[0]);
            assertTrue(e.getMessage().startsWith("bad fault spec \"" + c[0] + "\": "), e.getMessage());
            assertTrue(e.getMessage().contains(c[1]), e.getMessage() + " lacks " + c[1]);
        }
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> SimServerConfig.builder().faults("skipSeq=1", "skipSeq=2"));
        assertEquals("bad fault spec \"skipSeq=2\": skipSeq is given twice", twice.getMessage());
    }

    // ------------------------------------------------------------------ a configured server, a plain client

    private static Harness configured(String... specs) {
        return new Harness(SimServerConfig.builder().rateLimits(false).faults(specs));
    }

    /** Subscribes to MKT-A's book (hand-made market view); returns the socket. */
    private static WsProbe subscribe(Harness h) throws Exception {
        h.server.marketView(new FakeMarkets());
        WsProbe ws = h.openWs(h.alice);
        ws.send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],\"market_ticker\":\"MKT-A\"}}");
        assertEquals("subscribed", Harness.json(ws.next()).path("type").asText());
        return ws;
    }

    private static void deltas(Harness h, int n) throws Exception {
        h.server.onExchange(() -> {
            for (int i = 0; i < n; i++) {
                h.server.publish(FakeMarkets.delta("MKT-A", i + 1, null, null));
            }
            return null;
        });
    }

    /** The first {@code n} frames after the ack, as seq numbers (-1 for a frame that is not JSON). */
    private static List<Integer> seqs(WsProbe ws, int n) throws InterruptedException {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String f = ws.next();
            int seq;
            try {
                seq = Harness.JSON.readTree(f).path("seq").asInt();
            } catch (IOException e) {
                seq = -1;
            }
            out.add(seq);
        }
        return out;
    }

    @Test
    void configuredSeqFaultsHitTheFirstDataFrames() throws Exception {
        // the snapshot is seq 1 and the first seq-bearing frame the server ever sends; deltas follow as 2, 3
        record Case(String spec, List<Integer> seen) {
        }
        for (Case c : List.of(new Case("skipSeq=1", List.of(2, 3)), new Case("duplicateSeq=1", List.of(1, 1, 2, 3)),
                new Case("reorderNext=1", List.of(2, 1, 3)), new Case("malformNext=1", List.of(-1, 2, 3)))) {
            try (Harness h = configured(c.spec())) {
                WsProbe ws = subscribe(h);
                deltas(h, 2);
                assertEquals(c.seen(), seqs(ws, c.seen().size()), c.spec());
            }
        }
    }

    @Test
    void configuredDelayHoldsEvenTheFirstAck() throws Exception {
        try (Harness h = configured("delayFrames=300ms")) {
            WsProbe ws = h.openWs(h.alice);
            long t0 = System.nanoTime();
            ws.send("{\"id\":1,\"cmd\":\"list_subscriptions\"}");
            assertEquals("ok", Harness.json(ws.next()).path("type").asText());
            assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(300).toNanos(), "ack arrived before the delay");
            h.server.faults().delayFrames(Duration.ZERO); // the runtime switch still rules
            long t1 = System.nanoTime();
            ws.send("{\"id\":2,\"cmd\":\"list_subscriptions\"}");
            ws.next();
            assertTrue(System.nanoTime() - t1 < Duration.ofMillis(300).toNanos(), "still delayed after switching off");
        }
    }

    @Test
    void configuredRestFaultAnswersTheFirstCalls() throws Exception {
        try (Harness h = configured("failRest=503x2@/trade-api/v2/exchange")) {
            assertEquals(200, h.get(BALANCE).code(), "other paths untouched, and they use no count");
            for (int i = 0; i < 2; i++) {
                Harness.Reply r = h.get(STATUS);
                assertEquals(503, r.code(), r.body());
                assertEquals("service_unavailable", r.json().path("error").path("code").asText());
            }
            assertEquals(200, h.get(STATUS).code(), "two shots");
        }
        try (Harness h = configured("failRest=429")) {
            for (int i = 0; i < 3; i++) {
                assertEquals("{\"error\":\"too many requests\"}", h.get(STATUS).body());
            }
            h.server.faults().clear();
            assertEquals(200, h.get(STATUS).code());
        }
    }

    @Test
    void configuredTimeoutUsesTheConfiguredHold() throws Exception {
        try (Harness h = new Harness(SimServerConfig.builder().faults("failRest=timeoutx1", "timeoutHold=200ms"))) {
            long t0 = System.nanoTime();
            assertThrows(IOException.class, () -> h.get(STATUS));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 200 && ms < 4_000, ms + " ms");
            assertEquals(200, h.get(STATUS).code());
        }
    }

    @Test
    void configuredLostReplyTakesEffect() throws Exception {
        try (Harness h = configured("loseOrderReplies=1")) {
            long now = h.clock.get();
            h.server.exchange(ex -> ex.addMarket(new MarketSpec("KXF-1", "KXF", "KXF", TickGrid.uniform(100), now - 1_000,
                    now + 3_600_000, FeeSchedule.QUADRATIC), now));
            h.server.deposit("alice", 1_000_000);
            String body = "{\"ticker\":\"KXF-1\",\"side\":\"bid\",\"count\":\"1.00\",\"price\":\"0.4000\","
                    + "\"time_in_force\":\"good_till_canceled\",\"self_trade_prevention_type\":\"taker_at_cross\","
                    + "\"client_order_id\":\"lost-1\"}";
            assertThrows(IOException.class, () -> h.call(h.alice, "POST", ORDERS, body));
            Harness.Reply orders = h.get("/trade-api/v2/portfolio/orders");
            assertTrue(orders.body().contains("\"client_order_id\":\"lost-1\""), "the order was placed: " + orders.body());
            assertEquals(409, h.call(h.alice, "POST", ORDERS, body).code(), "a retry is a duplicate");
        }
    }

    @Test
    void configuredPeriodicDropCutsSocketsUntilCleared() throws Exception {
        try (Harness h = configured("dropWebSockets=150ms")) {
            WsProbe first = h.openWs(h.alice);
            assertTrue(first.awaitEnd(WsProbe.WAIT), "not dropped");
            assertNotNull(first.failure, "cut without a close handshake: " + first.closeCode);
            Harness.await("no connections", () -> h.server.webSocketCount() == 0);
            WsProbe again = h.openWs(h.alice);
            assertTrue(again.awaitEnd(WsProbe.WAIT), "dropped again on the next period");
            h.server.faults().clear();
            WsProbe kept = h.openWs(h.alice);
            assertFalse(kept.awaitEnd(Duration.ofMillis(500)), "still dropped after clear()"); // > 3 periods
        }
    }

    @Test
    void runtimeSwitchBeforeStartIsKeptWhenConfigLeavesItAlone() {
        SimServer server = new SimServer(SimServerConfig.builder().faults("skipSeq=1").build());
        try {
            server.faults().timeoutHold(Duration.ofMillis(123));
            server.start();
            assertEquals(123, server.faults().timeoutHoldMillis());
            assertTrue(server.faults().takeSkip());
            assertFalse(server.faults().takeSkip(), "one shot");
        } finally {
            server.close();
        }
    }
}

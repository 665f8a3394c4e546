package io.kengine.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Commands, acks, numbered errors, sid/seq and fan-out over a real WebSocket. */
class WsSubscriptionTest {
    private Harness h;
    private WsProbe ws;

    @BeforeEach
    void start() throws Exception {
        h = new Harness();
        h.server.marketView(new FakeMarkets());
        ws = h.openWs(h.alice);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private JsonNode send(String command) throws InterruptedException {
        ws.send(command);
        return Harness.json(ws.next());
    }

    private void publish(ChannelMessage m) throws Exception {
        h.server.onExchange(() -> {
            h.server.publish(m);
            return null;
        });
    }

    @Test
    void subscribeAcksWithSidThenSnapshotWithSeq1() throws Exception {
        JsonNode ack = send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],\"market_ticker\":\"MKT-A\"}}");
        assertEquals(1, ack.get("id").asInt());
        assertEquals("subscribed", ack.get("type").asText());
        assertEquals("orderbook_delta", ack.path("msg").path("channel").asText());
        assertEquals(1, ack.path("msg").path("sid").asInt());

        JsonNode snap = Harness.json(ws.next());
        assertEquals("orderbook_snapshot", snap.get("type").asText());
        assertEquals(1, snap.get("sid").asInt());
        assertEquals(1, snap.get("seq").asInt());
        assertEquals("MKT-A", snap.path("msg").path("market_ticker").asText());

        publish(FakeMarkets.delta("MKT-A", -1, "bob", "bob-1"));
        JsonNode delta = Harness.json(ws.next());
        assertEquals("orderbook_delta", delta.get("type").asText());
        assertEquals(2, delta.get("seq").asInt());
        assertNull(delta.path("msg").get("client_order_id"), "someone else's order: no client_order_id");

        publish(FakeMarkets.delta("MKT-A", 1, "alice", "alice-7"));
        JsonNode own = Harness.json(ws.next());
        assertEquals(3, own.get("seq").asInt());
        assertEquals("alice-7", own.path("msg").path("client_order_id").asText());

        publish(FakeMarkets.delta("MKT-B", 1, null, null));
        ws.quiet(Duration.ofMillis(100)); // not subscribed to MKT-B
    }

    @Test
    void multipleChannelsGetOneAckEachAndTheirOwnSids() throws Exception {
        ws.send("{\"id\":2,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\",\"ticker\"],\"market_tickers\":[\"MKT-A\",\"MKT-B\"]}}");
        JsonNode a1 = Harness.json(ws.next());
        assertEquals("orderbook_delta", a1.path("msg").path("channel").asText());
        JsonNode s1 = Harness.json(ws.next());
        JsonNode s2 = Harness.json(ws.next());
        assertEquals(1, s1.get("seq").asInt());
        assertEquals(2, s2.get("seq").asInt(), "seq counts per sid across markets");
        JsonNode a2 = Harness.json(ws.next());
        assertEquals("ticker", a2.path("msg").path("channel").asText());
        assertEquals(2, a2.path("msg").path("sid").asInt());

        publish(FakeMarkets.ticker("MKT-B", 5_100));
        JsonNode t = Harness.json(ws.next());
        assertEquals("ticker", t.get("type").asText());
        assertEquals(2, t.get("sid").asInt());
        assertFalse(t.has("seq"), "ticker carries no seq");

        JsonNode list = send("{\"id\":3,\"cmd\":\"list_subscriptions\"}");
        assertEquals("ok", list.get("type").asText());
        assertEquals(3, list.get("id").asInt());
        assertEquals(2, list.get("msg").size());
        assertEquals("orderbook_delta", list.get("msg").get(0).get("channel").asText());
        assertEquals(2, list.get("msg").get(1).get("sid").asInt());
    }

    @Test
    void repeatedSubscribeIsIdempotentAndAddsNewMarkets() throws Exception {
        send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],\"market_ticker\":\"MKT-A\"}}");
        ws.next(); // snapshot A
        JsonNode again = send("{\"id\":2,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],\"market_tickers\":[\"MKT-A\",\"MKT-B\"]}}");
        assertEquals("subscribed", again.get("type").asText());
        assertEquals(1, again.path("msg").path("sid").asInt(), "same sid");
        JsonNode snapB = Harness.json(ws.next());
        assertEquals("MKT-B", snapB.path("msg").path("market_ticker").asText());
        assertEquals(2, snapB.get("seq").asInt());
        ws.quiet(Duration.ofMillis(100)); // no second snapshot of A
    }

    @Test
    void updateSubscriptionAddDeleteAndGetSnapshot() throws Exception {
        send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],\"market_ticker\":\"MKT-A\"}}");
        ws.next(); // snapshot seq 1

        JsonNode ok = send("{\"id\":2,\"cmd\":\"update_subscription\",\"params\":{\"sids\":[1],\"market_tickers\":[\"MKT-B\"],\"action\":\"add_markets\"}}");
        assertEquals("ok", ok.get("type").asText());
        assertEquals(2, ok.get("id").asInt());
        assertEquals(1, ok.get("sid").asInt());
        assertEquals(1, ok.get("seq").asInt(), "acks carry the last seq and use none up");
        assertEquals("[\"MKT-A\",\"MKT-B\"]", ok.path("msg").path("market_tickers").toString());
        JsonNode snapB = Harness.json(ws.next());
        assertEquals(2, snapB.get("seq").asInt());

        ok = send("{\"id\":3,\"cmd\":\"update_subscription\",\"params\":{\"sid\":1,\"market_ticker\":\"MKT-A\",\"action\":\"delete_markets\"}}");
        assertEquals("[\"MKT-B\"]", ok.path("msg").path("market_tickers").toString());
        publish(FakeMarkets.delta("MKT-A", 1, null, null));
        ws.quiet(Duration.ofMillis(100));

        ok = send("{\"id\":4,\"cmd\":\"update_subscription\",\"params\":{\"sids\":[1],\"market_tickers\":[\"MKT-B\"],\"action\":\"get_snapshot\"}}");
        assertEquals("ok", ok.get("type").asText());
        JsonNode snap = Harness.json(ws.next());
        assertEquals("orderbook_snapshot", snap.get("type").asText());
        assertEquals(3, snap.get("seq").asInt());
    }

    @Test
    void unsubscribeAcksAndStopsTheFlow() throws Exception {
        send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],\"market_ticker\":\"MKT-A\"}}");
        ws.next();
        JsonNode un = send("{\"id\":5,\"cmd\":\"unsubscribe\",\"params\":{\"sids\":[1]}}");
        assertEquals("unsubscribed", un.get("type").asText());
        assertEquals(5, un.get("id").asInt());
        assertEquals(1, un.get("sid").asInt());
        assertEquals(1, un.get("seq").asInt());
        publish(FakeMarkets.delta("MKT-A", 1, null, null));
        ws.quiet(Duration.ofMillis(100));
        JsonNode list = send("{\"id\":6,\"cmd\":\"list_subscriptions\"}");
        assertEquals(0, list.get("msg").size());
    }

    @Test
    void privateChannelsReachOnlyTheOwner() throws Exception {
        WsProbe bobWs = h.openWs(h.bob);
        send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"fill\"]}}");
        bobWs.send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"fill\"]}}");
        bobWs.next();
        publish(FakeMarkets.fill("MKT-A", "bob"));
        JsonNode f = Harness.json(bobWs.next());
        assertEquals("fill", f.get("type").asText());
        ws.quiet(Duration.ofMillis(100));
    }

    @Test
    void numberedErrors() throws Exception {
        assertError(send("not json"), 1, null);
        assertError(send("[1,2]"), 1, null);
        assertError(send("{\"id\":7,\"cmd\":\"dance\"}"), 5, 7);
        assertError(send("{\"id\":8}"), 5, 8);
        assertError(send("{\"id\":9,\"cmd\":\"subscribe\"}"), 2, 9);
        assertError(send("{\"id\":10,\"cmd\":\"subscribe\",\"params\":{}}"), 3, 10);
        assertError(send("{\"id\":11,\"cmd\":\"subscribe\",\"params\":{\"channels\":[]}}"), 3, 11);
        assertError(send("{\"id\":12,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"nope\"]}}"), 8, 12);
        assertError(send("{\"id\":13,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"]}}"), 14, 13);
        JsonNode notFound = send("{\"id\":14,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"ticker\"],\"market_ticker\":\"NOPE\"}}");
        assertError(notFound, 16, 14);
        assertEquals("NOPE", notFound.path("msg").path("market_ticker").asText());
        assertError(send("{\"id\":15,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"ticker\"],\"market_tickers\":\"MKT-A\"}}"), 11, 15);
        assertError(send("{\"id\":16,\"cmd\":\"unsubscribe\",\"params\":{}}"), 4, 16);
        assertError(send("{\"id\":17,\"cmd\":\"unsubscribe\",\"params\":{\"sids\":[99]}}"), 7, 17);
        assertError(send("{\"id\":18,\"cmd\":\"update_subscription\",\"params\":{\"sid\":1}}"), 15, 18);
        assertError(send("{\"id\":19,\"cmd\":\"update_subscription\",\"params\":{\"sid\":1,\"sids\":[1],\"action\":\"add_markets\"}}"), 12, 19);
        assertError(send("{\"id\":20,\"cmd\":\"update_subscription\",\"params\":{\"sids\":[1,2],\"action\":\"add_markets\"}}"), 12, 20);
        assertError(send("{\"id\":21,\"cmd\":\"update_subscription\",\"params\":{\"sid\":42,\"action\":\"add_markets\",\"market_ticker\":\"MKT-A\"}}"), 7, 21);

        send("{\"id\":22,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"ticker\"],\"market_ticker\":\"MKT-A\"}}");
        assertError(send("{\"id\":23,\"cmd\":\"update_subscription\",\"params\":{\"sid\":1,\"action\":\"explode\",\"market_ticker\":\"MKT-A\"}}"), 13, 23);
        assertError(send("{\"id\":24,\"cmd\":\"update_subscription\",\"params\":{\"sid\":1,\"action\":\"get_snapshot\",\"market_ticker\":\"MKT-A\"}}"), 13, 24);
        assertError(send("{\"id\":25,\"cmd\":\"update_subscription\",\"params\":{\"sid\":1,\"action\":\"add_markets\"}}"), 14, 25);
        assertError(send("{\"id\":26,\"cmd\":\"update_subscription\",\"params\":{\"sid\":1,\"action\":\"add_markets\",\"market_ticker\":\"NOPE\"}}"), 16, 26);
        // the connection survives every error
        assertEquals("ok", send("{\"id\":27,\"cmd\":\"list_subscriptions\"}").get("type").asText());
    }

    @Test
    void lifecycleChannelIgnoresMarketFilter() throws Exception {
        JsonNode ack = send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"market_lifecycle_v2\"],\"market_ticker\":\"MKT-A\"}}");
        assertEquals("subscribed", ack.get("type").asText());
        publish(FakeMarkets.lifecycle("MKT-B"));
        JsonNode m = Harness.json(ws.next());
        assertEquals("market_lifecycle_v2", m.get("type").asText());
        assertTrue(m.path("msg").has("market_ticker"));
    }

    private static void assertError(JsonNode frame, int code, Integer id) {
        assertEquals("error", frame.path("type").asText(), frame.toString());
        assertEquals(code, frame.path("msg").path("code").asInt(), frame.toString());
        assertTrue(frame.path("msg").path("msg").isTextual(), frame.toString());
        if (id == null) {
            assertFalse(frame.has("id"), frame.toString());
        } else {
            assertEquals((int) id, frame.path("id").asInt(), frame.toString());
        }
    }
}

package io.kengine.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.kengine.protocol.units.TickGrid;
import io.kengine.sim.exchange.FeeSchedule;
import io.kengine.sim.exchange.MarketSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** REST order calls on the real exchange core, and their effect on the WebSocket channels. */
class OrderFlowTest {
    private static final String MKT = "KXTEST-26DEC31-T50";
    private static final String ORDERS = "/trade-api/v2/portfolio/events/orders";
    private Harness h;

    @BeforeEach
    void start() {
        h = new Harness(SimServerConfig.builder().rateLimits(false));
        long now = h.clock.get();
        h.server.exchange(ex -> ex.addMarket(new MarketSpec(MKT, "KXTEST-26DEC31", "KXTEST", TickGrid.uniform(100),
                now - 1_000, now + 3_600_000, FeeSchedule.QUADRATIC), now));
        h.server.deposit("alice", 10_000_000); // $1,000
        h.server.deposit("bob", 10_000_000);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static String order(String side, String price, String count, String clientOrderId) {
        return "{\"ticker\":\"" + MKT + "\",\"side\":\"" + side + "\",\"count\":\"" + count + "\",\"price\":\"" + price
                + "\",\"time_in_force\":\"good_till_canceled\",\"self_trade_prevention_type\":\"taker_at_cross\""
                + (clientOrderId == null ? "" : ",\"client_order_id\":\"" + clientOrderId + "\"") + "}";
    }

    private WsProbe book(io.kengine.protocol.wire.auth.KalshiSigner who, String channels) throws Exception {
        WsProbe ws = h.openWs(who);
        ws.send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[" + channels + "],\"market_ticker\":\"" + MKT + "\"}}");
        return ws;
    }

    @Test
    void createOrderAnswers201AndShowsOnTheBookWithClientOrderId() throws Exception {
        WsProbe aliceWs = book(h.alice, "\"orderbook_delta\"");
        WsProbe bobWs = book(h.bob, "\"orderbook_delta\"");
        aliceWs.until(f -> f.contains("orderbook_snapshot"));
        JsonNode snap = Harness.json(bobWs.until(f -> f.contains("orderbook_snapshot")));
        assertEquals(1, snap.get("seq").asInt());
        assertFalse(snap.path("msg").has("yes_dollars_fp"), "empty side omitted: " + snap);

        Harness.Reply r = h.call(h.alice, "POST", ORDERS, order("bid", "0.4200", "10.00", "c-1"));
        assertEquals(201, r.code(), r.body());
        JsonNode body = r.json();
        assertTrue(body.path("order_id").isTextual() && !body.path("order_id").asText().isEmpty(), r.body());
        assertEquals("c-1", body.path("client_order_id").asText());
        assertEquals("0.00", body.path("fill_count").asText());
        assertEquals("10.00", body.path("remaining_count").asText());
        assertTrue(body.path("ts_ms").isIntegralNumber());
        assertFalse(body.has("average_fill_price"), "no fills, no average: " + r.body());

        JsonNode own = Harness.json(aliceWs.until(f -> f.contains("orderbook_delta")));
        assertEquals(2, own.get("seq").asInt());
        assertEquals("c-1", own.path("msg").path("client_order_id").asText());
        assertEquals("0.4200", own.path("msg").path("price_dollars").asText());
        assertEquals("10.00", own.path("msg").path("delta_fp").asText());
        assertEquals("yes", own.path("msg").path("side").asText());
        JsonNode other = Harness.json(bobWs.until(f -> f.contains("orderbook_delta")));
        assertNull(other.path("msg").get("client_order_id"), "not bob's order: " + other);

        Harness.Reply dup = h.call(h.alice, "POST", ORDERS, order("bid", "0.4100", "1.00", "c-1"));
        assertEquals(409, dup.code(), dup.body());
        assertEquals("order_already_exists", dup.json().path("error").path("code").asText());
        aliceWs.quiet(Duration.ofMillis(100)); // a refused order changes nothing
    }

    /** Whose id a trade's delta carries, for each reading of Kalshi's "present only when you caused this change". */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(FillDeltaOwner.class)
    void aTradesDeltaCarriesTheIdOfWhomTheSettingNames(FillDeltaOwner owner) throws Exception {
        h.close();
        h = new Harness(SimServerConfig.builder().rateLimits(false).fillDeltaOwner(owner));
        long now = h.clock.get();
        h.server.exchange(ex -> ex.addMarket(new MarketSpec(MKT, "KXTEST-26DEC31", "KXTEST", TickGrid.uniform(100),
                now - 1_000, now + 3_600_000, FeeSchedule.QUADRATIC), now));
        h.server.deposit("alice", 10_000_000);
        h.server.deposit("bob", 10_000_000);
        WsProbe aliceWs = book(h.alice, "\"orderbook_delta\"");
        WsProbe bobWs = book(h.bob, "\"orderbook_delta\"");
        aliceWs.until(f -> f.contains("orderbook_snapshot"));
        bobWs.until(f -> f.contains("orderbook_snapshot"));
        assertEquals(201, h.call(h.alice, "POST", ORDERS, order("bid", "0.4200", "10.00", "a-1")).code());
        JsonNode placed = Harness.json(aliceWs.until(f -> f.contains("orderbook_delta")));
        assertEquals("a-1", placed.path("msg").path("client_order_id").asText(), "placing is the maker's own change, always");
        bobWs.until(f -> f.contains("orderbook_delta"));

        assertEquals(201, h.call(h.bob, "POST", ORDERS, order("ask", "0.4000", "4.00", "b-1")).code());
        JsonNode toAlice = Harness.json(aliceWs.until(f -> f.contains("\"delta_fp\":\"-4.00\"")));
        JsonNode toBob = Harness.json(bobWs.until(f -> f.contains("\"delta_fp\":\"-4.00\"")));
        assertEquals(owner == FillDeltaOwner.MAKER ? "a-1" : null, text(toAlice.path("msg").get("client_order_id")));
        assertEquals(owner == FillDeltaOwner.TAKER ? "b-1" : null, text(toBob.path("msg").get("client_order_id")));
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    @Test
    void aCrossingOrderTradesAndEveryChannelSeesIt() throws Exception {
        WsProbe aliceWs = book(h.alice, "\"orderbook_delta\",\"fill\",\"user_orders\",\"market_positions\",\"trade\",\"ticker\"");
        aliceWs.until(f -> f.contains("orderbook_snapshot"));
        Harness.Reply maker = h.call(h.alice, "POST", ORDERS, order("bid", "0.4200", "10.00", "a-1"));
        assertEquals(201, maker.code(), maker.body());
        aliceWs.until(f -> f.contains("\"user_order\""));

        Harness.Reply taker = h.call(h.bob, "POST", ORDERS, order("ask", "0.4000", "4.00", "b-1"));
        assertEquals(201, taker.code(), taker.body());
        JsonNode t = taker.json();
        assertEquals("4.00", t.path("fill_count").asText());
        assertEquals("0.00", t.path("remaining_count").asText());
        assertEquals(0, new java.math.BigDecimal(t.path("average_fill_price").asText()).compareTo(new java.math.BigDecimal("0.42")), taker.body());
        assertTrue(t.has("average_fee_paid"));

        JsonNode trade = Harness.json(aliceWs.until(f -> f.contains("\"type\":\"trade\"")));
        assertEquals("0.4200", trade.path("msg").path("yes_price_dollars").asText());
        assertEquals("4.00", trade.path("msg").path("count_fp").asText());
        assertEquals("no", trade.path("msg").path("taker_outcome_side").asText());
        JsonNode delta = Harness.json(aliceWs.until(f -> f.contains("orderbook_delta")));
        assertEquals("-4.00", delta.path("msg").path("delta_fp").asText());
        assertEquals("a-1", delta.path("msg").path("client_order_id").asText(), "alice's resting order shrank");
        JsonNode fill = Harness.json(aliceWs.until(f -> f.contains("\"type\":\"fill\"")));
        assertFalse(fill.path("msg").path("is_taker").asBoolean());
        assertEquals("4.00", fill.path("msg").path("post_position_fp").asText());
        JsonNode position = Harness.json(aliceWs.until(f -> f.contains("market_position")));
        assertEquals("4.00", position.path("msg").path("position_fp").asText());
        JsonNode ticker = Harness.json(aliceWs.until(f -> f.contains("\"type\":\"ticker\"")));
        assertEquals("0.4200", ticker.path("msg").path("price_dollars").asText());

        // REST views agree
        JsonNode orders = h.get("/trade-api/v2/portfolio/orders?ticker=" + MKT).json();
        assertEquals(1, orders.path("orders").size());
        assertEquals("resting", orders.path("orders").get(0).path("status").asText());
        assertEquals("6.00", orders.path("orders").get(0).path("remaining_count_fp").asText());
        JsonNode fills = h.get("/trade-api/v2/portfolio/fills").json();
        assertEquals(1, fills.path("fills").size());
        JsonNode positions = h.get("/trade-api/v2/portfolio/positions").json();
        assertEquals("4.00", positions.path("market_positions").get(0).path("position_fp").asText());
        JsonNode book = h.get("/trade-api/v2/markets/" + MKT + "/orderbook").json();
        assertEquals("[[\"0.4200\",\"6.00\"]]", book.path("orderbook_fp").path("yes_dollars").toString());
    }

    @Test
    void amendDecreaseCancelAndBatches() throws Exception {
        String id = h.call(h.alice, "POST", ORDERS, order("bid", "0.3000", "5.00", "x-1")).json().path("order_id").asText();
        Harness.Reply amend = h.call(h.alice, "POST", ORDERS + "/" + id + "/amend",
                "{\"ticker\":\"" + MKT + "\",\"side\":\"bid\",\"price\":\"0.3100\",\"count\":\"8.00\"}");
        assertEquals(200, amend.code(), amend.body());
        assertEquals("8.00", amend.json().path("remaining_count").asText());
        Harness.Reply dec = h.call(h.alice, "POST", ORDERS + "/" + id + "/decrease", "{\"reduce_by\":\"3.00\"}");
        assertEquals(200, dec.code(), dec.body());
        assertEquals("5.00", dec.json().path("remaining_count").asText());
        Harness.Reply cancel = h.call(h.alice, "DELETE", ORDERS + "/" + id, null);
        assertEquals(200, cancel.code(), cancel.body());
        assertEquals("5.00", cancel.json().path("reduced_by").asText());
        assertEquals(404, h.call(h.alice, "DELETE", ORDERS + "/no-such-order", null).code());

        Harness.Reply batch = h.call(h.alice, "POST", ORDERS + "/batched", "{\"orders\":["
                + order("bid", "0.2000", "1.00", "b-1") + "," + order("bid", "0.2050", "1.00", "b-2") + "]}");
        assertEquals(201, batch.code(), batch.body());
        JsonNode items = batch.json().path("orders");
        assertEquals(2, items.size());
        assertTrue(items.get(0).has("order_id"));
        assertEquals("invalid_order", items.get(1).path("error").path("code").asText(), "0.2050 is off the cent grid");

        String b1 = items.get(0).path("order_id").asText();
        Harness.Reply bc = h.call(h.alice, "DELETE", ORDERS + "/batched",
                "{\"orders\":[{\"order_id\":\"" + b1 + "\"},{\"order_id\":\"nope\"}]}");
        assertEquals(200, bc.code(), bc.body());
        assertEquals("1.00", bc.json().path("orders").get(0).path("reduced_by").asText());
        assertTrue(bc.json().path("orders").get(1).has("error"), bc.body());
    }

    @Test
    void badBodiesAre400() throws Exception {
        Harness.Reply r = h.call(h.alice, "POST", ORDERS, "{\"ticker\":\"" + MKT + "\"}");
        assertEquals(400, r.code(), r.body());
        assertEquals("invalid_parameters", r.json().path("error").path("code").asText());
        r = h.call(h.alice, "POST", ORDERS, "not json");
        assertEquals(400, r.code(), r.body());
        r = h.call(h.alice, "POST", ORDERS, order("bid", "0.4200", "0.00", null));
        assertEquals(400, r.code(), r.body());
        assertEquals("invalid_order_size", r.json().path("error").path("code").asText());
        r = h.call(h.alice, "POST", ORDERS, order("bid", "0.4200", "1000000.00", null));
        assertEquals(400, r.code(), r.body());
        assertEquals("available_balance_too_low", r.json().path("error").path("code").asText());
    }

    @Test
    void lostReplyStillPlacesTheOrder() throws Exception {
        WsProbe ws = book(h.alice, "\"orderbook_delta\"");
        ws.until(f -> f.contains("orderbook_snapshot"));
        h.server.faults().loseOrderReplies(1);
        assertThrows(IOException.class, () -> h.call(h.alice, "POST", ORDERS, order("bid", "0.4200", "2.00", "lost-1")));
        JsonNode delta = Harness.json(ws.until(f -> f.contains("orderbook_delta")));
        assertEquals("lost-1", delta.path("msg").path("client_order_id").asText());
        JsonNode orders = h.get("/trade-api/v2/portfolio/orders").json();
        assertEquals("lost-1", orders.path("orders").get(0).path("client_order_id").asText());
        // a retry with the same client_order_id is how a client learns the first one landed
        assertEquals(409, h.call(h.alice, "POST", ORDERS, order("bid", "0.4200", "2.00", "lost-1")).code());
    }

    @Test
    void writeBucketCharges10PerOrderAnd2PerCancel() throws Exception {
        try (Harness limited = new Harness()) {
            long now = limited.clock.get();
            limited.server.exchange(ex -> ex.addMarket(new MarketSpec(MKT, "E", "S", TickGrid.uniform(100),
                    now - 1_000, now + 3_600_000, FeeSchedule.QUADRATIC), now));
            limited.server.deposit("alice", 10_000_000);
            String last = null;
            for (int i = 0; i < 10; i++) { // Basic write bucket: 100 tokens
                Harness.Reply r = limited.call(limited.alice, "POST", ORDERS, order("bid", "0.1000", "1.00", "w-" + i));
                assertEquals(201, r.code(), r.body());
                last = r.json().path("order_id").asText();
            }
            Harness.Reply refused = limited.call(limited.alice, "POST", ORDERS, order("bid", "0.1000", "1.00", "w-x"));
            assertEquals(429, refused.code());
            assertEquals("{\"error\":\"too many requests\"}", refused.body());
            limited.clock.addAndGet(20); // 2 tokens: a cancel fits, an order does not
            assertEquals(429, limited.call(limited.alice, "POST", ORDERS, order("bid", "0.1000", "1.00", "w-y")).code());
            assertEquals(200, limited.call(limited.alice, "DELETE", ORDERS + "/" + last, null).code());
            // a batch of 2 (20 tokens) does not fit 10 tokens; then it does
            limited.clock.addAndGet(100);
            String batch = "{\"orders\":[" + order("bid", "0.1000", "1.00", "w-b1") + "," + order("bid", "0.1000", "1.00", "w-b2") + "]}";
            assertEquals(429, limited.call(limited.alice, "POST", ORDERS + "/batched", batch).code());
            limited.clock.addAndGet(100);
            assertEquals(201, limited.call(limited.alice, "POST", ORDERS + "/batched", batch).code());
            // reads use the other bucket
            assertEquals(200, limited.get("/trade-api/v2/portfolio/balance").code());
        }
    }
}

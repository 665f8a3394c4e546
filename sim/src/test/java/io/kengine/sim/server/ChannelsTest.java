package io.kengine.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.kengine.protocol.units.TickGrid;
import io.kengine.protocol.wire.ws.WsCodec;
import io.kengine.protocol.wire.ws.WsMessage;
import io.kengine.sim.exchange.FeeSchedule;
import io.kengine.sim.exchange.MarketResult;
import io.kengine.sim.exchange.MarketSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lifecycle and the remaining channel options on the real core; every frame must read back with the wire codec. */
class ChannelsTest {
    private static final String MKT = "KXLIFE-T1";
    private static final String ORDERS = "/trade-api/v2/portfolio/events/orders";
    private Harness h;

    @BeforeEach
    void start() {
        h = new Harness(SimServerConfig.builder().rateLimits(false));
        long now = h.clock.get();
        h.server.exchange(ex -> ex.addMarket(new MarketSpec(MKT, "KXLIFE", "KXL", TickGrid.uniform(100), now - 1_000,
                now + 3_600_000, FeeSchedule.QUADRATIC), now));
        h.server.deposit("alice", 10_000_000);
        h.server.deposit("bob", 10_000_000);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static String order(String side, String price, String count) {
        return "{\"ticker\":\"" + MKT + "\",\"side\":\"" + side + "\",\"count\":\"" + count + "\",\"price\":\"" + price
                + "\",\"time_in_force\":\"good_till_canceled\",\"self_trade_prevention_type\":\"taker_at_cross\"}";
    }

    @Test
    void lifecycleFromPauseToSettlement() throws Exception {
        WsProbe ws = h.openWs(h.alice);
        ws.send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"market_lifecycle_v2\",\"market_positions\"]}}");
        ws.next();
        ws.next();
        assertEquals(201, h.call(h.alice, "POST", ORDERS, order("bid", "0.6000", "2.00")).code());
        assertEquals(201, h.call(h.bob, "POST", ORDERS, order("ask", "0.6000", "2.00")).code());
        ws.until(f -> f.contains("market_position"));

        long now = h.clock.get();
        h.server.exchange(ex -> {
            ex.pauseMarket(MKT, now);
            return null;
        });
        JsonNode paused = Harness.json(ws.until(f -> f.contains("market_lifecycle_v2")));
        assertEquals("deactivated", paused.path("msg").path("event_type").asText());
        assertTrue(paused.path("msg").path("is_deactivated").asBoolean());
        h.server.exchange(ex -> {
            ex.resumeMarket(MKT, now);
            ex.updateCloseTime(MKT, now + 10, now);
            return null;
        });
        assertEquals("activated", Harness.json(ws.until(f -> f.contains("market_lifecycle_v2"))).path("msg").path("event_type").asText());
        JsonNode moved = Harness.json(ws.until(f -> f.contains("market_lifecycle_v2")));
        assertEquals("close_date_updated", moved.path("msg").path("event_type").asText());
        assertTrue(moved.path("msg").has("close_ts"));

        // the server's clock tick closes the market once its close time passes
        h.clock.addAndGet(1_000);
        Harness.await("market closed", () -> h.server.exchange(ex -> ex.findMarket(MKT).orElseThrow().status())
                == io.kengine.sim.exchange.MarketStatus.CLOSED);
        Harness.Reply late = h.call(h.alice, "POST", ORDERS, order("bid", "0.5000", "1.00"));
        assertEquals(409, late.code(), late.body());
        assertEquals("market_inactive", late.json().path("error").path("code").asText());

        long later = h.clock.get();
        h.server.exchange(ex -> {
            ex.determine(MKT, MarketResult.YES, 0, later);
            ex.settle(MKT, later);
            return null;
        });
        JsonNode determined = Harness.json(ws.until(f -> f.contains("market_lifecycle_v2")));
        assertEquals("determined", determined.path("msg").path("event_type").asText());
        assertEquals("yes", determined.path("msg").path("result").asText());
        JsonNode settled = Harness.json(ws.until(f -> f.contains("\"event_type\":\"settled\"")));
        assertTrue(settled.path("msg").has("settled_ts"));
        assertEquals("finalized", h.get("/trade-api/v2/markets/" + MKT).json().path("market").path("status").asText());
    }

    @Test
    void useYesPriceReportsNoLevelsOnTheYesScale() throws Exception {
        WsProbe plain = h.openWs(h.alice);
        WsProbe yes = h.openWs(h.alice);
        plain.send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],\"market_ticker\":\"" + MKT + "\"}}");
        yes.send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],\"market_ticker\":\"" + MKT
                + "\",\"use_yes_price\":true}}");
        plain.until(f -> f.contains("orderbook_snapshot"));
        yes.until(f -> f.contains("orderbook_snapshot"));
        assertEquals(201, h.call(h.bob, "POST", ORDERS, order("ask", "0.6000", "3.00")).code());
        JsonNode a = Harness.json(plain.until(f -> f.contains("orderbook_delta")));
        JsonNode b = Harness.json(yes.until(f -> f.contains("orderbook_delta")));
        assertEquals("no", a.path("msg").path("side").asText());
        assertEquals("0.4000", a.path("msg").path("price_dollars").asText());
        assertEquals("0.6000", b.path("msg").path("price_dollars").asText());

        yes.send("{\"id\":2,\"cmd\":\"update_subscription\",\"params\":{\"sid\":1,\"market_tickers\":[\"" + MKT + "\"],\"action\":\"get_snapshot\"}}");
        yes.until(f -> f.contains("\"ok\""));
        JsonNode snap = Harness.json(yes.until(f -> f.contains("orderbook_snapshot")));
        assertEquals("[[\"0.6000\",\"3.00\"]]", snap.path("msg").path("no_dollars_fp").toString());
    }

    @Test
    void tickerInitialSnapshotAndUpdates() throws Exception {
        WsProbe ws = h.openWs(h.alice);
        ws.send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"ticker\"],\"market_tickers\":[\"" + MKT
                + "\"],\"send_initial_snapshot\":true}}");
        ws.next();
        JsonNode first = Harness.json(ws.next());
        assertEquals("ticker", first.path("type").asText());
        assertEquals("0.0000", first.path("msg").path("yes_bid_dollars").asText());
        assertEquals(201, h.call(h.bob, "POST", ORDERS, order("bid", "0.3300", "3.00")).code());
        JsonNode t = Harness.json(ws.until(f -> f.contains("\"ticker\"")));
        assertEquals("0.3300", t.path("msg").path("yes_bid_dollars").asText());
        assertEquals("3.00", t.path("msg").path("yes_bid_size_fp").asText());
    }

    @Test
    void everyFrameReadsBackWithTheWireCodec() throws Exception {
        WsProbe ws = h.openWs(h.alice);
        ws.send("{\"id\":1,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\",\"ticker\",\"trade\",\"fill\","
                + "\"user_orders\",\"market_positions\",\"market_lifecycle_v2\"],\"market_ticker\":\"" + MKT + "\"}}");
        assertEquals(201, h.call(h.alice, "POST", ORDERS, order("bid", "0.5000", "5.00")).code());
        assertEquals(201, h.call(h.bob, "POST", ORDERS, order("ask", "0.5000", "2.00")).code());
        long now = h.clock.get();
        h.server.exchange(ex -> {
            ex.pauseMarket(MKT, now);
            return null;
        });
        ws.send("{\"id\":2,\"cmd\":\"list_subscriptions\"}");
        ws.send("{\"id\":3,\"cmd\":\"unsubscribe\",\"params\":{\"sids\":[2]}}");
        ws.send("{\"id\":4,\"cmd\":\"bogus\"}");
        ws.until(f -> f.contains("\"error\""));
        Set<String> types = new TreeSet<>();
        for (String f : ws.all) {
            WsMessage m = WsCodec.readMessage(f); // throws WireFormatException on anything off-schema
            types.add(m.type());
        }
        assertEquals(new TreeSet<>(List.of("error", "fill", "market_lifecycle_v2", "market_position", "ok",
                "orderbook_delta", "orderbook_snapshot", "subscribed", "ticker", "trade", "unsubscribed", "user_order")),
                types);
    }
}

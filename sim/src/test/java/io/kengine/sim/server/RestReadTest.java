package io.kengine.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.kengine.protocol.units.TickGrid;
import io.kengine.sim.exchange.FeeSchedule;
import io.kengine.sim.exchange.MarketSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The read endpoints: shapes, filters, cursor pagination, 404s. */
class RestReadTest {
    private static Harness h;

    @BeforeAll
    static void start() {
        h = new Harness(SimServerConfig.builder().rateLimits(false));
        long now = h.clock.get();
        h.server.exchange(ex -> {
            for (int i = 0; i < 5; i++) {
                ex.addMarket(new MarketSpec("KXA-T" + i, "KXA-EV", "KXA", TickGrid.uniform(100), now - 1_000,
                        now + 3_600_000, FeeSchedule.QUADRATIC), now);
            }
            ex.addMarket(new MarketSpec("KXB-T0", "KXB-EV", "KXB", TickGrid.uniform(10), now + 60_000,
                    now + 3_600_000, FeeSchedule.QUADRATIC_WITH_MAKER_FEES), now);
            return null;
        });
        h.server.deposit("alice", 10_000_000);
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void marketsPageThroughWithACursor() throws Exception {
        Set<String> seen = new HashSet<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonNode page = h.get("/trade-api/v2/markets?limit=2" + (cursor.isEmpty() ? "" : "&cursor=" + cursor)).json();
            for (JsonNode m : page.path("markets")) {
                assertTrue(seen.add(m.path("ticker").asText()));
            }
            cursor = page.path("cursor").asText();
            pages++;
        } while (!cursor.isEmpty());
        assertEquals(6, seen.size());
        assertEquals(3, pages);
    }

    @Test
    void marketsFilter() throws Exception {
        assertEquals(5, h.get("/trade-api/v2/markets?event_ticker=KXA-EV").json().path("markets").size());
        assertEquals(1, h.get("/trade-api/v2/markets?series_ticker=KXB").json().path("markets").size());
        assertEquals(1, h.get("/trade-api/v2/markets?status=unopened").json().path("markets").size());
        assertEquals(5, h.get("/trade-api/v2/markets?status=open").json().path("markets").size());
        assertEquals(2, h.get("/trade-api/v2/markets?tickers=KXA-T1,KXB-T0").json().path("markets").size());
        assertEquals(400, h.get("/trade-api/v2/markets?status=active").code());
        assertEquals(400, h.get("/trade-api/v2/markets?limit=0").code());
    }

    @Test
    void oneMarket() throws Exception {
        JsonNode m = h.get("/trade-api/v2/markets/KXA-T0").json().path("market");
        assertEquals("KXA-T0", m.path("ticker").asText());
        assertEquals("active", m.path("status").asText());
        assertEquals("linear_cent", m.path("price_level_structure").asText());
        assertEquals(1, m.path("price_ranges").size());
        JsonNode b = h.get("/trade-api/v2/markets/KXB-T0").json().path("market");
        assertEquals("initialized", b.path("status").asText());
        assertEquals("deci_cent", b.path("price_level_structure").asText());
        Harness.Reply missing = h.get("/trade-api/v2/markets/NOPE");
        assertEquals(404, missing.code());
        assertEquals("market_not_found", missing.json().path("error").path("code").asText());
        assertEquals(404, h.get("/trade-api/v2/markets/NOPE/orderbook").code());
    }

    @Test
    void eventAndSeries() throws Exception {
        JsonNode e = h.get("/trade-api/v2/events/KXA-EV").json();
        assertEquals("KXA-EV", e.path("event").path("event_ticker").asText());
        assertEquals("KXA", e.path("event").path("series_ticker").asText());
        assertEquals(5, e.path("markets").size());
        JsonNode s = h.get("/trade-api/v2/series/KXB").json().path("series");
        assertEquals("quadratic_with_maker_fees", s.path("fee_type").asText());
        assertEquals(404, h.get("/trade-api/v2/events/NOPE").code());
        assertEquals(404, h.get("/trade-api/v2/series/NOPE").code());
    }

    @Test
    void eventAndSeriesLists() throws Exception {
        JsonNode events = h.get("/trade-api/v2/events?with_nested_markets=true").json();
        assertEquals(2, events.path("events").size());
        assertEquals(5, events.path("events").get(0).path("markets").size());
        JsonNode page = h.get("/trade-api/v2/events?limit=1").json();
        assertEquals(1, page.path("events").size());
        JsonNode rest = h.get("/trade-api/v2/events?limit=1&cursor=" + page.path("cursor").asText()).json();
        assertEquals("KXB-EV", rest.path("events").get(0).path("event_ticker").asText());
        assertEquals(1, h.get("/trade-api/v2/events?series_ticker=KXB").json().path("events").size());
        assertEquals(2, h.get("/trade-api/v2/series").json().path("series").size());
    }

    @Test
    void everyWireEndpointIsServed() {
        assertEquals(java.util.EnumSet.allOf(io.kengine.protocol.wire.KalshiEndpoint.class), h.server.endpoints());
    }

    @Test
    void exchangeStatusAndBalance() throws Exception {
        JsonNode st = h.get("/trade-api/v2/exchange/status").json();
        assertTrue(st.path("exchange_active").asBoolean());
        assertTrue(st.path("trading_active").asBoolean());
        JsonNode bal = h.get("/trade-api/v2/portfolio/balance").json();
        assertTrue(bal.path("balance").isIntegralNumber(), bal.toString());
        assertTrue(bal.has("balance_dollars"));
    }

    @Test
    void ordersPaginateNewestFirst() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(201, h.call(h.alice, "POST", "/trade-api/v2/portfolio/events/orders",
                    "{\"ticker\":\"KXA-T4\",\"side\":\"bid\",\"count\":\"1.00\",\"price\":\"0.0" + (i + 1) + "00\","
                            + "\"time_in_force\":\"good_till_canceled\",\"self_trade_prevention_type\":\"taker_at_cross\","
                            + "\"client_order_id\":\"p-" + i + "\"}").code());
        }
        JsonNode first = h.get("/trade-api/v2/portfolio/orders?ticker=KXA-T4&limit=3").json();
        assertEquals(3, first.path("orders").size());
        assertEquals("p-4", first.path("orders").get(0).path("client_order_id").asText());
        String cursor = first.path("cursor").asText();
        assertFalse(cursor.isEmpty());
        JsonNode second = h.get("/trade-api/v2/portfolio/orders?ticker=KXA-T4&limit=3&cursor=" + cursor).json();
        assertEquals(2, second.path("orders").size());
        assertEquals("", second.path("cursor").asText());
        assertEquals(5, h.get("/trade-api/v2/portfolio/orders?status=resting&ticker=KXA-T4").json().path("orders").size());
        assertEquals(0, h.get("/trade-api/v2/portfolio/orders?status=executed").json().path("orders").size());
        String id = first.path("orders").get(0).path("order_id").asText();
        assertEquals(id, h.get("/trade-api/v2/portfolio/orders/" + id).json().path("order").path("order_id").asText());
        assertEquals(404, h.get("/trade-api/v2/portfolio/orders/nope").code());
        assertEquals(404, h.call(h.bob, "GET", "/trade-api/v2/portfolio/orders/" + id, null).code(), "not bob's");
        assertEquals(400, h.get("/trade-api/v2/portfolio/orders?cursor=garbage!").code());
    }

    @Test
    void unknownEndpointIs404Json() throws Exception {
        Harness.Reply r = h.get("/trade-api/v2/nothing/here");
        assertEquals(404, r.code());
        assertEquals("not_found", r.json().path("error").path("code").asText());
    }
}

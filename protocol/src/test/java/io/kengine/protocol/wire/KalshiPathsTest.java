package io.kengine.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kengine.protocol.wire.KalshiEndpoint.Match;
import org.junit.jupiter.api.Test;

class KalshiPathsTest {
    private static final String ID = "ee587a1c-8b87-4dcf-b721-9f6f790619fa";
    private static final String TICKER = "KXBTCD-25AUG0517-T114999.99";

    @Test
    void fixedPaths() {
        assertEquals("/trade-api/v2", KalshiPaths.API_PREFIX);
        assertEquals("/trade-api/ws/v2", KalshiPaths.WS_PATH);
        assertEquals("/trade-api/v2/exchange/status", KalshiPaths.EXCHANGE_STATUS);
        assertEquals("/trade-api/v2/markets", KalshiPaths.MARKETS);
        assertEquals("/trade-api/v2/events", KalshiPaths.EVENTS);
        assertEquals("/trade-api/v2/series", KalshiPaths.SERIES);
        assertEquals("/trade-api/v2/portfolio/balance", KalshiPaths.BALANCE);
        assertEquals("/trade-api/v2/portfolio/positions", KalshiPaths.POSITIONS);
        assertEquals("/trade-api/v2/portfolio/fills", KalshiPaths.FILLS);
        assertEquals("/trade-api/v2/portfolio/orders", KalshiPaths.ORDERS);
        assertEquals("/trade-api/v2/portfolio/events/orders", KalshiPaths.ORDERS_V2);
        assertEquals("/trade-api/v2/portfolio/events/orders/batched", KalshiPaths.ORDERS_V2_BATCHED);
    }

    @Test
    void builders() {
        assertEquals("/trade-api/v2/markets/" + TICKER, KalshiPaths.market(TICKER));
        assertEquals("/trade-api/v2/markets/" + TICKER + "/orderbook", KalshiPaths.orderbook(TICKER));
        assertEquals("/trade-api/v2/events/KXBTCD-25AUG0517", KalshiPaths.event("KXBTCD-25AUG0517"));
        assertEquals("/trade-api/v2/series/KXBTCD", KalshiPaths.series("KXBTCD"));
        assertEquals("/trade-api/v2/portfolio/orders/" + ID, KalshiPaths.order(ID));
        assertEquals("/trade-api/v2/portfolio/events/orders/" + ID, KalshiPaths.orderV2(ID));
        assertEquals("/trade-api/v2/portfolio/events/orders/" + ID + "/amend", KalshiPaths.amendOrderV2(ID));
        assertEquals("/trade-api/v2/portfolio/events/orders/" + ID + "/decrease", KalshiPaths.decreaseOrderV2(ID));
        for (String bad : new String[] {null, "", "a/b", "a?b", "a b", "%2F", "..", "é"}) {
            assertThrows(IllegalArgumentException.class, () -> KalshiPaths.market(bad), String.valueOf(bad));
            assertThrows(IllegalArgumentException.class, () -> KalshiEndpoint.CANCEL_ORDER_V2.path(bad), String.valueOf(bad));
        }
    }

    @Test
    void queries() {
        assertEquals("/trade-api/v2/markets/T/orderbook?depth=10",
                KalshiPaths.withQuery(KalshiPaths.orderbook("T"), "depth", "10"));
        assertEquals("/trade-api/v2/portfolio/events/orders/x?subaccount=1&market_ticker=A+B%2CC",
                KalshiPaths.withQuery(KalshiPaths.orderV2("x"), "subaccount", "1", "exchange_index", null,
                        "market_ticker", "A B,C"));
        assertEquals("/p?a=1&b=2", KalshiPaths.withQuery("/p?a=1", "b", "2"));
        assertThrows(IllegalArgumentException.class, () -> KalshiPaths.withQuery("/p", "odd"));
        assertEquals("/p", KalshiPaths.stripQuery("/p?a=1?b"));
        assertEquals("/p", KalshiPaths.stripQuery("/p"));
    }

    @Test
    void everyEndpointBuildsAndRoutesItsOwnPath() {
        for (KalshiEndpoint e : KalshiEndpoint.values()) {
            String param = e.parameterName() == null ? null : "X-1.5";
            String path = e.path(param);
            assertEquals(new Match(e, param), KalshiEndpoint.match(e.method(), path), e.name());
            assertEquals(new Match(e, param), KalshiEndpoint.match(e.method().toLowerCase(), path + "?limit=5&cursor=x"));
            assertTrue(e.template().startsWith(KalshiPaths.API_PREFIX));
            assertEquals(e.template().contains("/portfolio/"), e.authenticated(), e.name());
        }
    }

    @Test
    void routing() {
        assertEquals(new Match(KalshiEndpoint.BATCH_CANCEL_ORDERS_V2, null),
                KalshiEndpoint.match("DELETE", KalshiPaths.ORDERS_V2_BATCHED), "a literal beats {order_id}");
        assertEquals(new Match(KalshiEndpoint.BATCH_CREATE_ORDERS_V2, null),
                KalshiEndpoint.match("POST", KalshiPaths.ORDERS_V2_BATCHED));
        assertEquals(new Match(KalshiEndpoint.CANCEL_ORDER_V2, ID), KalshiEndpoint.match("DELETE", KalshiPaths.orderV2(ID)));
        assertEquals(new Match(KalshiEndpoint.AMEND_ORDER_V2, ID), KalshiEndpoint.match("POST", KalshiPaths.amendOrderV2(ID)));
        assertEquals(new Match(KalshiEndpoint.GET_ORDERBOOK, TICKER), KalshiEndpoint.match("GET", KalshiPaths.orderbook(TICKER)));
        assertEquals(new Match(KalshiEndpoint.GET_MARKET, TICKER), KalshiEndpoint.match("GET", KalshiPaths.market(TICKER)));
        assertNull(KalshiEndpoint.match("GET", KalshiPaths.orderV2(ID)), "wrong method");
        assertTrue(KalshiEndpoint.anyMatchesPath(KalshiPaths.orderV2(ID)), "405, not 404");
        assertFalse(KalshiEndpoint.anyMatchesPath("/trade-api/v2/nope"));
        assertNull(KalshiEndpoint.match("GET", KalshiPaths.MARKETS + "/"));
        assertNull(KalshiEndpoint.match("GET", KalshiPaths.MARKETS + "//orderbook"));
        assertNull(KalshiEndpoint.match("GET", KalshiPaths.MARKETS + "/a%2Fb"));
        assertNull(KalshiEndpoint.match("POST", KalshiPaths.ORDERS_V2 + "/a/b/amend"));
        assertNull(KalshiEndpoint.match(null, KalshiPaths.MARKETS));
        assertNull(KalshiEndpoint.match("GET", null));
        assertThrows(IllegalArgumentException.class, () -> KalshiEndpoint.GET_MARKETS.path("x"));
        assertEquals(KalshiPaths.MARKETS, KalshiEndpoint.GET_MARKETS.path());
    }

    @Test
    void environments() {
        assertEquals("https://external-api.kalshi.com/trade-api/v2", KalshiEnvironment.PRODUCTION.restBaseUrl());
        assertEquals("https://api.elections.kalshi.com/trade-api/v2", KalshiEnvironment.PRODUCTION.restBaseUrlAlternate());
        assertEquals("wss://external-api-ws.kalshi.com/trade-api/ws/v2", KalshiEnvironment.PRODUCTION.wsUrl());
        assertEquals("wss://api.elections.kalshi.com/trade-api/ws/v2", KalshiEnvironment.PRODUCTION.wsUrlAlternate());
        assertEquals("https://external-api.demo.kalshi.co/trade-api/v2", KalshiEnvironment.DEMO.restBaseUrl());
        assertEquals("https://demo-api.kalshi.co/trade-api/v2", KalshiEnvironment.DEMO.restBaseUrlAlternate());
        assertEquals("wss://external-api-ws.demo.kalshi.co/trade-api/ws/v2", KalshiEnvironment.DEMO.wsUrl());
        assertEquals("wss://demo-api.kalshi.co/trade-api/ws/v2", KalshiEnvironment.DEMO.wsUrlAlternate());
        assertEquals("https://external-api.kalshi.com/trade-api/v2/portfolio/balance",
                KalshiEnvironment.PRODUCTION.restOrigin() + KalshiPaths.BALANCE);
    }
}

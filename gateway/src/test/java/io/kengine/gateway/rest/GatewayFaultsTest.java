package io.kengine.gateway.rest;

import io.kengine.gateway.orders.OrdersConfig;
import io.kengine.protocol.stage.DecisionKind;
import io.kengine.sim.exchange.OrderStatus;
import io.kengine.sim.exchange.Side;
import io.kengine.sim.server.Faults;
import io.kengine.sim.server.RateTier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway against the simulator, one fault at a time. After each: local orders and positions equal
 * the simulator's exactly and no order was doubled ({@link GatewayHarness#assertMatchesExchange}).
 */
class GatewayFaultsTest {
    private GatewayHarness h;

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    private GatewayHarness.Engine start(RateTier tier, OrdersConfig orders) {
        h = new GatewayHarness(2, tier, true);
        return h.startEngine(0xA1, orders, b -> { });
    }

    @Test
    void quotesRestFillAmendAndCancel() {
        GatewayHarness.Engine e = start(RateTier.PRIME, OrdersConfig.DEFAULTS);
        quoteRestFillAmendAndCancel(e);
        assertTrue(e.sender.directWrites() >= 3, "order calls written on direct connections: " + e.sender.directWrites());
    }

    @Test
    void quotesRestFillAmendAndCancelOverOkHttpOnly() {
        h = new GatewayHarness(2, RateTier.PRIME, true);
        GatewayHarness.Engine e = h.startEngine(0xA9, OrdersConfig.DEFAULTS, b -> b.directConnections(0));
        quoteRestFillAmendAndCancel(e);
        assertEquals(0, e.sender.directWrites());
        assertEquals(0, e.sender.directConnected());
    }

    @Test
    void quotesRestFillAmendAndCancelWhileIdleDirectConnectionsAreRecycled() {
        h = new GatewayHarness(2, RateTier.PRIME, true);
        GatewayHarness.Engine e = h.startEngine(0xAA, OrdersConfig.DEFAULTS, b -> b.directMaxIdle(Duration.ofMillis(50)));
        GatewayHarness.await("an idle direct connection recycled", () -> e.sender.directRecycles() >= 1, 5_000);
        quoteRestFillAmendAndCancel(e);
        assertTrue(e.sender.directWrites() >= 1, "order calls still written on direct connections: " + e.sender.directWrites());
    }

    private void quoteRestFillAmendAndCancel(GatewayHarness.Engine e) {
        e.quote(0, 4_800, 1_000, 5_200, 1_000, 0);
        e.awaitQuiet();
        assertEquals("RESTING", e.stage.state(0, (byte) 1));
        assertEquals(2, h.exchangeOrders(OrderStatus.RESTING).size());
        h.take(0, Side.ASK, 4_800, 300);           // someone sells 3 contracts into our bid
        GatewayHarness.await("fill", () -> {
            e.pump();
            return e.stage.position(0) == 300;
        }, 5_000);
        assertEquals("PARTIALLY_FILLED", e.stage.state(0, (byte) 1));
        e.quote(0, 4_700, 1_000, 5_200, 500, 0);  // bid moves: amend; ask shrinks: decrease
        e.awaitQuiet();
        h.assertMatchesExchange();
        e.quote(0, 4_700, 0, 5_200, 0, 0);        // both sides to zero: cancels
        e.awaitQuiet();
        assertEquals(0, h.exchangeOrders(OrderStatus.RESTING).size());
        h.assertMatchesExchange();
        assertTrue(e.sender.preSignedUsed() >= 1, "creates use pre-signed headers");
    }

    @Test
    void lostCreateReplyIsRetriedWithTheSameIdAndAdopted() {
        GatewayHarness.Engine e = start(RateTier.PRIME, OrdersConfig.DEFAULTS);
        h.server.faults().loseOrderReplies(1);
        e.quote(0, 4_800, 1_000, 5_200, 1_000, 0); // one batch create; its reply is lost
        e.awaitQuiet();
        assertTrue(e.sender.transportFailures() >= 1);
        assertTrue(e.sender.directWrites() >= 1, "the lost reply was a direct connection's");
        assertTrue(e.sender.lookups() >= 2, "the retry met 409 for both legs and looked them up");
        assertEquals(2, h.exchangeOrders(null).size(), "the retry did not double the orders");
        h.assertMatchesExchange();
        assertEquals("RESTING", e.stage.state(0, (byte) 2));
    }

    @Test
    void timeoutThenLateFillIsResolvedByReconciliation() {
        h = new GatewayHarness(2, RateTier.PRIME, true);
        GatewayHarness.Engine e = h.startEngine(0xA2, OrdersConfig.DEFAULTS,
            b -> b.readTimeout(Duration.ofMillis(200)).callTimeout(Duration.ofMillis(400)));
        h.server.faults().holdOrderReplies(2, Duration.ofMillis(700)); // the create and its retry both time out
        e.quote(1, 4_000, 1_000, 6_000, 0, 0);
        GatewayHarness.await("unknown", () -> {
            e.pump();
            return e.stage.unknownOrders(1) == 1;
        }, 5_000);
        assertEquals(1, e.decisions(DecisionKind.UNKNOWN_ORDER_BLOCK));
        assertTrue(e.sender.directWrites() >= 1, "the timed-out create went on a direct connection");
        e.quote(1, 3_900, 1_000, 6_000, 0, 0); // blocked: no new order while unknown
        GatewayHarness.await("held create executes late", () -> h.exchangeOrders(OrderStatus.RESTING).size() == 1, 5_000);
        h.take(1, Side.ASK, 4_000, 400);        // a late fill of the order we do not know is resting
        GatewayHarness.await("late fill counted", () -> {
            e.pump();
            return e.stage.position(1) == 400;
        }, 5_000);
        e.settle();                             // reconciliation adopts the order
        assertEquals(0, e.stage.unknownOrders(1));
        assertEquals("PARTIALLY_FILLED", e.stage.state(1, (byte) 1));
        h.assertMatchesExchange();
        e.quote(1, 3_900, 1_000, 6_000, 0, 0);  // unblocked: the adopted order is amended
        e.awaitQuiet();
        h.assertMatchesExchange();
        assertEquals(1, h.exchangeOrders(null).size(), "one order, never doubled");
    }

    @Test
    void storm429BacksOffAndLosesNothing() {
        GatewayHarness.Engine e = start(RateTier.BASIC, OrdersConfig.DEFAULTS);
        h.server.faults().failRest(Faults.RestFault.HTTP_429, 6, "/trade-api/v2/portfolio/events");
        for (int i = 0; i < 12; i++) {
            for (int m = 0; m < 2; m++) {
                e.quote(m, 4_000 + 100 * i, 1_000, 6_000 - 100 * i, 1_000, 0);
            }
            e.pump();
        }
        e.awaitQuiet(60_000);
        assertTrue(e.sender.throttled() >= 6, "429s seen: " + e.sender.throttled());
        h.assertMatchesExchange();
    }

    @Test
    void burst503RetriesThenReconciles() {
        GatewayHarness.Engine e = start(RateTier.PRIME, OrdersConfig.DEFAULTS);
        h.server.faults().failRest(Faults.RestFault.HTTP_503, 6, "/trade-api/v2/portfolio/events");
        e.quote(0, 4_800, 1_000, 5_200, 1_000, 0);  // 1 + 3 retries: all 503 → unknown
        e.quote(1, 4_800, 1_000, 5_200, 1_000, 0);  // 2 more 503s, then through
        e.settle();
        assertTrue(e.sender.serverErrors() >= 6);
        e.quote(0, 4_800, 1_000, 5_200, 1_000, 0);  // the unknowns were resolved as never placed: quote again
        e.quote(1, 4_800, 1_000, 5_200, 1_000, 0);
        e.awaitQuiet();
        assertEquals(4, h.exchangeOrders(OrderStatus.RESTING).size());
        h.assertMatchesExchange();
    }

    @Test
    void webSocketDropDuringACancelLosesNoFill() {
        GatewayHarness.Engine e = start(RateTier.PRIME, OrdersConfig.DEFAULTS);
        e.quote(0, 4_800, 1_000, 5_200, 1_000, 0);
        e.awaitQuiet();
        h.server.faults().dropWebSockets();
        h.take(0, Side.BID, 5_200, 250);              // filled while the fill channel is down
        e.quote(0, 4_800, 0, 5_200, 0, 0);           // and canceled
        e.awaitQuiet();
        GatewayHarness.await("feed reconnects", e.feed::isConnected, 10_000);
        e.reconcile();                               // the engine reconciles after every reconnect
        assertEquals(-250, e.stage.position(0));
        h.assertMatchesExchange();
    }

    @Test
    void restartWithRestingOrdersAdoptsThem() {
        GatewayHarness.Engine e = start(RateTier.PRIME, OrdersConfig.DEFAULTS.withAdoptOnStart(true));
        e.quote(0, 4_800, 1_000, 5_200, 1_000, 0);
        e.quote(1, 3_000, 500, 7_000, 500, 0);
        e.awaitQuiet();
        h.take(1, Side.ASK, 3_000, 200);
        GatewayHarness.await("fill", () -> {
            e.pump();
            return e.stage.position(1) == 200;
        }, 5_000);
        e.close();                                   // crash: nothing canceled
        GatewayHarness.Engine e2 = h.startEngine(0xB2, OrdersConfig.DEFAULTS.withAdoptOnStart(true), b -> { });
        assertEquals(4, e2.stage.openOrders(), "the four resting orders adopted");
        assertEquals(200, e2.stage.position(1), "the position is the exchange's baseline");
        h.assertMatchesExchange();
        e2.quote(0, 4_700, 1_000, 5_200, 1_000, 0); // an adopted order is amended like our own
        e2.awaitQuiet();
        h.assertMatchesExchange();
    }

    @Test
    void restartWithRestingOrdersCancelsThemWhenConfigured() {
        GatewayHarness.Engine e = start(RateTier.PRIME, OrdersConfig.DEFAULTS);
        e.quote(0, 4_800, 1_000, 5_200, 1_000, 0);
        e.awaitQuiet();
        e.close();
        GatewayHarness.Engine e2 = h.startEngine(0xB3, OrdersConfig.DEFAULTS.withAdoptOnStart(false), b -> { });
        e2.awaitQuiet();
        assertEquals(0, h.exchangeOrders(OrderStatus.RESTING).size(), "canceled at start");
        h.assertMatchesExchange();
    }

    @Test
    void stalePreSignedHeaderGets401ThenAFreshSignature() {
        h = new GatewayHarness(2, RateTier.PRIME, true);
        java.util.concurrent.atomic.AtomicBoolean skewed = new java.util.concurrent.atomic.AtomicBoolean(true);
        GatewayHarness.Engine e = h.startEngine(0xA7, OrdersConfig.DEFAULTS, b -> b.preSignMaxAge(Duration.ofHours(1))
            .clockMillis(() -> System.currentTimeMillis()
                - (skewed.get() && Thread.currentThread().getName().equals("gateway-pacer") ? 40_000 : 0)));
        GatewayHarness.await("pre-signed", e.sender::preSignedReady, 5_000);
        skewed.set(false); // the pre-signed headers are now 40 s old: outside Kalshi's window
        e.quote(0, 4_800, 1_000, 0, 0, 0);
        e.awaitQuiet();
        assertEquals(1, e.sender.unauthorized(), "one 401, then a fresh signature");
        assertEquals("RESTING", e.stage.state(0, (byte) 1));
        h.assertMatchesExchange();
    }
}

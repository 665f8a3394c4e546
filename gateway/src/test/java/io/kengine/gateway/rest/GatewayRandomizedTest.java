package io.kengine.gateway.rest;

import io.kengine.gateway.orders.OrdersConfig;
import io.kengine.sim.exchange.Side;
import io.kengine.sim.server.Faults;
import io.kengine.sim.server.RateTier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A long seeded run against the simulator: random quotes on four markets, a counterparty trading into
 * them, and every fault switched on at random (lost replies, requests that time out and execute late,
 * 429 and 503 bursts, WebSocket drops). It ends with zero discrepancies between local and exchange
 * state and no order ever doubled. {@code -Dgateway.seed=N} replays another seed; about 30 s.
 */
class GatewayRandomizedTest {
    private static final int MARKETS = 4;
    private static final int TARGET_ORDERS = 2_000;
    private static final long BUDGET_MS = 30_000;
    private GatewayHarness h;

    @AfterEach
    void tearDown() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void randomFaultsEndWithZeroDiscrepancies() {
        long seed = Long.getLong("gateway.seed", 20_261_121L);
        SplittableRandom rnd = new SplittableRandom(seed);
        h = new GatewayHarness(MARKETS, RateTier.PRIME, true);
        GatewayHarness.Engine e = h.startEngine(0xC1, OrdersConfig.DEFAULTS,
            b -> b.readTimeout(Duration.ofMillis(400)).callTimeout(Duration.ofMillis(800)).tier(io.kengine.gateway.rest.RateTier.PRIME),
            new Reconciler.Settings(Duration.ofMillis(1_000), Duration.ofMillis(900), Duration.ofSeconds(60)));
        Faults faults = h.server.faults();
        long[] bid = new long[MARKETS];
        long[] ask = new long[MARKETS];
        long start = System.currentTimeMillis();
        int steps = 0;
        int faultsInjected = 0;
        while (h.createLegs < TARGET_ORDERS && System.currentTimeMillis() - start < BUDGET_MS) {
            steps++;
            int m = rnd.nextInt(MARKETS);
            long mid = 100 * rnd.nextInt(30, 71);
            long half = 100 * rnd.nextInt(1, 4);
            bid[m] = mid - half;
            ask[m] = mid + half;
            long bq = rnd.nextInt(10) < 3 ? 0 : 100 * rnd.nextInt(1, 20);
            long aq = rnd.nextInt(10) < 3 ? 0 : 100 * rnd.nextInt(1, 20);
            e.quote(m, bid[m], bq, ask[m], aq, rnd.nextInt(4) == 0 ? 300 : 0);
            if (rnd.nextInt(3) == 0) { // the counterparty takes from one of our quotes
                int t = rnd.nextInt(MARKETS);
                if (bid[t] > 0) {
                    boolean hitBid = rnd.nextBoolean();
                    h.take(t, hitBid ? Side.ASK : Side.BID, hitBid ? bid[t] : ask[t], 100 * rnd.nextInt(1, 15));
                }
            }
            int f = rnd.nextInt(1_000);
            if (f < 8) {
                faults.loseOrderReplies(1);
                faultsInjected++;
            } else if (f < 11) {
                faults.holdOrderReplies(1, Duration.ofMillis(600));
                faultsInjected++;
            } else if (f < 19) {
                faults.failRest(Faults.RestFault.HTTP_429, rnd.nextInt(1, 4), "/trade-api/v2/portfolio/events");
                faultsInjected++;
            } else if (f < 26) {
                faults.failRest(Faults.RestFault.HTTP_503, rnd.nextInt(1, 6), "/trade-api/v2/portfolio/events");
                faultsInjected++;
            } else if (f < 28) {
                faults.dropWebSockets();
                e.reconciler.requestRound(); // what the engine does after the feed reconnects
                faultsInjected++;
            }
            if (steps % 16 == 0) {
                e.timer();
            }
            e.pump();
            GatewayHarness.pause(1);
        }
        faults.clear();
        e.awaitQuiet(30_000);
        GatewayHarness.await("feed connected", e.feed::isConnected, 10_000);
        e.awaitQuiet();
        System.out.println("before the final reconciliation: positions " + h.exchangePositions() + " local "
            + java.util.stream.IntStream.range(0, MARKETS).mapToObj(e.stage::position).toList()
            + " orders that differ:" + h.restingDiff());
        e.reconcile();
        e.reconcile();
        h.assertMatchesExchange();
        System.out.printf("randomized gateway run: seed %d, %d steps, %d create legs, %d faults, %d requests, %d 429s, "
                + "%d 5xx, %d transport failures, %d unknowns, %d lookups, %d duplicate fills, %d direct writes, %d OkHttp "
                + "fallbacks, %d ms%n", seed, steps,
            h.createLegs, faultsInjected, e.sender.requests(), e.sender.throttled(), e.sender.serverErrors(),
            e.sender.transportFailures(), e.sender.unknowns(), e.sender.lookups(), e.stage.duplicateFills(),
            e.sender.directWrites(), e.sender.directFallbacks(), System.currentTimeMillis() - start);
        assertTrue(h.createLegs >= 1_000, "thousands of orders: " + h.createLegs);
        assertTrue(faultsInjected >= 20, "faults injected: " + faultsInjected);
    }
}

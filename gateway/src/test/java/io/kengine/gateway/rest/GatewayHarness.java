package io.kengine.gateway.rest;

import io.kengine.feed.connection.FeedConfig;
import io.kengine.feed.connection.KalshiFeed;
import io.kengine.gateway.GatewaySignals;
import io.kengine.gateway.MarketTickers;
import io.kengine.gateway.orders.OrdersConfig;
import io.kengine.gateway.orders.QuoteOrdersStage;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.DecisionEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.SessionStartEvent;
import io.kengine.protocol.event.TimerEvent;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.protocol.stage.Regime;
import io.kengine.protocol.units.TickGrid;
import io.kengine.sim.exchange.FeeSchedule;
import io.kengine.sim.exchange.MarketSpec;
import io.kengine.sim.exchange.OrderFilter;
import io.kengine.sim.exchange.OrderRequest;
import io.kengine.sim.exchange.OrderResult;
import io.kengine.sim.exchange.OrderState;
import io.kengine.sim.exchange.OrderStatus;
import io.kengine.sim.exchange.PositionState;
import io.kengine.sim.exchange.Side;
import io.kengine.sim.server.RateTier;
import io.kengine.sim.server.SimServer;
import io.kengine.sim.server.SimServerConfig;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The gateway against the real loopback simulator: the orders stage driven on the test thread (which
 * plays the business and the sender thread), the real KalshiRestSender, Reconciler and InboundPublisher,
 * and the real feed as the fill / user_orders channel, all publishing into a {@link TestRing}.
 */
final class GatewayHarness implements AutoCloseable {
    static final String KEY = "key-gw";
    static final String ACCOUNT = "gw";
    static final String COUNTERPARTY = "cp";
    static final long DEPOSIT = 10_000_000_000L; // $1,000,000

    final SimServer server;
    final List<String> tickers;
    final MarketTickers ids;
    Engine engine;
    /** Every client order id any engine run sent in a create leg. */
    final Set<String> createdClientIds = new HashSet<>();
    /** ... and every id an amend gave an order. */
    final Set<String> ourClientIds = new HashSet<>();
    int createLegs;

    GatewayHarness(int markets, RateTier tier, boolean rateLimits) {
        server = new SimServer(SimServerConfig.builder().rateLimits(rateLimits).defaultTier(tier)
            .pingInterval(Duration.ofMillis(500)).pongTimeout(Duration.ofSeconds(5)).build()).start();
        server.registerKey(KEY, ACCOUNT, TestKeys.publicPem(), tier);
        server.registerKey("key-cp", COUNTERPARTY, TestKeys.publicPem(), RateTier.PRESTIGE);
        server.deposit(ACCOUNT, DEPOSIT);
        server.deposit(COUNTERPARTY, DEPOSIT);
        List<String> t = new ArrayList<>();
        for (int i = 0; i < markets; i++) {
            t.add("KXGW-26DEC31-M" + i);
        }
        tickers = List.copyOf(t);
        ids = MarketTickers.of(tickers);
        long now = server.now();
        server.exchange(ex -> {
            for (String ticker : tickers) {
                ex.addMarket(new MarketSpec(ticker, "KXGW-26DEC31", "KXGW", TickGrid.uniform(100), now - 1_000,
                    now + 3_600_000, FeeSchedule.QUADRATIC), now);
            }
            return null;
        });
    }

    /** One engine run: stage, sender, reconciler, inbound publisher, feed. */
    final class Engine implements AutoCloseable {
        final TestRing ring = new TestRing();
        final QuoteOrdersStage stage;
        final InboundPublisher inbound;
        final KalshiRestSender sender;
        final Reconciler reconciler;
        final KalshiFeed feed;
        final EventSlot slot = new EventSlot();
        final List<byte[]> outbound = new ArrayList<>();
        final List<DecisionEvent> decisions = new ArrayList<>();
        final long runId;

        Engine(long runId, OrdersConfig orders, Consumer<SenderConfig.Builder> senderTweak, Reconciler.Settings rs) {
            this.runId = runId;
            SenderConfig.Builder b = SenderConfig.builder().restBaseUrl(server.restBaseUrl()).keyId(KEY)
                .privateKey(TestKeys.PAIR.getPrivate()).tier(io.kengine.gateway.rest.RateTier.PRIME)
                .readTimeout(Duration.ofMillis(1_500)).callTimeout(Duration.ofSeconds(3))
                .backoff(Duration.ofMillis(10), Duration.ofMillis(200)).seed(runId);
            senderTweak.accept(b);
            SenderConfig config = b.build();
            inbound = new InboundPublisher(ring).start();
            sender = new KalshiRestSender(config, ids, inbound).start();
            reconciler = new Reconciler(sender, ids, inbound, rs, config.clockMillis());
            GatewaySignals signals = reconciler;
            UnsafeBuffer out = new UnsafeBuffer(new byte[EventHeader.MAX_EVENT_LENGTH]);
            EventPublisher outPublisher = new EventPublisher() {
                @Override
                public MutableDirectBuffer claim() {
                    return out;
                }

                @Override
                public long publish() {
                    int len = EventHeader.length(out, 0);
                    byte[] copy = new byte[len];
                    out.getBytes(0, copy);
                    outbound.add(copy);
                    EventHeader.sequence(out, 0, outbound.size());
                    if (EventHeader.type(out, 0) == EventType.ORDER_INTENT) {
                        OrderIntentEvent e = new OrderIntentEvent();
                        e.wrap(new UnsafeBuffer(copy), 0);
                        for (int i = 0; i < e.legCount(); i++) {
                            if (e.legAction(i) == OrderIntentEvent.CREATE) {
                                createLegs++;
                                assertTrue(createdClientIds.add(e.legClientOrderId(i)), "client order id reused");
                                ourClientIds.add(e.legClientOrderId(i));
                            } else if (e.legAction(i) == OrderIntentEvent.AMEND) {
                                ourClientIds.add(e.legUpdatedClientOrderId(i));
                            }
                        }
                        EventHeader.sequence(new UnsafeBuffer(copy), 0, outbound.size());
                        sender.send(new UnsafeBuffer(copy), 0, len, true); // the sender thread, after journal-out
                    } else {
                        DecisionEvent d = new DecisionEvent();
                        d.wrap(new UnsafeBuffer(copy), 0);
                        decisions.add(d);
                    }
                    return outbound.size();
                }
            };
            stage = new QuoteOrdersStage(outPublisher, orders, signals);
            new SessionStartEvent().wrapForEncode(slot.event(), 0, EventSource.ENGINE).runId(runId).mode("test");
            inject();
            feed = new KalshiFeed(FeedConfig.builder().restBaseUrl(server.restBaseUrl()).wsUrl(server.webSocketUrl())
                .keyId(KEY).privateKey(TestKeys.PAIR.getPrivate()).tickers(tickers)
                .deadAfter(Duration.ofSeconds(5)).backoff(Duration.ofMillis(200), Duration.ofMillis(400))
                .resyncTimeout(Duration.ofMillis(500)).tickInterval(Duration.ofMillis(20))
                .restFallbackAfter(Duration.ZERO).httpTimeout(Duration.ofSeconds(3)).build(), ring);
            feed.start();
            await("feed connected", feed::isConnected, 10_000);
            reconciler.start();
            await("startup reconciliation", () -> reconciler.completedRounds() >= 1, 10_000);
            await("direct connections up", () -> sender.directConnected() == config.directConnections(), 10_000);
            awaitQuiet();
        }

        /** Pushes the slot's event (already encoded) through the stage, stamped by the ring. */
        void inject() {
            ring.stamp(slot.event());
            slot.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0);
            stage.onEvent(slot, true);
        }

        void pump() {
            for (byte[] e; (e = ring.poll()) != null; ) {
                slot.copyFrom(new UnsafeBuffer(e), 0, e.length);
                stage.onEvent(slot, true);
            }
        }

        void quote(int market, long bid, long bidQty, long ask, long askQty, int lifetimeMs) {
            pump();
            new TimerEvent().wrapForEncode(slot.event(), 0, EventSource.TIMER);
            EventHeader.marketId(slot.event(), 0, market);
            ring.stamp(slot.event());
            slot.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0);
            QuoteNote q = new QuoteNote().wrap(slot, QuoteNote.RISK);
            q.set(market, QuoteNote.FLAG_PRESENT, bid, bidQty, QuoteReason.QUOTED, ask, askQty, QuoteReason.QUOTED,
                (bid + ask) / 2);
            q.meta(Regime.CALM, lifetimeMs);
            stage.onEvent(slot, true);
        }

        void pullAll() {
            pump();
            new TimerEvent().wrapForEncode(slot.event(), 0, EventSource.TIMER);
            ring.stamp(slot.event());
            slot.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0);
            new QuoteNote().wrap(slot, QuoteNote.RISK).set(EventHeader.NO_MARKET, QuoteNote.FLAG_PRESENT | QuoteNote.FLAG_PULL,
                0, 0, QuoteReason.RISK_HALTED, 0, 0, QuoteReason.RISK_HALTED, 0);
            stage.onEvent(slot, true);
        }

        void timer() {
            pump();
            new TimerEvent().wrapForEncode(slot.event(), 0, EventSource.TIMER);
            inject();
        }

        /** Idle: nothing queued or in flight in the sender, the publisher or the ring, several times in a row. */
        void awaitQuiet() {
            awaitQuiet(20_000);
        }

        void awaitQuiet(long timeoutMs) {
            long deadline = System.currentTimeMillis() + timeoutMs;
            int quiet = 0;
            while (quiet < 5) {
                pump();
                if (sender.isIdle() && inbound.isIdle() && ring.isEmpty()) {
                    quiet++;
                } else {
                    quiet = 0;
                }
                if (System.currentTimeMillis() > deadline) {
                    fail("gateway not quiet within " + timeoutMs + " ms: sender " + sender.debugState()
                        + ", inbound idle " + inbound.isIdle() + ", ring empty " + ring.isEmpty());
                }
                pause(10);
            }
        }

        /** Runs a reconciliation round and waits until its events went through the stage. */
        void reconcile() {
            long before = reconciler.completedRounds();
            reconciler.requestRound();
            await("reconciliation round", () -> {
                pump();
                return reconciler.completedRounds() > before;
            }, 20_000);
            awaitQuiet();
        }

        /** Unknown orders resolved, nothing pending: waits, reconciling as the engine's timer would. */
        void settle() {
            awaitQuiet();
            long deadline = System.currentTimeMillis() + 30_000;
            while (hasUnsettledOrders()) {
                if (System.currentTimeMillis() > deadline) {
                    fail("orders never settled: " + localOrders());
                }
                reconcile();
            }
        }

        boolean hasUnsettledOrders() {
            boolean[] any = {false};
            stage.forEachOrder((m, side, state, cid, oid, price, rem, filled) ->
                any[0] |= !(state.equals("RESTING") || state.equals("PARTIALLY_FILLED")));
            return any[0];
        }

        List<String> localOrders() {
            List<String> out = new ArrayList<>();
            stage.forEachOrder((m, side, state, cid, oid, price, rem, filled) ->
                out.add(m + "/" + Codes.orderSide(side) + " " + state + " " + cid + " " + oid + " @" + price + " x" + rem));
            return out;
        }

        long decisions(int kind) {
            return decisions.stream().filter(d -> d.kind() == kind).count();
        }

        @Override
        public void close() {
            feed.stop();
            reconciler.close();
            sender.close();
            inbound.close();
        }
    }

    Engine startEngine(long runId, OrdersConfig orders, Consumer<SenderConfig.Builder> senderTweak) {
        return startEngine(runId, orders, senderTweak, new Reconciler.Settings(Duration.ZERO, Duration.ofMillis(700),
            Duration.ofSeconds(60)));
    }

    Engine startEngine(long runId, OrdersConfig orders, Consumer<SenderConfig.Builder> senderTweak, Reconciler.Settings rs) {
        engine = new Engine(runId, orders, senderTweak, rs);
        return engine;
    }

    // ------------------------------------------------------------------ the other side

    /** The counterparty takes up to {@code count} of our orders at {@code price} (IOC). */
    OrderResult take(int market, Side side, long price, long count) {
        long now = server.now();
        return server.exchange(ex -> ex.createOrder(COUNTERPARTY, OrderRequest.of(tickers.get(market), side, price, count)
            .withTimeInForce(io.kengine.sim.exchange.TimeInForce.IMMEDIATE_OR_CANCEL), now));
    }

    List<OrderState> exchangeOrders(OrderStatus status) {
        List<OrderState> out = new ArrayList<>();
        String cursor = null;
        do {
            String c = cursor;
            var page = server.exchange(ex -> ex.orders(ACCOUNT, status == null ? OrderFilter.ALL : OrderFilter.status(status), c, 1000));
            out.addAll(page.items());
            cursor = page.cursor();
        } while (cursor != null && !cursor.isEmpty());
        return out;
    }

    Map<String, Long> exchangePositions() {
        Map<String, Long> out = new TreeMap<>();
        for (PositionState p : server.exchange(ex -> ex.positions(ACCOUNT))) {
            out.put(p.ticker(), p.position());
        }
        return out;
    }

    /** Differences between local and exchange resting orders right now (diagnostics; no reconciliation). */
    String restingDiff() {
        Map<String, String> local = new TreeMap<>();
        engine.stage.forEachOrder((m, side, state, cid, oid, price, rem, filled) ->
            local.put(oid, tickers.get(m) + " " + Codes.orderSide(side) + " @" + price + " x" + rem + " " + state + " " + cid));
        Map<String, String> exchange = new TreeMap<>();
        for (OrderState o : exchangeOrders(OrderStatus.RESTING)) {
            exchange.put(o.orderId(), o.ticker() + " " + (o.side() == Side.BID ? "bid" : "ask") + " @" + o.price()
                + " x" + o.remainingCount() + " " + o.clientOrderId() + " " + o.lastUpdateReason());
        }
        StringBuilder sb = new StringBuilder();
        Set<String> ids = new java.util.TreeSet<>(local.keySet());
        ids.addAll(exchange.keySet());
        for (String id : ids) {
            String l = local.get(id);
            String x = exchange.get(id);
            if (l == null || x == null || !l.substring(0, l.indexOf(" x") + 6).split(" ")[3].equals(x.split(" ")[3])
                || !l.split(" ")[2].equals(x.split(" ")[2])) {
                sb.append("\n  ").append(id).append(" local=").append(l).append(" exchange=").append(x);
            }
        }
        return sb.toString();
    }

    /** Local orders and positions equal the exchange's exactly, and no order was ever doubled. */
    void assertMatchesExchange() {
        Engine e = engine;
        e.settle();
        Map<String, String> local = new TreeMap<>();
        e.stage.forEachOrder((m, side, state, cid, oid, price, rem, filled) ->
            local.put(oid, tickers.get(m) + " " + Codes.orderSide(side) + " @" + price + " x" + rem));
        Map<String, String> exchange = new TreeMap<>();
        Map<String, Integer> perSide = new HashMap<>();
        for (OrderState o : exchangeOrders(OrderStatus.RESTING)) {
            exchange.put(o.orderId(), o.ticker() + " " + (o.side() == Side.BID ? "bid" : "ask") + " @" + o.price()
                + " x" + o.remainingCount());
            perSide.merge(o.ticker() + o.side(), 1, Integer::sum);
        }
        if (!exchange.equals(local)) {
            StringBuilder why = new StringBuilder("resting orders differ.\nlocal: " + e.localOrders() + "\nexchange:");
            Set<String> ids = new HashSet<>(local.keySet());
            ids.addAll(exchange.keySet());
            for (String id : ids) {
                server.exchange(ex -> ex.order(ACCOUNT, id)).ifPresent(o -> why.append("\n  ").append(o.orderId())
                    .append(' ').append(o.clientOrderId()).append(' ').append(o.status()).append(" @").append(o.price())
                    .append(" filled ").append(o.fillCount()).append(" rem ").append(o.remainingCount())
                    .append(" last ").append(o.lastUpdateReason()));
            }
            fail(why.toString());
        }
        for (Map.Entry<String, Integer> s : perSide.entrySet()) {
            assertTrue(s.getValue() <= 1, "more than one resting order on " + s.getKey() + ": doubled");
        }
        Map<String, Long> positions = exchangePositions();
        for (int m = 0; m < tickers.size(); m++) {
            assertEquals(positions.getOrDefault(tickers.get(m), 0L), e.stage.position(m), "position of " + tickers.get(m));
        }
        Set<String> seen = new HashSet<>();
        List<OrderState> all = exchangeOrders(null);
        for (OrderState o : all) {
            assertTrue(ourClientIds.contains(o.clientOrderId()), "exchange order not ours: " + o.clientOrderId());
            assertTrue(seen.add(o.clientOrderId()), "client order id twice on the exchange: " + o.clientOrderId());
        }
        assertTrue(all.size() <= createLegs, "more exchange orders (" + all.size() + ") than create legs (" + createLegs + ")");
        assertEquals(0, e.stage.mismatches(), "no reconciliation mismatch");
    }

    static void await(String what, BooleanSupplier condition, long timeoutMs) {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out waiting for " + what);
            }
            pause(5);
        }
    }

    static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
        server.close();
    }
}

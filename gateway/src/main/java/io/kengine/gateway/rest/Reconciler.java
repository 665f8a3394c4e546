package io.kengine.gateway.rest;

import io.kengine.gateway.GatewaySignals;
import io.kengine.gateway.MarketTickers;
import io.kengine.gateway.ReconcileEvents;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.event.Flyweight;
import io.kengine.protocol.event.OperatorCommandEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.wire.KalshiPaths;
import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.model.OutcomeSide;
import io.kengine.protocol.wire.rest.ExchangeStatus;
import io.kengine.protocol.wire.rest.GetFillsResponse;
import io.kengine.protocol.wire.rest.GetOrdersResponse;
import io.kengine.protocol.wire.rest.GetPositionsResponse;
import io.kengine.protocol.wire.rest.MarketCodecs;
import io.kengine.protocol.wire.rest.Order;
import io.kengine.protocol.wire.rest.PortfolioCodecs;
import io.kengine.protocol.wire.rest.PortfolioFill;
import io.kengine.protocol.wire.rest.PortfolioMarketPosition;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Compares the exchange with the engine, off the business thread: it reads open orders, fills and
 * positions over REST on its own thread ({@code gateway-reconciler}) and publishes them as a
 * reconciliation round of inbound events ({@link ReconcileEvents}); the orders stage compares them with
 * its state deterministically (so replay reproduces every decision), adopts what is provable, and on an
 * unexplained position mismatch records {@code RECONCILE_MISMATCH} and signals
 * {@link #reconcileMismatch}, for which this class publishes an inbound {@code OperatorCommand HALT} for
 * the market.
 *
 * <p>Rounds run at start ({@link #start()}: the startup round, which sets the position baseline and lets
 * the stage adopt or cancel the open orders it finds), every {@code period}, after an order went unknown
 * (after {@code unknownGrace}, so a late request has landed) and after a feed reconnect
 * ({@link #requestRound()}). The round's begin marker is on the ring before the first GET is sent, so an
 * order the stage saw resting at the begin marker was on the exchange before the snapshot was read.
 */
public final class Reconciler implements GatewaySignals, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Reconciler.class.getName());
    private static final int MAX_PAGES = 100;

    /**
     * @param period       between periodic rounds; zero = only on request
     * @param unknownGrace wait after an unknown order before reconciling (longer than the HTTP timeouts)
     * @param fillWindow   how far back each round re-reads fills (deduplicated by the stage)
     */
    public record Settings(Duration period, Duration unknownGrace, Duration fillWindow) {
        public static final Settings DEFAULTS = new Settings(Duration.ofSeconds(10), Duration.ofSeconds(3),
            Duration.ofSeconds(60));
    }

    private final KalshiRestSender rest;
    private final MarketTickers tickers;
    private final InboundPublisher inbound;
    private final Settings settings;
    private final java.util.function.LongSupplier clockMillis;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicLong rounds = new AtomicLong();
    private final AtomicLong completedRounds = new AtomicLong();
    private final AtomicLong failedRounds = new AtomicLong();
    private final AtomicLong halts = new AtomicLong();
    private final AtomicLong unknownTickers = new AtomicLong();
    private volatile long baselineMs = Long.MIN_VALUE;
    private volatile long lastRoundStartMs;
    private volatile long balance = Wire.ABSENT;
    private volatile ExchangeStatus exchangeStatus;

    public Reconciler(KalshiRestSender rest, MarketTickers tickers, InboundPublisher inbound, Settings settings,
                      java.util.function.LongSupplier clockMillis) {
        this.rest = rest;
        this.tickers = tickers;
        this.inbound = inbound;
        this.settings = settings;
        this.clockMillis = clockMillis;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gateway-reconciler");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the startup round now, then a round every period. Also routes the sender's unknowns here. */
    public Reconciler start() {
        rest.onUnknown(this::unknownOrder);
        thread.execute(() -> round(true));
        long p = settings.period().toMillis();
        if (p > 0) {
            thread.scheduleWithFixedDelay(() -> round(false), p, p, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** A round as soon as possible (e.g. the feed reconnected). Coalesces with one already requested. */
    public void requestRound() {
        requestRound(0);
    }

    private void requestRound(long delayMs) {
        if (requested.compareAndSet(false, true)) {
            try {
                thread.schedule(() -> {
                    requested.set(false);
                    round(false);
                }, delayMs, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                requested.set(false); // closed
            }
        }
    }

    @Override
    public void unknownOrder(int marketId) {
        requestRound(settings.unknownGrace().toMillis());
    }

    /** From the business thread: never blocks (an unbounded queue add). */
    @Override
    public void reconcileMismatch(int marketId) {
        halts.incrementAndGet();
        inbound.offer(b -> new OperatorCommandEvent().wrapForEncode(b, 0, marketId, EventSource.GATEWAY)
            .command(OperatorCommandEvent.HALT).reason("reconcile mismatch"));
        LOG.log(System.Logger.Level.ERROR, "gateway: reconciliation mismatch in market " + marketId + " ("
            + tickers.ticker(marketId) + "): halted");
    }

    // ------------------------------------------------------------------ a round

    /** One round; on the reconciler's thread. Package-private for tests. */
    void round(boolean startup) {
        if (!startup && baselineMs == Long.MIN_VALUE) {
            return; // the startup round has not succeeded yet: it sets the baseline first
        }
        long r = rounds.incrementAndGet();
        long startMs = clockMillis.getAsLong();
        try {
            if (startup) {
                exchangeStatus = MarketCodecs.EXCHANGE_STATUS.fromJson(rest.get(KalshiPaths.EXCHANGE_STATUS));
                balance = PortfolioCodecs.GET_BALANCE_RESPONSE.fromJson(rest.get(KalshiPaths.BALANCE)).balance();
            }
            long base = startup ? startMs : baselineMs;
            CountDownLatch onRing = new CountDownLatch(1);
            inbound.offer(b -> ReconcileEvents.marker(b, r, ReconcileEvents.PHASE_BEGIN, startup, base), onRing::countDown);
            if (!onRing.await(30, TimeUnit.SECONDS)) {
                throw new IOException("begin marker not published");
            }
            Map<String, Long> positions = null;
            List<Order> orders = null;
            List<PortfolioFill> fills = List.of();
            for (int attempt = 0; attempt < 4; attempt++) {
                Map<String, Long> before = positions();
                orders = restingOrders();
                if (!startup) {
                    long fromMs = Math.max(baselineMs, lastRoundStartMs - settings.fillWindow().toMillis());
                    fills = fills(Math.max(0, fromMs / 1000 - 1));
                }
                positions = positions();
                if (before.equals(positions)) {
                    break; // no trade between the two reads: orders, fills and positions agree
                }
            }
            publish(r, startup, base, orders, fills, positions);
            if (startup) {
                baselineMs = startMs;
            }
            lastRoundStartMs = startMs;
            completedRounds.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            failedRounds.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "gateway: reconciliation round " + r + " failed: " + e);
            if (startup) {
                thread.schedule(() -> round(true), 1, TimeUnit.SECONDS);
            } else {
                requestRound(1_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void publish(long r, boolean startup, long base, List<Order> orders, List<PortfolioFill> fills,
                         Map<String, Long> positions) {
        for (Order o : orders) {
            int market = tickers.marketId(o.ticker());
            if (market < 0) {
                unknownTickers.incrementAndGet();
                continue;
            }
            byte side = o.outcomeSide() == OutcomeSide.NO ? Codes.ASK : Codes.BID;
            inbound.offer(new Reply(market, OrderReplyEvent.ACCEPTED, side, o.clientOrderId(), o.orderId(), o.yesPrice(),
                o.remainingCount(), o.fillCount(), Flyweight.NULL_LONG, (short) 200, ReconcileEvents.REPORT_REASON,
                Reply.nullIfAbsent(o.lastUpdateTimeMs())));
        }
        for (PortfolioFill f : fills) {
            int market = tickers.marketId(f.ticker());
            if (market < 0 || f.createdTimeMs() == Wire.ABSENT || f.createdTimeMs() <= base) {
                continue; // before the baseline: already in the startup position
            }
            byte side = f.outcomeSide() == OutcomeSide.NO ? Codes.ASK : Codes.BID;
            inbound.offer(b -> new FillEvent().wrapForEncode(b, 0, market, EventSource.GATEWAY)
                .price(f.yesPrice()).count(f.count()).fee(f.feeCost() == Wire.ABSENT ? 0 : f.feeCost())
                .exchangeTimeMs(f.createdTimeMs()).side(side).isTaker(f.isTaker())
                .tradeId(f.fillId() == null ? "" : f.fillId()).orderId(f.orderId() == null ? "" : f.orderId()));
        }
        for (Map.Entry<String, Long> p : positions.entrySet()) {
            int market = tickers.marketId(p.getKey());
            if (market < 0) {
                if (p.getValue() != 0) {
                    unknownTickers.incrementAndGet();
                }
                continue;
            }
            long position = p.getValue();
            inbound.offer(b -> ReconcileEvents.position(b, market, position));
        }
        inbound.offer(b -> ReconcileEvents.marker(b, r, ReconcileEvents.PHASE_END, startup, base));
    }

    private Map<String, Long> positions() throws IOException {
        Map<String, Long> out = new TreeMap<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            GetPositionsResponse r = PortfolioCodecs.GET_POSITIONS_RESPONSE.fromJson(rest.get(KalshiPaths.withQuery(
                KalshiPaths.POSITIONS, "limit", "1000", "cursor", empty(cursor))));
            if (r.marketPositions() != null) {
                for (PortfolioMarketPosition p : r.marketPositions()) {
                    out.put(p.ticker(), p.position());
                }
            }
            cursor = r.cursor();
            if (cursor == null || cursor.isEmpty()) {
                break;
            }
        }
        return out;
    }

    private List<Order> restingOrders() throws IOException {
        List<Order> out = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            GetOrdersResponse r = rest.getOrders(null, "resting", cursor);
            out.addAll(r.orders());
            cursor = r.cursor();
            if (cursor == null || cursor.isEmpty()) {
                break;
            }
        }
        return out;
    }

    private List<PortfolioFill> fills(long minTsSeconds) throws IOException {
        List<PortfolioFill> out = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            GetFillsResponse r = PortfolioCodecs.GET_FILLS_RESPONSE.fromJson(rest.get(KalshiPaths.withQuery(
                KalshiPaths.FILLS, "min_ts", Long.toString(minTsSeconds), "limit", "1000", "cursor", empty(cursor))));
            out.addAll(r.fills());
            cursor = r.cursor();
            if (cursor == null || cursor.isEmpty()) {
                break;
            }
        }
        return out;
    }

    private static String empty(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    // ------------------------------------------------------------------ views

    public long rounds() { return rounds.get(); }
    public long completedRounds() { return completedRounds.get(); }
    public long failedRounds() { return failedRounds.get(); }
    public long halts() { return halts.get(); }
    /** Account balance read at start ($0.0001), or {@code Wire.ABSENT}. */
    public long balance() { return balance; }
    public ExchangeStatus exchangeStatus() { return exchangeStatus; }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

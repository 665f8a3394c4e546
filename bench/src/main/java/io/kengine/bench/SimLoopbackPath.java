package io.kengine.bench;

import io.kengine.book.OrderBook;
import io.kengine.engine.BusinessStages;
import io.kengine.engine.ring.StageMapping;
import io.kengine.feed.connection.FeedConfig;
import io.kengine.feed.connection.KalshiFeed;
import io.kengine.protocol.stage.BookTrust;
import io.kengine.protocol.units.FixedPoint;
import io.kengine.protocol.units.TickGrid;
import io.kengine.sim.exchange.FeeSchedule;
import io.kengine.sim.exchange.MarketSpec;
import io.kengine.sim.exchange.OrderRequest;
import io.kengine.sim.exchange.Side;
import io.kengine.sim.server.SimServer;
import io.kengine.sim.server.SimServerConfig;
import org.HdrHistogram.Histogram;

import java.security.KeyPair;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * The open-loop harness over loopback sockets: the driver makes the simulator's exchange emit one
 * {@code orderbook_delta} per planned time (a maker order of 10 at 0.42 placed, then canceled, market
 * by market, the same book moves as {@link TickFrames}), the simulator sends it over its WebSocket,
 * and the engine's real {@code KalshiFeed} (signed upgrade, sequence checks) decodes and publishes it.
 * Latency here is receive-to-intent and receive-to-wire: from the feed's receive timestamp, stamped
 * when the frame's event is published. The load keeps its schedule whatever the engine does; time a
 * frame spent queued in the socket before the feed read it is not in these figures. The simulator
 * shares the JVM, so GC and allocation figures include it.
 */
final class SimLoopbackPath implements TickPath {
    private static final String ACCOUNT = "maker";
    private static final int MAX_MARKET_IDS = 256; // ids the feed assigns start at 0: look a little past the count

    private final SimServer server;
    private final MarkedEngine engine;
    private final KalshiFeed feed;
    private final String[] tickers;
    private final String[] resting;
    private final String name;
    private long next;

    SimLoopbackPath(StageMapping mapping, String wait, boolean journal, int markets, PlannedClock clock) throws Exception {
        this.name = "loopback-" + mapping.name().toLowerCase(Locale.ROOT) + (journal ? "+journal" : "") + " " + wait;
        this.tickers = new String[markets];
        this.resting = new String[markets];
        KeyPair key = SimWebSocketRate.rsaKey();
        this.server = new SimServer(SimServerConfig.builder().port(0).rateLimits(false).build()).start();
        server.registerKey("bench", ACCOUNT, SimWebSocketRate.publicPem(key));
        server.exchange(ex -> {
            long now = server.now();
            ex.deposit(ACCOUNT, FixedPoint.parseMoney("100000000"));
            for (int m = 0; m < markets; m++) {
                tickers[m] = "KXLOOP-26DEC31-M" + m;
                ex.addMarket(new MarketSpec(tickers[m], "KXLOOP-26DEC31", "KXLOOP", TickGrid.uniform(FixedPoint.CENT), 0,
                    now + 365L * 24 * 3600 * 1000, FeeSchedule.QUADRATIC), now);
                for (int level = 0; level < 10; level++) {
                    ex.createOrder(ACCOUNT, OrderRequest.of(tickers[m], Side.BID, 4_000 - 100 * level, 5_000), now);
                    ex.createOrder(ACCOUNT, OrderRequest.of(tickers[m], Side.ASK, 5_000 + 100 * level, 5_000), now);
                }
            }
            return null;
        });
        this.engine = new MarkedEngine(mapping, wait, journal, 0x100B, clock);
        this.feed = new KalshiFeed(FeedConfig.builder().restBaseUrl(server.restBaseUrl()).wsUrl(server.webSocketUrl())
            .keyId("bench").privateKey(key.getPrivate()).tickers(List.of(tickers)).seed(1).build(),
            engine.runtime.newInboundPublisher());
        feed.start();
        awaitTrustedBooks(engine.stages, markets);
    }

    /** Readiness only (a racy read of the book stage from this thread, retried until a deadline). */
    private void awaitTrustedBooks(BusinessStages stages, int markets) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            engine.pump();
            int trusted = 0;
            for (int m = 0; m < MAX_MARKET_IDS && trusted < markets; m++) {
                OrderBook b = stages.book().book(m);
                if (b != null && b.trustState() == BookTrust.TRUSTED) {
                    trusted++;
                }
            }
            if (trusted >= markets) {
                return;
            }
            LockSupport.parkNanos(1_000_000);
        }
        throw new IllegalStateException("the engine's books did not become trusted within 30 s");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void submit(byte[] frame, long plannedNanos) {
        int m = (int) (next % tickers.length);
        boolean add = (next / tickers.length) % 2 == 0;
        next++;
        server.exchange(ex -> {
            long now = server.now();
            if (add) {
                resting[m] = ex.createOrder(ACCOUNT, OrderRequest.of(tickers[m], Side.BID, 4_200, 1_000), now).orderId();
            } else if (resting[m] != null) {
                ex.cancelOrder(ACCOUNT, resting[m], now);
                resting[m] = null;
            }
            return null;
        });
    }

    @Override
    public void pump() {
        engine.pump();
    }

    @Override
    public Histogram intentInterval(Histogram reuse) {
        return engine.intentInterval(reuse);
    }

    @Override
    public Histogram wireInterval(Histogram reuse) {
        return engine.wireInterval(reuse);
    }

    @Override
    public long intents() {
        return engine.intents();
    }

    /** The feed keeps publishing for a moment after the last order call: wait until inbound stops growing too. */
    @Override
    public boolean drain(long timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        long lastSeen = -1;
        while (System.nanoTime() < deadline) {
            long published = engine.runtime.counters().inboundPublished.get();
            if (published == lastSeen && engine.drain(1)) {
                return true;
            }
            lastSeen = published;
            LockSupport.parkNanos(5_000_000);
        }
        return false;
    }

    @Override
    public long errors() {
        return engine.errors() + feed.decodeCounters().totalDropped();
    }

    @Override
    public long ringFull() {
        return engine.ringFull();
    }

    @Override
    public void close() {
        feed.close();
        engine.close();
        server.close();
    }

}

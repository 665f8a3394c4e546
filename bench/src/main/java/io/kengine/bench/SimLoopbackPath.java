package io.kengine.bench;

import io.kengine.book.OrderBook;
import io.kengine.engine.BusinessStages;
import io.kengine.engine.kalshi.FeedMarketTickers;
import io.kengine.engine.ring.StageMapping;
import io.kengine.feed.connection.FeedConfig;
import io.kengine.feed.connection.FeedTransport;
import io.kengine.feed.connection.KalshiFeed;
import io.kengine.protocol.stage.BookTrust;
import io.kengine.sim.server.SimServer;
import org.HdrHistogram.Histogram;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * The open-loop harness over loopback sockets: the driver makes the simulator's exchange emit one
 * {@code orderbook_delta} per planned time ({@link LoopbackMarkets#step}), the simulator sends it over its
 * WebSocket, and the engine's real {@code KalshiFeed} (signed upgrade, sequence checks) decodes and
 * publishes it. Latency here is receive-to-intent and receive-to-wire: from the feed's receive
 * timestamp, stamped when the frame's event is published. The load keeps its schedule whatever the
 * engine does; time a frame spent queued in the socket before the feed read it is not in these figures.
 *
 * <p>By default the simulator runs in a child JVM ({@link SimLoopbackProcess}), as the exchange does in
 * production, so the GC and allocation figures are the engine JVM's own (engine, feed, OkHttp and the
 * driver, which writes one byte per step to the child). {@code sameJvm} keeps it in this JVM, the old
 * way: its figures then include the simulator's.
 */
final class SimLoopbackPath implements TickPath {
    private static final int MAX_MARKET_IDS = 256; // ids the feed assigns start at 0: look a little past the count

    private final LoopbackMarkets inJvm;      // null when the simulator is a child process
    private final SimLoopbackProcess child;   // null when it shares this JVM
    private final MarkedEngine engine;
    private final KalshiFeed feed;
    private final String name;

    SimLoopbackPath(StageMapping mapping, String wait, boolean journal, int markets, PlannedClock clock, boolean sameJvm,
                    FeedTransport transport, long rehearsalNanos, boolean rest) throws Exception {
        this.name = "loopback-" + mapping.name().toLowerCase(Locale.ROOT) + (journal ? "+journal" : "") + " " + wait
            + (transport == FeedTransport.OKHTTP ? " okhttp" : "") + (rest ? " +rest" : "") + (sameJvm ? " (sim in JVM)" : "") + MarkedEngine.rehearsalSuffix(rehearsalNanos);
        KeyPair key = SimWebSocketRate.rsaKey();
        String pem = SimWebSocketRate.publicPem(key);
        this.inJvm = sameJvm ? new LoopbackMarkets(markets, pem) : null;
        this.child = sameJvm ? null : SimLoopbackProcess.start(markets, pem);
        int port = sameJvm ? inJvm.port() : child.port();
        List<String> tickers = new ArrayList<>();
        for (int m = 0; m < markets; m++) {
            tickers.add(LoopbackMarkets.ticker(m));
        }
        // +rest: the engine's orders go through its real REST gateway to the simulator, and to-wire is the socket write
        java.util.concurrent.atomic.AtomicReference<KalshiFeed> feedRef = new java.util.concurrent.atomic.AtomicReference<>();
        HarnessVenue venue = rest
            ? new RestHarnessVenue(clock, "http://127.0.0.1:" + port + SimServer.REST_PREFIX, LoopbackMarkets.ENGINE_KEY_ID,
                key.getPrivate(), new FeedMarketTickers(() -> feedRef.get() == null ? null : feedRef.get().markets()))
            : new InstantAcker(clock);
        this.engine = new MarkedEngine(mapping, wait, journal, 0x100B, clock, rehearsalNanos, venue);
        this.feed = new KalshiFeed(FeedConfig.builder().restBaseUrl("http://127.0.0.1:" + port + SimServer.REST_PREFIX)
            .wsUrl("ws://127.0.0.1:" + port + SimServer.WS_PATH)
            .keyId(rest ? LoopbackMarkets.ENGINE_KEY_ID : LoopbackMarkets.KEY_ID).privateKey(key.getPrivate()).tickers(tickers).seed(1).transport(transport).build(),
            engine.runtime.newInboundPublisher());
        feedRef.set(feed); // gateway threads read it: no intent names a market before the feed has defined it
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
    public String detail() {
        if (!(engine.venue instanceof RestHarnessVenue rest) || rest.sender() == null) {
            return null;
        }
        io.kengine.gateway.rest.KalshiRestSender s = rest.sender();
        return "  gateway: " + s.requests() + " requests (" + s.directWrites() + " on direct connections), "
            + s.unknowns() + " unknown outcomes; signatures: " + s.freshSignatures() + " on the spot, " + s.preSignedUsed()
            + " pre-signed used, " + s.orderPathPreSignatures() + " order-path pre-signatures (" + s.trackedOrderIds()
            + " ids tracked); orders stage: " + engine.stages.orders().fills() + " fills, "
            + engine.stages.orders().rejects() + " rejects; risk: halt " + engine.stages.risk().haltReason() + ", blocks "
            + engine.stages.risk().blocksTotal() + " (" + engine.stages.risk().blocksByReason() + "), position " + engine.stages.risk().totalAbsPosition()
            + "; book: " + engine.stages.book().ownDeltas() + " own deltas netted; legs held for our other leg: "
            + engine.stages.orders().legsHeldForOwnLeg();
    }

    @Override
    public void submit(byte[] frame, long plannedNanos) throws Exception {
        if (inJvm != null) {
            inJvm.step();
        } else {
            child.step();
        }
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

    HarnessVenue venue() {
        return engine.venue;
    }

    /** Quotes the engine's risk stage refused so far (a racy read: for checks after the path drained). */
    long riskBlocks() {
        return engine.stages.risk().blocksTotal();
    }

    /** Deltas the simulator tagged with the engine's client order ids, as the book stage applied them (racy read). */
    long ownDeltas() {
        return engine.stages.book().ownDeltas();
    }

    /** Book deltas the engine's feed has published into the inbound ring. */
    long deltasPublished() {
        return feed.decodeCounters().published(io.kengine.feed.decode.FrameKind.ORDERBOOK_DELTA);
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
    public void close() throws Exception {
        feed.close();
        engine.close();
        if (inJvm != null) {
            inJvm.close();
        } else {
            child.close();
        }
    }

}

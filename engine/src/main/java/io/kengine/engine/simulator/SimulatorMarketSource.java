package io.kengine.engine.simulator;

import io.kengine.engine.MarketSource;
import io.kengine.engine.ResyncSignal;
import io.kengine.engine.TimerSource;
import io.kengine.feed.connection.FeedConfig;
import io.kengine.feed.connection.KalshiFeed;
import io.kengine.protocol.stage.EventPublisher;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Market data from the embedded simulator, read the way Kalshi is read: the simulator runs on
 * loopback with a freshly generated API key registered, and the engine's real WebSocket feed
 * (signed upgrade, per-sid sequence checks, resync) publishes what it receives onto the ring.
 * Pointing the feed at Kalshi instead is a change of URLs and key, nothing more.
 */
public final class SimulatorMarketSource implements MarketSource {
    private static final String KEY_ID = "engine";
    private static final String ACCOUNT = "engine";
    private static final long RESYNC_POLL_MS = 250;

    private final int port;
    private final int markets;
    private final long seed;
    private final long timerIntervalMs;
    private final Supplier<EventPublisher> publishers;
    private SimulatedExchange sim;
    private KalshiFeed feed;
    private TimerSource timers;
    private java.util.concurrent.ScheduledExecutorService resyncWatcher;

    /** @param publishers gives one inbound publisher per producer (the feed, the timer) */
    public SimulatorMarketSource(int port, int markets, long seed, long timerIntervalMs, Supplier<EventPublisher> publishers) {
        this.port = port;
        this.markets = markets;
        this.seed = seed;
        this.timerIntervalMs = timerIntervalMs;
        this.publishers = publishers;
    }

    @Override
    public void start() {
        KeyPair key = newKey();
        sim = SimulatedExchange.start(port, markets, seed);
        try {
            sim.server().registerKey(KEY_ID, ACCOUNT, Pem.encode("PUBLIC KEY", key.getPublic().getEncoded()));
            sim.server().deposit(ACCOUNT, 10_000L * 10_000L);
            FeedConfig config = FeedConfig.builder()
                .restBaseUrl(sim.server().restBaseUrl()).wsUrl(sim.server().webSocketUrl())
                .keyId(KEY_ID).privateKey(key.getPrivate()).tickers(sim.tickers()).seed(seed).build();
            feed = new KalshiFeed(config, publishers.get());
            feed.start();
            timers = new TimerSource(publishers.get(), timerIntervalMs);
            timers.start();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    private static KeyPair newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate the simulator API key", e);
        }
    }

    /** Polls the book stage's resync counter from this source's own thread; at most one resync per poll. */
    @Override
    public void watchResyncRequests(ResyncSignal signal) {
        resyncWatcher = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "resync-watch");
            t.setDaemon(true);
            return t;
        });
        long[] seen = {signal.requests()};
        resyncWatcher.scheduleWithFixedDelay(() -> {
            long now = signal.requests();
            if (now != seen[0]) {
                seen[0] = now;
                feed.requestResync();
            }
        }, RESYNC_POLL_MS, RESYNC_POLL_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (resyncWatcher != null) {
            resyncWatcher.shutdownNow();
        }
        if (timers != null) {
            timers.close();
        }
        if (feed != null) {
            feed.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Override
    public boolean isFinished() {
        return false;
    }

    @Override
    public boolean awaitFinished(long timeout, TimeUnit unit) {
        return false;
    }

    @Override
    public String describe() {
        return "simulator " + (sim == null ? "(not started)" : sim.server().webSocketUrl()) + ", " + markets
            + " markets via the Kalshi WebSocket feed";
    }

    public KalshiFeed feed() {
        return feed;
    }

    public SimulatedExchange simulator() {
        return sim;
    }
}

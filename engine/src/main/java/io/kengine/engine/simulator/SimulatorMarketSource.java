package io.kengine.engine.simulator;

import io.kengine.engine.MarketSource;
import io.kengine.engine.ResyncSignal;
import io.kengine.engine.TimerSource;
import io.kengine.feed.connection.FeedConfig;
import io.kengine.feed.connection.KalshiFeed;
import io.kengine.protocol.stage.EventPublisher;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Market data from the embedded simulator, read the way Kalshi is read: the simulator runs on
 * loopback with a freshly generated API key registered, and the engine's real WebSocket feed
 * (signed upgrade, per-sid sequence checks, resync) publishes what it receives onto the ring.
 * Pointing the feed at Kalshi instead is a change of URLs and key, nothing more.
 */
public final class SimulatorMarketSource implements MarketSource {
    private static final long RESYNC_POLL_MS = 250;

    private final int port;
    private final int markets;
    private final long seed;
    private final long timerIntervalMs;
    private final Supplier<EventPublisher> publishers;
    private java.util.function.LongConsumer decodeLatency = nanos -> { };
    private final SimulatorVenue given;   // started by the caller (who also trades it), or null: start our own
    private SimulatorVenue venue;
    private KalshiFeed feed;
    private TimerSource timers;
    private java.util.concurrent.ScheduledExecutorService resyncWatcher;

    /** @param publishers gives one inbound publisher per producer (the feed, the timer) */
    public SimulatorMarketSource(int port, int markets, long seed, long timerIntervalMs, Supplier<EventPublisher> publishers) {
        this(null, port, markets, seed, timerIntervalMs, publishers);
    }

    /** Market data from a simulator the caller started and owns (it closes it after the gateway). */
    public SimulatorMarketSource(SimulatorVenue venue, long seed, long timerIntervalMs, Supplier<EventPublisher> publishers) {
        this(venue, 0, venue.tickers().size(), seed, timerIntervalMs, publishers);
    }

    private SimulatorMarketSource(SimulatorVenue given, int port, int markets, long seed, long timerIntervalMs,
                                  Supplier<EventPublisher> publishers) {
        this.given = given;
        this.port = port;
        this.markets = markets;
        this.seed = seed;
        this.timerIntervalMs = timerIntervalMs;
        this.publishers = publishers;
    }

    @Override
    public void decodeLatency(java.util.function.LongConsumer nanos) {
        this.decodeLatency = nanos;
    }

    @Override
    public void start() {
        venue = given != null ? given : SimulatorVenue.start(port, markets, seed);
        try {
            FeedConfig config = FeedConfig.builder()
                .restBaseUrl(venue.restBaseUrl()).wsUrl(venue.webSocketUrl())
                .keyId(SimulatorVenue.KEY_ID).privateKey(venue.privateKey()).tickers(venue.tickers()).seed(seed).build();
            feed = new KalshiFeed(config, publishers.get());
            feed.decodeLatency(decodeLatency);
            feed.start();
            timers = new TimerSource(publishers.get(), timerIntervalMs);
            timers.start();
        } catch (RuntimeException e) {
            stop();
            throw e;
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
        if (venue != null && given == null) {
            venue.close();
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
        return "simulator " + (venue == null ? "(not started)" : venue.webSocketUrl()) + ", " + markets
            + " markets via the Kalshi WebSocket feed";
    }

    public KalshiFeed feed() {
        return feed;
    }

    public SimulatedExchange simulator() {
        return venue == null ? null : venue.simulator();
    }
}

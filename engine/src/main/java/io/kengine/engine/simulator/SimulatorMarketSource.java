package io.kengine.engine.simulator;

import io.kengine.engine.MarketSource;
import io.kengine.engine.ResyncSignal;
import io.kengine.engine.kalshi.KalshiMarketSource;
import io.kengine.feed.connection.FeedConfig;
import io.kengine.feed.connection.KalshiFeed;
import io.kengine.protocol.stage.EventPublisher;

import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Market data from the embedded simulator, read the way Kalshi is read: the simulator runs on
 * loopback with a freshly generated API key registered, and the engine's real WebSocket feed
 * ({@link KalshiMarketSource}: signed upgrade, per-sid sequence checks, resync) publishes what it receives
 * onto the ring. Pointing the feed at Kalshi instead is {@code feed.source: kalshi}: URLs and key, nothing more.
 */
public final class SimulatorMarketSource implements MarketSource {
    private final int port;
    private final int markets;
    private final long seed;
    private final long timerIntervalMs;
    private final Supplier<EventPublisher> publishers;
    private LongConsumer decodeLatency = nanos -> { };
    private final SimulatorVenue given;   // started by the caller (who also trades it), or null: start our own
    private SimulatorVenue venue;
    private KalshiMarketSource feedSource;

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
    public void decodeLatency(LongConsumer nanos) {
        this.decodeLatency = nanos;
    }

    @Override
    public void start() {
        venue = given != null ? given : SimulatorVenue.start(port, markets, seed);
        try {
            FeedConfig config = FeedConfig.builder()
                .restBaseUrl(venue.restBaseUrl()).wsUrl(venue.webSocketUrl())
                .keyId(SimulatorVenue.KEY_ID).privateKey(venue.privateKey()).tickers(venue.tickers()).seed(seed).build();
            feedSource = new KalshiMarketSource(config, timerIntervalMs, publishers, "simulator");
            feedSource.decodeLatency(decodeLatency);
            feedSource.start();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    @Override
    public void watchResyncRequests(ResyncSignal signal) {
        feedSource.watchResyncRequests(signal);
    }

    @Override
    public void stop() {
        if (feedSource != null) {
            feedSource.stop();
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

    @Override
    public KalshiFeed feed() {
        return feedSource == null ? null : feedSource.feed();
    }

    public SimulatedExchange simulator() {
        return venue == null ? null : venue.simulator();
    }
}

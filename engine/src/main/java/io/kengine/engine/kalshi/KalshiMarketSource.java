package io.kengine.engine.kalshi;

import io.kengine.engine.MarketSource;
import io.kengine.engine.ResyncSignal;
import io.kengine.engine.TimerSource;
import io.kengine.feed.connection.FeedConfig;
import io.kengine.feed.connection.KalshiFeed;
import io.kengine.protocol.stage.EventPublisher;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Market data from anything that speaks Kalshi's API — Kalshi demo or production, a standalone
 * simulator, the embedded one: the feed ({@link KalshiFeed}: REST definitions, signed WebSocket, sequence
 * checks, resync, reconnect) plus the timer events the stages' lifetimes run on. The book stage's
 * resync requests are polled on a thread of this source's own, so the business thread never calls the feed.
 */
public final class KalshiMarketSource implements MarketSource {
    private static final long RESYNC_POLL_MS = 250;

    private final FeedConfig config;
    private final long timerIntervalMs;
    private final Supplier<EventPublisher> publishers;
    private final String name;
    private LongConsumer decodeLatency = nanos -> { };
    private volatile KalshiFeed feed; // read by the gateway's ticker lookups on other threads
    private TimerSource timers;
    private ScheduledExecutorService resyncWatcher;

    /**
     * @param publishers one inbound publisher per producer (the feed, the timer)
     * @param name what the banner calls the exchange, e.g. "Kalshi demo"
     */
    public KalshiMarketSource(FeedConfig config, long timerIntervalMs, Supplier<EventPublisher> publishers, String name) {
        this.config = config;
        this.timerIntervalMs = timerIntervalMs;
        this.publishers = publishers;
        this.name = name;
    }

    @Override
    public void decodeLatency(LongConsumer nanos) {
        this.decodeLatency = nanos;
    }

    /** Blocking: resolves the markets over REST (a {@code FeedStartException} names what failed), then connects. */
    @Override
    public void start() {
        try {
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

    /** At most one resync per poll, however many requests came in between. */
    @Override
    public void watchResyncRequests(ResyncSignal signal) {
        resyncWatcher = Executors.newSingleThreadScheduledExecutor(r -> {
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
        int markets = feed == null ? 0 : feed.markets().size();
        return name + " " + config.wsUrl() + ", " + (feed == null ? "markets not resolved yet" : markets + " markets")
            + " via the Kalshi WebSocket feed";
    }

    @Override
    public KalshiFeed feed() {
        return feed;
    }
}

package io.kengine.bench;

import io.kengine.engine.RestVenue;
import io.kengine.gateway.IntentSender;
import io.kengine.gateway.MarketTickers;
import io.kengine.gateway.rest.KalshiRestSender;
import io.kengine.gateway.rest.RateTier;
import io.kengine.gateway.rest.Reconciler;
import io.kengine.gateway.rest.SenderConfig;
import io.kengine.protocol.stage.EventPublisher;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.security.PrivateKey;

/**
 * The engine's real REST gateway ({@link RestVenue}: signing, direct keep-alive connections, replies as
 * inbound events) to the loopback simulator. To-wire is the gateway's own {@link
 * io.kengine.gateway.rest.WireObserver}: the causing frame's receive timestamp → the order request's last
 * byte written to the socket, first sends only, from whichever gateway thread wrote it. The rate budget is
 * off (the simulator's limits are off too), so a frame rate above a tier's budget is not throttled into
 * measuring the queue.
 */
final class RestHarnessVenue implements HarnessVenue {
    private final RestVenue venue;
    private final Recorder wire = new Recorder(3_600_000_000_000L, 3);

    RestHarnessVenue(PlannedClock clock, String restBaseUrl, String keyId, PrivateKey key, MarketTickers tickers) {
        SenderConfig config = SenderConfig.builder().restBaseUrl(restBaseUrl).keyId(keyId).privateKey(key)
            .tier(RateTier.PRESTIGE).rateBudget(false)
            // -Dbench.preSignOrderPaths=N (signatures/s) and -Dbench.preSignMaxAgeMs: the gateway's opt-in pre-signing
            .preSignOrderPathsPerSecond(Integer.getInteger("bench.preSignOrderPaths", 0))
            .preSignMaxAge(java.time.Duration.ofMillis(Long.getLong("bench.preSignMaxAgeMs", 100)))
            .wireObserver((cause, legs, attempt) -> {
                if (attempt == 0) {
                    wire.recordValue(Math.max(0, clock.now() - cause));
                }
            }).build();
        this.venue = new RestVenue(config, tickers, Reconciler.Settings.DEFAULTS);
    }

    /**
     * The engine's own quoting parameters, unless {@code -Dbench.restEdge=0.0700} sets the M0 edge. Kalshi's
     * book (and the simulator's) includes our own orders; since session 9 the book stage reads it net of them,
     * so quotes at the top no longer read themselves as the market (before, this venue had to quote 7¢ off
     * the mid to measure anything: at the top the engine stopped reacting to frames).
     */
    @Override
    public java.util.Map<String, String> parameters() {
        String edge = System.getProperty("bench.restEdge");
        return edge == null ? java.util.Map.of() : java.util.Map.of("pricing.m0.edge", edge);
    }

    @Override
    public IntentSender sender(EventPublisher inbound) {
        return venue.sender(inbound);
    }

    @Override
    public boolean idle() {
        return venue.isIdle();
    }

    @Override
    public void pump(EventPublisher control) {
        // replies reach the ring from the gateway's own publisher thread
    }

    @Override
    public Histogram wireInterval(Histogram reuse) {
        return wire.getIntervalHistogram(reuse);
    }

    @Override
    public long lost() {
        KalshiRestSender s = venue.restSender();
        return s == null ? 0 : s.unknowns();
    }

    KalshiRestSender sender() {
        return venue.restSender();
    }

    @Override
    public void close() {
        venue.close();
    }
}

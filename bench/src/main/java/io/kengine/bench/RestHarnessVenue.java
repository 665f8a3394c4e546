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
     * Quotes 7¢ either side of the mid, behind the maker's best levels. Kalshi's book (and the simulator's)
     * includes our own orders, and the engine's pricing still reads them as market liquidity: quoting at the
     * top, each frame set off a cascade of amends chasing our own quotes (≈ 150 requests per frame with
     * 2 markets; bench/RESULTS session 8). Behind the top, one frame makes one amend, as in the in-process paths.
     */
    @Override
    public java.util.Map<String, String> parameters() {
        return java.util.Map.of("pricing.m0.edge", "0.0700");
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

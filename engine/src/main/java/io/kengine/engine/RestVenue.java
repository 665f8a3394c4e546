package io.kengine.engine;

import io.kengine.engine.ops.LatencyRecorder;
import io.kengine.gateway.GatewaySignals;
import io.kengine.gateway.IntentSender;
import io.kengine.gateway.MarketTickers;
import io.kengine.gateway.rest.InboundPublisher;
import io.kengine.gateway.rest.KalshiRestSender;
import io.kengine.gateway.rest.Reconciler;
import io.kengine.gateway.rest.SenderConfig;
import io.kengine.gateway.rest.WireObserver;
import io.kengine.protocol.stage.EventPublisher;
import org.agrona.concurrent.EpochNanoClock;

/**
 * An exchange over Kalshi's REST API: the gateway's sender (signing, rate budget, retries, replies as
 * inbound events) and its reconciler (start-up and periodic comparison of orders, fills and positions).
 * The orders stage exists before the reconciler (the runtime builds the stages first), so its signals
 * go through a forwarder that reaches the reconciler once it exists.
 */
public final class RestVenue implements OrderVenue {
    private final SenderConfig config;
    private final MarketTickers tickers;
    private final Reconciler.Settings settings;
    private final Forward signals = new Forward();
    private InboundPublisher inbound;
    private volatile KalshiRestSender sender; // read by the metrics thread at scrape time
    private Reconciler reconciler;
    private final ReceiveToWire wire;

    public RestVenue(SenderConfig config, MarketTickers tickers, Reconciler.Settings settings) {
        this.config = config;
        this.tickers = tickers;
        this.settings = settings;
        this.wire = new ReceiveToWire(config.wireObserver());
    }

    @Override
    public IntentSender sender(EventPublisher ring) {
        inbound = new InboundPublisher(ring).start();
        sender = new KalshiRestSender(config.withWireObserver(wire), tickers, inbound).start();
        reconciler = new Reconciler(sender, tickers, inbound, settings, config.clockMillis());
        signals.target = reconciler;
        return sender;
    }

    @Override
    public void recordWireLatency(LatencyRecorder recorder, EpochNanoClock clock) {
        wire.clock = clock;
        wire.recorder = recorder;
    }

    @Override
    public GatewaySignals signals() {
        return signals;
    }

    @Override
    public void afterMarketSourceStarted() {
        reconciler.start();
    }

    @Override
    public boolean isIdle() {
        return sender == null || (sender.isIdle() && inbound.isIdle());
    }

    public KalshiRestSender restSender() {
        return sender;
    }

    public Reconciler reconciler() {
        return reconciler;
    }

    /** Asks for a reconciliation round now (e.g. after the feed reconnected). */
    public void requestReconciliation() {
        if (reconciler != null) {
            reconciler.requestRound();
        }
    }

    @Override
    public String describe() {
        return "Kalshi REST gateway → " + config.origin() + " (signed, " + config.tier() + " rate budget, reconciled every "
            + settings.period().toSeconds() + " s)";
    }

    /** The reconciler's rounds stop: one published after the rings stopped would be neither traded on nor journaled. */
    @Override
    public void stopUnpromptedEvents() {
        if (reconciler != null) {
            reconciler.close();
        }
    }

    @Override
    public void close() {
        if (reconciler != null) {
            reconciler.close();
        }
        if (inbound != null) {
            inbound.close();
        }
    }

    /**
     * Receive-to-wire: the causing event's receive timestamp (the intent's) → the request's last byte
     * written, recorded from whichever gateway thread wrote it. First sends only: a resend's figure would
     * include its back-off. Nothing is recorded until the engine hands over its recorder. An observer set in
     * the venue's own config still sees every write, first.
     */
    private static final class ReceiveToWire implements WireObserver {
        private final WireObserver configured;
        private volatile EpochNanoClock clock;
        private volatile LatencyRecorder recorder;

        ReceiveToWire(WireObserver configured) {
            this.configured = configured;
        }

        @Override
        public void written(long causeTimestampNanos, int legs, int attempt) {
            configured.written(causeTimestampNanos, legs, attempt);
            LatencyRecorder r = recorder;
            if (r != null && attempt == 0) {
                r.record(clock.nanoTime() - causeTimestampNanos);
            }
        }
    }

    /** Forwards the orders stage's signals to the reconciler once it exists; drops them before. */
    private static final class Forward implements GatewaySignals {
        private volatile GatewaySignals target = GatewaySignals.NONE;

        @Override
        public void unknownOrder(int marketId) {
            target.unknownOrder(marketId);
        }

        @Override
        public void reconcileMismatch(int marketId) {
            target.reconcileMismatch(marketId);
        }
    }
}

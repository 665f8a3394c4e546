package io.kengine.engine;

import io.kengine.gateway.GatewaySignals;
import io.kengine.gateway.IntentSender;
import io.kengine.protocol.stage.EventPublisher;

/**
 * Where the engine's intents go and where their replies come from: the paper exchange (nothing leaves
 * the process) or an exchange over Kalshi's REST API (the embedded simulator, Kalshi demo or production).
 * The runtime asks for the sender once, with an inbound publisher of its own for the replies.
 */
public interface OrderVenue extends AutoCloseable {
    /** Builds (once) the sender the outbound ring's last consumer calls. */
    IntentSender sender(EventPublisher inbound);

    /** True when no reply or report is still on its way to the inbound ring (the engine drains until then). */
    boolean isIdle();

    /** What the orders stage may ask of the I/O side (reconcile now, halt a market). */
    default GatewaySignals signals() {
        return GatewaySignals.NONE;
    }

    /**
     * Where to record receive-to-wire latency (the causing event's receive timestamp, on {@code clock}, to the
     * order request on the socket), for venues that write to one. Called once, after the rings exist.
     */
    default void recordWireLatency(io.kengine.engine.ops.LatencyRecorder recorder, org.agrona.concurrent.EpochNanoClock clock) {
    }

    /** Called once the market source runs: e.g. the start-up reconciliation. */
    default void afterMarketSourceStarted() {
    }

    /**
     * Called at stop, before the rings drain: stops what publishes on its own initiative (e.g. periodic
     * reconciliation rounds), so that every event that reaches the inbound ring is still processed and
     * journaled. Replies to orders already sent keep coming until {@link #isIdle}.
     */
    default void stopUnpromptedEvents() {
    }

    String describe();

    @Override
    void close();
}

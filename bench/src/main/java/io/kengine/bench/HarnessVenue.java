package io.kengine.bench;

import io.kengine.gateway.IntentSender;
import io.kengine.protocol.stage.EventPublisher;
import org.HdrHistogram.Histogram;

/**
 * Where a harness engine's intents go and how "to-wire" is timed: {@link InstantAcker} (acknowledges in
 * process; to-wire = handed to the sender after journal-out) or {@link RestHarnessVenue} (the real REST
 * gateway to the simulator; to-wire = the request's last byte written to the socket).
 */
interface HarnessVenue extends AutoCloseable {
    /** The outbound ring's last consumer; {@code inbound} is a publisher of its own for replies. */
    IntentSender sender(EventPublisher inbound);

    /** True when no reply is still on its way to the inbound ring. */
    boolean idle();

    /** Called by the driving thread between frames: publishes what the venue left for it (instant acks). */
    void pump(EventPublisher control);

    Histogram wireInterval(Histogram reuse);

    /** Strategy parameters this venue needs beyond {@link BenchParameters}' (declared keys only). */
    default java.util.Map<String, String> parameters() {
        return java.util.Map.of();
    }

    /** Replies lost or orders whose outcome stayed unknown. */
    long lost();

    @Override
    default void close() {
    }
}

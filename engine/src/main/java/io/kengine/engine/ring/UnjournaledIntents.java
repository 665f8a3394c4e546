package io.kengine.engine.ring;

import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.stage.EventSlot;

/**
 * What becomes of an order intent journal-out could not write. The rule is that no order leaves before it
 * is journaled, with one exception: an intent whose every leg is a cancel or a decrease is still sent. A
 * failing journal makes the engine halt and cancel everything (see {@code ops.JournalWatch}). Holding those
 * cancels back would leave orders resting on the exchange that the engine can no longer manage. Each one sent
 * is counted and logged at ERROR with its legs, so the log holds what the journal could not. Any other
 * intent is refused: the sender publishes a rejection, so the orders stage does not wait for a reply.
 * Used by the sender's thread only.
 */
public final class UnjournaledIntents {
    private static final System.Logger LOG = System.getLogger(UnjournaledIntents.class.getName());
    /** The reason the sender's rejection carries. */
    public static final String REFUSED_REASON = "not sent: journal-out failed";

    private final OrderIntentEvent intent = new OrderIntentEvent();
    private volatile long sent; // written by the sender's thread only
    private volatile long refused;

    /** True when {@code slot} was marked by journal-out as not written. */
    public static boolean failed(EventSlot slot) {
        return slot.notes().getInt(OutboundRingPublisher.JOURNAL_FAILED_NOTE) != 0;
    }

    /** Decides for an intent journal-out failed on: true to send it anyway (it only reduces exposure). */
    public boolean sendAnyway(EventSlot slot) {
        intent.wrap(slot.event(), 0);
        boolean send = onlyReducesExposure(intent);
        long n = send ? ++sent : ++refused;
        if (send || RingFaults.worthLogging(n)) {
            LOG.log(System.Logger.Level.ERROR, (send ? "SENT UNJOURNALED " : "refused, unjournaled ") + describe(intent)
                + " (" + (send ? "cancels and decreases still leave; " + n + " so far" : n + " refused so far") + ")");
        }
        return send;
    }

    static boolean onlyReducesExposure(OrderIntentEvent intent) {
        int n = intent.legCount();
        for (int i = 0; i < n; i++) {
            byte a = intent.legAction(i);
            if (a != OrderIntentEvent.CANCEL && a != OrderIntentEvent.DECREASE) {
                return false;
            }
        }
        return n > 0;
    }

    private static String describe(OrderIntentEvent intent) {
        StringBuilder sb = new StringBuilder("intent seq=").append(intent.sequence()).append(" cause=")
            .append(intent.causeSequence());
        for (int i = 0; i < intent.legCount(); i++) {
            sb.append(" [").append(OrderIntentEvent.actionName(intent.legAction(i))).append(" market #")
                .append(intent.legMarketId(i)).append(" side ").append(intent.legSide(i)).append(" price ")
                .append(intent.legPrice(i)).append(" count ").append(intent.legCount(i)).append(" order ")
                .append(intent.legOrderId(i)).append(" client ").append(intent.legClientOrderId(i)).append(']');
        }
        return sb.toString();
    }

    /** Unjournaled intents sent (cancels and decreases only). */
    public long sent() {
        return sent;
    }

    /** Unjournaled intents not sent (the sender published a rejection for each leg). */
    public long refused() {
        return refused;
    }
}

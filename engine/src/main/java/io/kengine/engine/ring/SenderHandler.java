package io.kengine.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.kengine.gateway.IntentSender;
import io.kengine.protocol.stage.EventSlot;

/**
 * The last outbound consumer: runs after journal-out, so no intent leaves before it is journaled.
 * Only intents go to the sender; decision records on the same ring are for the journal.
 */
public final class SenderHandler implements EventHandler<EventSlot> {
    private final IntentSender sender;
    private final RingCounters.Counter sent;
    private final io.kengine.engine.ops.LatencyRecorder intentToWire;

    public SenderHandler(IntentSender sender, RingCounters.Counter sent) {
        this(sender, sent, null);
    }

    /** @param intentToWire outbound publish → handed to the sender (after journal-out), or null */
    public SenderHandler(IntentSender sender, RingCounters.Counter sent, io.kengine.engine.ops.LatencyRecorder intentToWire) {
        this.sender = sender;
        this.sent = sent;
        this.intentToWire = intentToWire;
    }

    @Override
    public void onEvent(EventSlot slot, long sequence, boolean endOfBatch) {
        if (slot.type() == io.kengine.protocol.event.EventType.ORDER_INTENT) {
            if (intentToWire != null) {
                intentToWire.record(System.nanoTime() - slot.notes().getLong(OutboundRingPublisher.PUBLISHED_AT_NOTE));
            }
            sender.send(slot.event(), 0, slot.length(), endOfBatch);
            sent.increment();
        } else if (endOfBatch) {
            sender.endOfBatch(); // a batch may end on a decision record: send what is held back
        }
    }
}

package io.kengine.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.kengine.gateway.IntentSender;
import io.kengine.protocol.stage.EventSlot;

/**
 * The last outbound consumer: runs after journal-out, so no intent leaves before it is journaled.
 * Only intents go to the sender; decision records on the same ring are for the journal. An intent journal-out
 * failed to write goes only if it reduces exposure ({@link UnjournaledIntents}); otherwise the sender refuses it.
 */
public final class SenderHandler implements EventHandler<EventSlot> {
    private final IntentSender sender;
    private final RingCounters.Counter sent;
    private final io.kengine.engine.ops.LatencyRecorder intentToWire;
    private final UnjournaledIntents unjournaled = new UnjournaledIntents();

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
            if (UnjournaledIntents.failed(slot) && !unjournaled.sendAnyway(slot)) {
                sender.refuse(slot.event(), 0, slot.length(), UnjournaledIntents.REFUSED_REASON);
                if (endOfBatch) {
                    sender.endOfBatch();
                }
                return;
            }
            if (intentToWire != null) {
                intentToWire.record(System.nanoTime() - slot.notes().getLong(OutboundRingPublisher.PUBLISHED_AT_NOTE));
            }
            sender.send(slot.event(), 0, slot.length(), endOfBatch);
            sent.increment();
        } else if (endOfBatch) {
            sender.endOfBatch(); // a batch may end on a decision record: send what is held back
        }
    }

    public UnjournaledIntents unjournaled() {
        return unjournaled;
    }
}

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

    public SenderHandler(IntentSender sender, RingCounters.Counter sent) {
        this.sender = sender;
        this.sent = sent;
    }

    @Override
    public void onEvent(EventSlot slot, long sequence, boolean endOfBatch) {
        if (slot.type() == io.kengine.protocol.event.EventType.ORDER_INTENT) {
            sender.send(slot.event(), 0, slot.length(), endOfBatch);
            sent.increment();
        } else if (endOfBatch) {
            sender.endOfBatch(); // a batch may end on a decision record: send what is held back
        }
    }
}

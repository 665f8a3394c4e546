package io.kengine.gateway.orders;

import io.kengine.protocol.event.DecisionEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.stage.DecisionNote;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.EventSlot;
import org.agrona.BufferUtil;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Publishes decision records on the outbound ring, so journal-out records them and replay compares them:
 * first those pricing and risk wrote into their {@link DecisionNote} regions, then the orders stage's own.
 * Each is published at once, so an event's decisions precede its intents (published at the event's end).
 */
final class DecisionEvents {
    private final EventPublisher out;
    private final DecisionNote note = new DecisionNote();
    private final DecisionEvent decision = new DecisionEvent();
    private final UnsafeBuffer scratch = new UnsafeBuffer(BufferUtil.allocateDirectAligned(EventHeader.MAX_EVENT_LENGTH, 64));
    private EventSlot cause;
    private long published;

    DecisionEvents(EventPublisher out) {
        this.out = out;
    }

    /** Makes the slot the cause of the decisions that follow and publishes its pricing and risk decisions. */
    void publishNotes(EventSlot slot) {
        cause = slot;
        publishRegion(slot, DecisionNote.PRICING, DecisionEvent.STAGE_PRICING);
        publishRegion(slot, DecisionNote.RISK, DecisionEvent.STAGE_RISK);
    }

    private void publishRegion(EventSlot slot, int region, byte stage) {
        note.wrap(slot, region);
        int n = Math.min(note.count(), DecisionNote.MAX_ENTRIES);
        for (int i = 0; i < n; i++) {
            publish(stage, note.kind(i), note.reason(i), note.marketId(i), note.value1(i), note.value2(i));
        }
    }

    /** A decision of the orders stage itself, caused by the current event. */
    void record(int kind, int reason, int market, long value1, long value2) {
        publish(DecisionEvent.STAGE_ORDERS, kind, reason, market, value1, value2);
    }

    private void publish(byte stage, int kind, int reason, int market, long value1, long value2) {
        decision.wrapForEncode(scratch, 0, market, cause.sequence(), cause.timestampNanos())
            .kind(kind).reason(reason).value1(value1).value2(value2).stage(stage);
        MutableDirectBuffer claimed = out.claim();
        claimed.putBytes(0, scratch, 0, DecisionEvent.LENGTH);
        out.publish();
        published++;
    }

    long published() {
        return published;
    }
}

package io.kengine.engine.ring;

import com.lmax.disruptor.RingBuffer;
import io.kengine.protocol.event.DecisionEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.SlotArena;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OutboundRingPublisherTest {
    private final RingBuffer<EventSlot> ring = RingBuffer.createSingleProducer(new SlotArena(8)::next, 8);
    private final RingCounters counters = new RingCounters();
    private final OutboundRingPublisher out = new OutboundRingPublisher(ring, counters);

    @Test
    void countsIntentsAndDecisionRecordsApart() {
        new DecisionEvent().wrapForEncode(out.claim(), 0, 3, 10, 1_000).kind(1);
        long first = out.publish();
        new OrderIntentEvent().wrapForEncode(out.claim(), 0, 3, 10, 1_000);
        out.publish();
        new DecisionEvent().wrapForEncode(out.claim(), 0, 3, 11, 2_000).kind(2);
        out.publish();
        assertEquals(1, counters.intentsPublished.get(), "only the order intent is an intent");
        assertEquals(2, counters.decisionsPublished.get());
        assertEquals(first, EventHeader.sequence(ring.get(first).event(), 0), "the outbound sequence is stamped");
        assertEquals(2, ring.getCursor());
    }
}

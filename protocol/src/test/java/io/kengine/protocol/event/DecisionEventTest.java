package io.kengine.protocol.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kengine.protocol.stage.DecisionKind;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteReason;
import org.junit.jupiter.api.Test;

class DecisionEventTest {
    @Test
    void roundTripsAndValidates() {
        EventSlot slot = new EventSlot();
        slot.event().setMemory(0, EventHeader.MAX_EVENT_LENGTH, (byte) 0x55);
        DecisionEvent e = new DecisionEvent().wrapForEncode(slot.event(), 0, 12, 4711, 1_000_000_123L)
            .kind(DecisionKind.HALT).reason(QuoteReason.RISK_LOSS_HALT).value1(-5_000_000).value2(-4_000_000)
            .stage(DecisionEvent.STAGE_RISK);
        assertNull(EventHeader.validate(slot.event(), 0, EventHeader.MAX_EVENT_LENGTH));
        DecisionEvent r = new DecisionEvent();
        r.wrap(slot.event(), 0);
        assertEquals(EventType.DECISION, slot.type());
        assertEquals(DecisionEvent.LENGTH, slot.length());
        assertEquals(12, r.marketId());
        assertEquals(4711, r.causeSequence());
        assertEquals(1_000_000_123L, slot.timestampNanos());
        assertEquals(DecisionKind.HALT, r.kind());
        assertEquals(QuoteReason.RISK_LOSS_HALT, r.reason());
        assertEquals(-5_000_000, r.value1());
        assertEquals(-4_000_000, r.value2());
        assertEquals(DecisionEvent.STAGE_RISK, r.stage());
        assertEquals("risk", DecisionEvent.stageName(r.stage()));
        assertEquals(EventSource.ORDERS_STAGE, EventHeader.source(slot.event(), 0));
        assertEquals(e.kind(), r.kind());
    }
}

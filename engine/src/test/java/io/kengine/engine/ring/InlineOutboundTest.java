package io.kengine.engine.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.SlotArena;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InlineOutboundTest {
    private final RingBuffer<EventSlot> ring = RingBuffer.createSingleProducer(new SlotArena(8)::next, 8);
    private final InlineOutbound outbound = new InlineOutbound(ring);

    private void publish(long payload) {
        long seq = ring.next();
        ring.get(seq).event().putLong(0, payload);
        ring.publish(seq);
    }

    @Test
    void anIntentWhoseJournalOutFailedIsNotSentAndTheRingMovesOn() {
        List<Long> journaled = new ArrayList<>();
        List<Long> sent = new ArrayList<>();
        EventHandler<EventSlot> journal = (slot, seq, end) -> {
            long p = slot.event().getLong(0);
            if (p == 2) {
                throw new IllegalStateException("disk full, say");
            }
            journaled.add(p);
        };
        EventHandler<EventSlot> sender = (slot, seq, end) -> sent.add(slot.event().getLong(0));
        outbound.consumers(journal, sender);
        for (long p = 1; p <= 20; p++) { // more than the ring holds: the failed slot must not wedge it
            publish(p);
            outbound.drain();
        }
        List<Long> expected = new ArrayList<>();
        for (long p = 1; p <= 20; p++) {
            if (p != 2) {
                expected.add(p);
            }
        }
        assertEquals(expected, journaled);
        assertEquals(expected, sent, "only journaled intents are sent, in order");
        assertEquals(1, outbound.failures());
    }

    @Test
    void aFailingSenderCountsButDoesNotStopTheNextSlots() {
        List<Long> sent = new ArrayList<>();
        outbound.consumers((slot, seq, end) -> {
            long p = slot.event().getLong(0);
            if (p % 5 == 0) {
                throw new IllegalStateException("socket closed, say");
            }
            sent.add(p);
        });
        for (long p = 1; p <= 12; p++) {
            publish(p);
            if (p % 6 == 0) { // a batch of six, then a drain: the ring holds eight
                outbound.drain();
            }
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 6L, 7L, 8L, 9L, 11L, 12L), sent);
        assertEquals(2, outbound.failures());
    }
}

package io.kengine.engine.ring;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.EventSlot;
import org.agrona.MutableDirectBuffer;

/**
 * The orders stage's handle on the outbound ring (single producer). Counts order intents and
 * decision records apart (status, metrics and the tick-to-intent latency are about intents). Stamps only the outbound
 * sequence: the intent's timestamp is its cause's, set by the stage, so replay can reproduce it.
 * The outbound ring's consumers (journal-out, sender) never wait on the inbound ring, so waiting
 * here for space cannot deadlock.
 */
public final class OutboundRingPublisher implements EventPublisher {
    /** Where in an outbound slot's notes the publish time (System.nanoTime) is kept. */
    public static final int PUBLISHED_AT_NOTE = 0;
    /** Non-zero when journal-out could not write the slot (see {@link UnjournaledIntents}); cleared at publish. */
    public static final int JOURNAL_FAILED_NOTE = 8;

    private final RingBuffer<EventSlot> ring;
    private final RingCounters counters;
    private final Runnable makeRoom;
    private long claimed = -1;

    public OutboundRingPublisher(RingBuffer<EventSlot> ring, RingCounters counters) {
        this(ring, counters, null);
    }

    /**
     * @param makeRoom when the ring is full, run by the publishing thread before it tries again: the
     *                 {@code single} mapping's in-line drain (its consumers are this very thread, so waiting
     *                 for them would never end); null waits for the consumer threads
     */
    public OutboundRingPublisher(RingBuffer<EventSlot> ring, RingCounters counters, Runnable makeRoom) {
        this.ring = ring;
        this.counters = counters;
        this.makeRoom = makeRoom;
    }

    @Override
    public MutableDirectBuffer claim() {
        long seq;
        try {
            seq = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            counters.outboundFull.increment();
            seq = makeRoom == null ? ring.next() : claimAfterDraining();
        }
        claimed = seq;
        return ring.get(seq).event();
    }

    private long claimAfterDraining() {
        while (true) {
            makeRoom.run();
            try {
                return ring.tryNext();
            } catch (InsufficientCapacityException stillFull) {
                Thread.onSpinWait();
            }
        }
    }

    @Override
    public long publish() {
        long seq = claimed;
        EventSlot slot = ring.get(seq);
        EventHeader.sequence(slot.event(), 0, seq);
        slot.notes().putLong(PUBLISHED_AT_NOTE, System.nanoTime()); // for the sender's intent-to-wire latency; never journaled
        slot.notes().putInt(JOURNAL_FAILED_NOTE, 0);
        boolean decision = EventHeader.type(slot.event(), 0) == EventType.DECISION; // read before the slot is handed over
        claimed = -1;
        ring.publish(seq);
        (decision ? counters.decisionsPublished : counters.intentsPublished).increment();
        return seq;
    }
}

package io.kengine.engine.ring;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.EventSlot;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.EpochNanoClock;

/**
 * One producer's handle on the inbound ring. Stamps the ring sequence and the receive timestamp
 * (the only clock the business stages ever read). A full ring is never silent: the producer waits
 * for space and the ring-full counter records that it had to.
 */
public final class InboundRingPublisher implements EventPublisher {
    private final RingBuffer<EventSlot> ring;
    private final EpochNanoClock clock;
    private final RingCounters counters;
    private long claimed = -1;

    public InboundRingPublisher(RingBuffer<EventSlot> ring, EpochNanoClock clock, RingCounters counters) {
        this.ring = ring;
        this.clock = clock;
        this.counters = counters;
    }

    @Override
    public MutableDirectBuffer claim() {
        if (claimed >= 0) {
            throw new IllegalStateException("claim() twice without publish()");
        }
        long seq;
        try {
            seq = ring.tryNext();
        } catch (InsufficientCapacityException full) {
            counters.inboundFull.incrementShared();
            seq = ring.next();
        }
        claimed = seq;
        return ring.get(seq).event();
    }

    @Override
    public long publish() {
        long seq = claimed;
        EventSlot slot = ring.get(seq);
        EventHeader.sequence(slot.event(), 0, seq);
        EventHeader.timestampNanos(slot.event(), 0, clock.nanoTime());
        claimed = -1;
        ring.publish(seq);
        counters.inboundPublished.incrementShared();
        return seq;
    }

}

package io.kengine.engine.ring;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import io.kengine.protocol.stage.EventSlot;

/**
 * Wraps the business handler of the {@code single} and {@code fused} mappings: when a batch ends (the
 * thread is about to wait), it reads the lines the next event will write, namely the next inbound slot's
 * notes and the head of the next outbound slot, so they sit in this core's cache when that event comes.
 * At an open-loop 10k/s a slot comes round again only after {@code ring size / rate} seconds, long after
 * its lines left the cache, and every note a stage writes, and the intent the orders stage copies out,
 * was a miss to memory. Only reads, only of memory no other thread writes at that moment: the producers
 * write a slot's event, never its notes, and the outbound slot after the cursor is free until claimed.
 */
public final class SlotWarmer implements EventHandler<EventSlot> {
    /** Bytes of the next outbound slot read: an intent with one or two legs, plus the header. */
    static final int OUTBOUND_EVENT_BYTES = 512;

    private final EventHandler<EventSlot> business;
    private final RingBuffer<EventSlot> inbound;
    private final RingBuffer<EventSlot> outbound;
    private long sink; // keeps the reads from being optimised away
    private long warms;

    public SlotWarmer(EventHandler<EventSlot> business, RingBuffer<EventSlot> inbound, RingBuffer<EventSlot> outbound) {
        this.business = business;
        this.inbound = inbound;
        this.outbound = outbound;
    }

    @Override
    public void onEvent(EventSlot slot, long sequence, boolean endOfBatch) throws Exception {
        business.onEvent(slot, sequence, endOfBatch);
        if (endOfBatch) {
            warm(sequence + 1);
        }
    }

    /** Reads one long per cache line of the next inbound slot's notes and of the next outbound slot's head. */
    void warm(long nextInbound) {
        long s = sink;
        EventSlot in = inbound.get(nextInbound);
        for (int at = 0; at < EventSlot.NOTES_LENGTH; at += 64) {
            s += in.notes().getLong(at);
        }
        EventSlot out = outbound.get(outbound.getCursor() + 1);
        for (int at = 0; at < OUTBOUND_EVENT_BYTES; at += 64) {
            s += out.event().getLong(at);
        }
        s += out.notes().getLong(OutboundRingPublisher.PUBLISHED_AT_NOTE);
        sink = s;
        warms++;
    }

    /** How many times it warmed (a batch ended); for tests. */
    public long warms() {
        return warms;
    }

    @Override
    public void onStart() {
        business.onStart();
    }

    @Override
    public void onShutdown() {
        business.onShutdown();
    }
}

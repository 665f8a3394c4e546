package io.kengine.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.kengine.journal.JournalWriter;
import io.kengine.protocol.stage.EventSlot;

/** journal-in / journal-out: appends every event's bytes, exactly as published, to its stream. */
public final class JournalHandler implements EventHandler<EventSlot> {
    private final JournalWriter writer;
    private final RingCounters.Counter journaled;

    public JournalHandler(JournalWriter writer, RingCounters.Counter journaled) {
        this.writer = writer;
        this.journaled = journaled;
    }

    @Override
    public void onEvent(EventSlot slot, long sequence, boolean endOfBatch) {
        writer.append(slot.event(), 0, slot.length());
        journaled.increment();
    }
}

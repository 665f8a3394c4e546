package io.kengine.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.kengine.journal.JournalWriter;
import io.kengine.protocol.stage.EventSlot;

/** journal-in / journal-out: appends every event's bytes, exactly as published, to its stream. */
public final class JournalHandler implements EventHandler<EventSlot> {
    private final JournalWriter writer;
    private final RingCounters.Counter journaled;
    private final io.kengine.engine.ops.LatencyRecorder appendLatency;

    public JournalHandler(JournalWriter writer, RingCounters.Counter journaled) {
        this(writer, journaled, null);
    }

    /** @param appendLatency time of one append, sampled one event in {@link StagesHandler#SAMPLE_EVERY}; or null */
    public JournalHandler(JournalWriter writer, RingCounters.Counter journaled, io.kengine.engine.ops.LatencyRecorder appendLatency) {
        this.writer = writer;
        this.journaled = journaled;
        this.appendLatency = appendLatency;
    }

    @Override
    public void onEvent(EventSlot slot, long sequence, boolean endOfBatch) {
        if (appendLatency != null && (sequence & (StagesHandler.SAMPLE_EVERY - 1)) == 0) {
            long start = System.nanoTime();
            writer.append(slot.event(), 0, slot.length());
            appendLatency.record(System.nanoTime() - start);
        } else {
            writer.append(slot.event(), 0, slot.length());
        }
        journaled.increment();
    }
}

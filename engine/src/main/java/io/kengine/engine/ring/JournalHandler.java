package io.kengine.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.kengine.journal.JournalWriter;
import io.kengine.protocol.stage.EventSlot;

/**
 * journal-in / journal-out: appends every event's bytes, exactly as published, to its stream.
 * Batched (journal-in): the events of one ring batch go out as one journal document at the batch's
 * end, which costs Chronicle's per-document overhead once per batch. journal-out is never batched:
 * the sender runs after it, and an intent must be in the journal before it leaves.
 */
public final class JournalHandler implements EventHandler<EventSlot> {
    private final JournalWriter writer;
    private final boolean batched;
    private final RingCounters.Counter journaled;
    private final io.kengine.engine.ops.LatencyRecorder appendLatency;

    public JournalHandler(JournalWriter writer, RingCounters.Counter journaled) {
        this(writer, journaled, null, false);
    }

    /** @param appendLatency time of one append, sampled one event in {@link StagesHandler#SAMPLE_EVERY}; or null */
    public JournalHandler(JournalWriter writer, RingCounters.Counter journaled, io.kengine.engine.ops.LatencyRecorder appendLatency,
                          boolean batched) {
        this.writer = writer;
        this.batched = batched;
        this.journaled = journaled;
        this.appendLatency = appendLatency;
    }

    @Override
    public void onEvent(EventSlot slot, long sequence, boolean endOfBatch) {
        if (batched) {
            writer.stage(slot.event(), 0, slot.length());
            if (endOfBatch) {
                if (appendLatency != null) {
                    long start = System.nanoTime();
                    writer.flush();
                    appendLatency.record(System.nanoTime() - start); // one document: the whole batch
                } else {
                    writer.flush();
                }
            }
        } else if (appendLatency != null && (sequence & (StagesHandler.SAMPLE_EVERY - 1)) == 0) {
            long start = System.nanoTime();
            writer.append(slot.event(), 0, slot.length());
            appendLatency.record(System.nanoTime() - start);
        } else {
            writer.append(slot.event(), 0, slot.length());
        }
        journaled.increment();
    }
}

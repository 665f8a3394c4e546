package io.kengine.engine.ring;

import com.lmax.disruptor.EventHandler;
import io.kengine.journal.JournalWriter;
import io.kengine.protocol.stage.EventSlot;

/**
 * journal-in / journal-out: appends every event's bytes, exactly as published, to its stream.
 * Batched (journal-in): the events of one ring batch go out as one journal document at the batch's
 * end, which costs Chronicle's per-document overhead once per batch. journal-out is never batched:
 * the sender runs after it, and an intent must be in the journal before it leaves. A journal-out write
 * that throws marks the slot ({@link OutboundRingPublisher#JOURNAL_FAILED_NOTE}) for the sender to decide
 * on ({@link UnjournaledIntents}), is counted and logged, and the ring moves on. journal-in's failures are
 * its consumer's ({@link ParkingConsumer}).
 */
public final class JournalHandler implements EventHandler<EventSlot> {
    private static final System.Logger LOG = System.getLogger(JournalHandler.class.getName());
    private final JournalWriter writer;
    private final boolean batched;
    private final RingCounters.Counter journaled;
    private final io.kengine.engine.ops.LatencyRecorder appendLatency;
    private volatile long failures; // written by the consuming thread only

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
        } else {
            try {
                appendOne(slot, sequence);
            } catch (RuntimeException e) {
                slot.notes().putInt(OutboundRingPublisher.JOURNAL_FAILED_NOTE, 1);
                long n = ++failures;
                if (RingFaults.worthLogging(n)) {
                    LOG.log(System.Logger.Level.ERROR, "journal-out failed on " + io.kengine.protocol.event.EventType.name(slot.type())
                        + " seq=" + sequence + " (" + n + " failures so far); the sender decides on it unjournaled", e);
                }
                return;
            }
        }
        journaled.increment();
    }

    private void appendOne(EventSlot slot, long sequence) {
        if (appendLatency != null && (sequence & (StagesHandler.SAMPLE_EVERY - 1)) == 0) {
            long start = System.nanoTime();
            writer.append(slot.event(), 0, slot.length());
            appendLatency.record(System.nanoTime() - start);
        } else {
            writer.append(slot.event(), 0, slot.length());
        }
    }

    /** Events this handler failed to write (journal-out: each slot marked for the sender). */
    public long failures() {
        return failures;
    }
}

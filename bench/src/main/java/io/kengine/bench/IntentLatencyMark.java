package io.kengine.bench;

import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.Stage;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.function.LongSupplier;

/**
 * Wraps the orders stage (the last business stage): when an event made it publish an intent,
 * records now − the event's receive timestamp (its planned arrival, see {@link PlannedClock}) into a
 * single-writer recorder the harness reads intervals from. Allocation-free on the recording side.
 */
final class IntentLatencyMark implements Stage {
    private final Stage orders;
    private final LongSupplier intentsPublished;
    private final PlannedClock clock;
    final SingleWriterRecorder recorder = new SingleWriterRecorder(3_600_000_000_000L, 3);
    private long seen;
    private final java.util.concurrent.atomic.AtomicLong events = new java.util.concurrent.atomic.AtomicLong();

    IntentLatencyMark(Stage orders, LongSupplier intentsPublished, PlannedClock clock) {
        this.orders = orders;
        this.intentsPublished = intentsPublished;
        this.clock = clock;
    }

    @Override
    public void onEvent(EventSlot slot, boolean endOfBatch) {
        orders.onEvent(slot, endOfBatch);
        long n = intentsPublished.getAsLong();
        if (n != seen) {
            seen = n;
            recorder.recordValue(Math.max(0, clock.now() - slot.timestampNanos()));
        }
        events.lazySet(events.get() + 1); // single writer: an ordered store, no fence, for the harness to watch
    }

    long events() {
        return events.get();
    }
}

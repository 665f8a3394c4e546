package io.kengine.bench;

import io.kengine.protocol.event.EventType;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.Stage;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.Locale;

/**
 * Where a frame's tick-to-intent time goes ({@code TickToIntent --breakdown}): the producer's decode and
 * publish, the wait until the business thread starts on the event, then each business stage's own
 * time, for book-delta events only. Every segment costs one extra clock read (≈ 20 ns), so a breakdown
 * run's totals are a little higher than a plain run's; compare segments with each other, not with it.
 */
final class StageBreakdown {
    private final PlannedClock clock;
    private final String[] names;
    private final SingleWriterRecorder decode = recorder();  // producer thread
    private final SingleWriterRecorder publish = recorder(); // producer thread
    private final SingleWriterRecorder arrival = recorder();       // business thread: planned → first stage starts
    private final SingleWriterRecorder[] stages;                   // business thread
    private long mark; // business thread only

    StageBreakdown(PlannedClock clock, Stage[] chain) {
        this.clock = clock;
        this.names = new String[chain.length];
        this.stages = new SingleWriterRecorder[chain.length];
        for (int i = 0; i < chain.length; i++) {
            names[i] = chain[i].getClass().getSimpleName();
            stages[i] = recorder();
        }
    }

    private static SingleWriterRecorder recorder() {
        return new SingleWriterRecorder(3_600_000_000_000L, 3);
    }

    /** The chain with every stage wrapped by its timer (same order, same stages). */
    Stage[] wrap(Stage[] chain) {
        Stage[] out = new Stage[chain.length];
        for (int i = 0; i < chain.length; i++) {
            out[i] = new Timed(chain[i], i);
        }
        return out;
    }

    /** Producer side: decoding one frame took {@code decodeNanos}, publishing its event {@code publishNanos}. */
    void producer(long decodeNanos, long publishNanos) {
        decode.recordValue(Math.max(0, decodeNanos));
        publish.recordValue(Math.max(0, publishNanos));
    }

    /** Drops everything recorded so far (the warm-up). */
    void reset() {
        decode.reset();
        publish.reset();
        arrival.reset();
        for (SingleWriterRecorder r : stages) {
            r.reset();
        }
    }

    /** p50 / p99 per segment since the last reset, one line. */
    String summary() {
        StringBuilder sb = new StringBuilder("  breakdown (book deltas, ns p50/p99):");
        append(sb, "decode", decode);
        append(sb, "publish", publish);
        append(sb, "planned→business", arrival);
        for (int i = 0; i < stages.length; i++) {
            append(sb, names[i], stages[i]);
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, SingleWriterRecorder r) {
        Histogram h = r.getIntervalHistogram();
        sb.append(String.format(Locale.ROOT, " %s %d/%d", name, h.getValueAtPercentile(50), h.getValueAtPercentile(99)));
    }

    private final class Timed implements Stage {
        private final Stage inner;
        private final int index;

        Timed(Stage inner, int index) {
            this.inner = inner;
            this.index = index;
        }

        @Override
        public void onEvent(EventSlot slot, boolean endOfBatch) {
            boolean timed = slot.type() == EventType.BOOK_DELTA;
            if (timed && index == 0) {
                long now = clock.now();
                arrival.recordValue(Math.max(0, now - slot.timestampNanos()));
                mark = now;
            }
            inner.onEvent(slot, endOfBatch);
            if (timed) {
                long now = clock.now();
                stages[index].recordValue(Math.max(0, now - mark));
                mark = now;
            }
        }

        @Override
        public void onStart() {
            inner.onStart();
        }

        @Override
        public void onShutdown() {
            inner.onShutdown();
        }
    }
}

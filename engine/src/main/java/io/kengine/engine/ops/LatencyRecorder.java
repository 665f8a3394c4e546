package io.kengine.engine.ops;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.SingleWriterRecorder;

import java.util.concurrent.TimeUnit;

/**
 * Latency of one path (a stage, decode, journal, intent-to-wire), recorded by the thread that owns
 * the path and read by others without touching it: HdrHistogram's {@link SingleWriterRecorder}
 * (wait-free, allocation-free record; the reader swaps interval histograms).
 *
 * <p>{@link #record} may be called by one thread only, unless the recorder was made for several writers
 * (HdrHistogram's {@link Recorder}: still wait-free and allocation-free, at a few more ns per record).
 * {@link #snapshot} (status, metrics scrape)
 * may be called from any thread: it folds the interval into a cumulative histogram (count, sum) and
 * a recent window of 10 to 20 seconds (quantiles), so two readers never steal each other's samples.
 */
public final class LatencyRecorder {
    /** Values above this (one minute) are recorded as this: a stall is visible, never an exception. */
    public static final long MAX_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String path;
    private final SingleWriterRecorder recorder;
    private final Recorder shared; // several writers: used instead of recorder
    private final Histogram cumulative = new Histogram(1, MAX_NANOS, 2);
    private Histogram current = new Histogram(1, MAX_NANOS, 2);
    private Histogram previous = new Histogram(1, MAX_NANOS, 2);
    private final Histogram merged = new Histogram(1, MAX_NANOS, 2);
    private Histogram interval;
    private long rotatedAt = System.nanoTime();

    public LatencyRecorder(String path) {
        this(path, false);
    }

    /** @param severalWriters true when more than one thread records (e.g. the gateway's writing threads) */
    public LatencyRecorder(String path, boolean severalWriters) {
        this.path = path;
        this.recorder = severalWriters ? null : new SingleWriterRecorder(1, MAX_NANOS, 2);
        this.shared = severalWriters ? new Recorder(1, MAX_NANOS, 2) : null;
    }

    public String path() {
        return path;
    }

    /** Records one latency in nanoseconds; from the path's owning thread only, unless made for several writers. */
    public void record(long nanos) {
        long v = nanos < 1 ? 1 : Math.min(nanos, MAX_NANOS);
        if (recorder != null) {
            recorder.recordValue(v);
        } else {
            shared.recordValue(v);
        }
    }

    /** Quantiles over the recent window; count and sum since start. */
    public record Snapshot(long count, double sumNanos, long windowCount, long p50, long p90, long p99, long p999, long max) {
        public static final Snapshot EMPTY = new Snapshot(0, 0, 0, EngineStatus.NA, EngineStatus.NA, EngineStatus.NA,
            EngineStatus.NA, EngineStatus.NA);
    }

    public synchronized Snapshot snapshot() {
        interval = recorder != null ? recorder.getIntervalHistogram(interval) : shared.getIntervalHistogram(interval);
        cumulative.add(interval);
        long now = System.nanoTime();
        if (now - rotatedAt >= WINDOW_NANOS) {
            Histogram old = previous;
            previous = current;
            current = old;
            current.reset();
            rotatedAt = now;
        }
        current.add(interval);
        merged.reset();
        merged.add(previous);
        merged.add(current);
        if (merged.getTotalCount() == 0) {
            return cumulative.getTotalCount() == 0 ? Snapshot.EMPTY
                : new Snapshot(cumulative.getTotalCount(), sum(cumulative), 0, EngineStatus.NA, EngineStatus.NA,
                    EngineStatus.NA, EngineStatus.NA, EngineStatus.NA);
        }
        return new Snapshot(cumulative.getTotalCount(), sum(cumulative), merged.getTotalCount(),
            merged.getValueAtPercentile(50), merged.getValueAtPercentile(90), merged.getValueAtPercentile(99),
            merged.getValueAtPercentile(99.9), merged.getMaxValue());
    }

    private static double sum(Histogram h) {
        return h.getMean() * h.getTotalCount();
    }
}

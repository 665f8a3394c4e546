package io.kengine.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends {@link TickFrames} through a {@link TickPath} at planned times: frame i is due at
 * start + i / rate, and its latency counts from then, however late the producer got to it (rate 0:
 * as fast as the path takes them, the throughput mode). After {@code warmup} seconds it measures for
 * {@code seconds}: HdrHistogram intervals of one second (optionally written as .hlog), GC pauses and
 * bytes allocated by all threads per frame.
 */
final class OpenLoopDriver {
    private static final long PARK_THRESHOLD_NANOS = 400_000;
    private static final long PARK_MARGIN_NANOS = 300_000;
    /** Spins (no yield) only this close to a frame's planned time: the handover is then on time, not a yield late. */
    private static final long SPIN_WINDOW_NANOS = 5_000;

    private final int rate;
    private final int seconds;
    private final int warmup;
    private final Path hlogDir;

    OpenLoopDriver(int rate, int seconds, int warmup, Path hlogDir) {
        this.rate = rate;
        this.seconds = seconds;
        this.warmup = warmup;
        this.hlogDir = hlogDir;
    }

    /** One measured run's figures. */
    record Result(String name, long frames, double framesPerSecond, long intents, Histogram tickToIntent,
                  Histogram tickToWire, Histogram late, String gc, long gcMaxPauseMs, double bytesPerFrame, long errors,
                  long ringFull) {
        String line() {
            return String.format(Locale.ROOT, "%-30s frames %,11d %,10.0f/s intents/frame %.2f | tick-to-intent µs p50 %7.2f"
                    + " p99 %8.2f p99.9 %8.2f max %9.1f | to-wire p50 %7.2f p99 %8.2f p99.9 %8.2f | GC %s | %.2f B/frame"
                    + " | errors %d, ring full %d | producer late p50 %.2f p99 %.2f µs",
                name, frames, framesPerSecond, frames == 0 ? 0.0 : (double) intents / frames,
                us(tickToIntent, 50), us(tickToIntent, 99), us(tickToIntent, 99.9), tickToIntent.getMaxValue() / 1e3,
                us(tickToWire, 50), us(tickToWire, 99), us(tickToWire, 99.9), gc, bytesPerFrame, errors, ringFull, us(late, 50), us(late, 99));
        }

        private static double us(Histogram h, double p) {
            return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1e3;
        }
    }

    Result run(TickPath path, TickFrames frames, PlannedClock clock) throws Exception {
        String name = path.name() + " @" + (rate == 0 ? "max" : rate + "/s");
        try (GcWatch gc = new GcWatch()) {
            Histogram intentTotal = new Histogram(3_600_000_000_000L, 3);
            Histogram wireTotal = new Histogram(3_600_000_000_000L, 3);
            // how late the producer itself handed each frame over: charged to every path alike (it counts from the planned time)
            Histogram late = new Histogram(3_600_000_000_000L, 3);
            Histogram[] interval = new Histogram[2];
            HistogramLogWriter intentLog = logWriter(name, "tick-to-intent");
            HistogramLogWriter wireLog = logWriter(name, "tick-to-wire");
            long intervalNanos = rate == 0 ? 0 : 1_000_000_000L / rate;
            long start = clock.now();
            long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
            long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
            long nextInterval = 0;
            long measured = 0;
            long measureStart = 0;
            long intentsAtMeasure = 0;
            boolean measuring = false;
            int cycle = frames.cycle();
            for (long i = 0; ; i++) {
                long planned = rate == 0 ? clock.now() : start + i * intervalNanos;
                long now = clock.now();
                if (planned >= end || now >= end) {
                    break;
                }
                while (now < planned) {
                    path.pump();
                    // park only far ahead: a park overshoots by Linux's 50 µs timer slack and more, and a frame sent
                    // late is charged to the path (its latency counts from the planned time)
                    if (planned - now > PARK_THRESHOLD_NANOS) {
                        LockSupport.parkNanos(planned - now - PARK_MARGIN_NANOS);
                    } else if (planned - now > SPIN_WINDOW_NANOS) {
                        // yield, not spin: on a small host the sender and the other threads need this core more
                        // than the producer does (a real feed thread blocks in a socket read between frames)
                        Thread.yield();
                    } else {
                        // the last few µs: a yield returns ≈ 0.3 µs late, which every path would be charged for
                        // (the producer stands for the network, whose frame is in the socket on time)
                        Thread.onSpinWait();
                    }
                    now = clock.now();
                }
                if (measuring) {
                    late.recordValue(Math.max(0, now - planned));
                }
                path.submit(frames.frames[(int) (i % cycle)], planned);
                path.pump();
                if (!measuring && planned >= measureFrom) {
                    measuring = true;
                    interval[0] = path.intentInterval(interval[0]); // drop the warm-up samples
                    interval[1] = path.wireInterval(interval[1]);
                    path.measureStart();
                    gc.reset();
                    measureStart = clock.now();
                    intentsAtMeasure = path.intents();
                    nextInterval = measureStart + 1_000_000_000L;
                }
                if (measuring) {
                    measured++;
                    if (now >= nextInterval) {
                        collect(path, interval, intentTotal, wireTotal, intentLog, wireLog);
                        nextInterval += 1_000_000_000L;
                    }
                }
            }
            double elapsed = (clock.now() - measureStart) / 1e9;
            boolean drained = path.drain(60_000);
            collect(path, interval, intentTotal, wireTotal, intentLog, wireLog);
            double bytesPerFrame = measured == 0 ? 0 : (double) gc.allocatedSinceReset() / measured;
            return new Result(name, measured, measured / elapsed, path.intents() - intentsAtMeasure, intentTotal, wireTotal,
                late, gc.summary(), gc.pauseMaxMs(), bytesPerFrame, path.errors() + (drained ? 0 : 1), path.ringFull());
        }
    }

    private static void collect(TickPath path, Histogram[] interval, Histogram intentTotal, Histogram wireTotal,
                                HistogramLogWriter intentLog, HistogramLogWriter wireLog) {
        interval[0] = path.intentInterval(interval[0]);
        intentTotal.add(interval[0]);
        log(intentLog, interval[0]);
        interval[1] = path.wireInterval(interval[1]);
        if (interval[1] != null) {
            wireTotal.add(interval[1]);
            log(wireLog, interval[1]);
        }
    }

    private HistogramLogWriter logWriter(String run, String kind) throws IOException {
        if (hlogDir == null) {
            return null;
        }
        Files.createDirectories(hlogDir);
        String file = (run + "-" + kind).replaceAll("[^A-Za-z0-9.+-]", "_") + ".hlog";
        HistogramLogWriter w = new HistogramLogWriter(new PrintStream(hlogDir.resolve(file).toFile(), "US-ASCII"));
        w.outputLogFormatVersion();
        w.outputStartTime(System.currentTimeMillis());
        w.outputLegend();
        return w;
    }

    private static void log(HistogramLogWriter w, Histogram h) {
        if (w != null && h != null) {
            w.outputIntervalHistogram(h);
        }
    }
}

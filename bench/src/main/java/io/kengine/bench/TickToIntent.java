package io.kengine.bench;

import io.kengine.engine.BusinessStages;
import io.kengine.engine.EngineOptions;
import io.kengine.engine.EngineRuntime;
import io.kengine.engine.SessionAnnouncer;
import io.kengine.engine.StrategyDefaults;
import io.kengine.engine.ring.StageMapping;
import io.kengine.feed.decode.ByteKeyMarketIds;
import io.kengine.feed.decode.DecodeCounters;
import io.kengine.feed.decode.DecodedFrame;
import io.kengine.feed.decode.FrameDecoder;
import io.kengine.feed.decode.FrameKind;
import io.kengine.feed.decode.RingEventWriter;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.Stage;
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
 * End-to-end tick-to-intent through the real engine, open loop: Kalshi {@code orderbook_delta} frame
 * bytes ({@link TickFrames}) → {@code FrameDecoder} → {@code RingEventWriter} → inbound ring → book →
 * pricing → risk → orders → intent in the outbound ring ({@link IntentLatencyMark}) → [journal-out] →
 * sender ({@link InstantAcker}, which acknowledges at once so the next quote change is an amend).
 *
 * <p>Frames are sent at planned times ({@code --rate} per second; 0 = as fast as the ring takes them,
 * the throughput mode). Each frame's receive timestamp is its planned time ({@link PlannedClock}), so
 * a producer held back by a full ring or a stall still charges that time to the frames it delayed.
 * Latencies are recorded with HdrHistogram per one-second interval, optionally logged as .hlog files.
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.kengine.bench.TickToIntent [--mapping fused|per-stage|both]
 * [--rate 10000] [--seconds 30] [--warmup 10] [--markets 16] [--journal] [--wait auto] [--hlog DIR]}
 */
public final class TickToIntent {
    private final StageMapping mapping;
    private final int rate;
    private final int seconds;
    private final int warmup;
    private final int markets;
    private final boolean journal;
    private final String wait;
    private final Path hlogDir;
    private final PrintStream out;

    private TickToIntent(StageMapping mapping, int rate, int seconds, int warmup, int markets, boolean journal,
                         String wait, Path hlogDir, PrintStream out) {
        this.mapping = mapping;
        this.rate = rate;
        this.seconds = seconds;
        this.warmup = warmup;
        this.markets = markets;
        this.journal = journal;
        this.wait = wait;
        this.hlogDir = hlogDir;
        this.out = out;
    }

    /** One measured run's figures. */
    record Result(String name, long frames, double framesPerSecond, long intents, Histogram tickToIntent,
                  Histogram tickToWire, String gc, long gcMaxPauseMs, double bytesPerFrame, long stageErrors,
                  long ringFull) {
        String line() {
            return String.format(Locale.ROOT, "%-34s frames %,11d  %,10.0f/s  intents/frame %.2f  tick-to-intent µs p50 %7.2f p99 %8.2f"
                    + " p99.9 %8.2f max %9.1f | to-wire p50 %7.2f p99 %8.2f p99.9 %8.2f | %s | %.2f B/frame | errors %d, ring full %d",
                name, frames, framesPerSecond, frames == 0 ? 0.0 : (double) intents / frames,
                us(tickToIntent, 50), us(tickToIntent, 99), us(tickToIntent, 99.9), tickToIntent.getMaxValue() / 1e3,
                us(tickToWire, 50), us(tickToWire, 99), us(tickToWire, 99.9), gc, bytesPerFrame, stageErrors, ringFull);
        }

        private static double us(Histogram h, double p) {
            return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(p) / 1e3;
        }
    }

    Result run() throws IOException {
        TickFrames frames = new TickFrames(markets);
        PlannedClock clock = new PlannedClock();
        InstantAcker acker = new InstantAcker(clock);
        Path journalDir = journal ? BenchDirs.create("tick-to-intent") : null;
        IntentLatencyMark[] mark = new IntentLatencyMark[1];
        EngineOptions options = new EngineOptions(mapping, wait, 16_384, 4_096, journalDir, 0x5EED, "paper");
        String name = mapping.name().toLowerCase(Locale.ROOT) + (journal ? "+journal" : "") + " @" + (rate == 0 ? "max" : rate + "/s");
        try (GcWatch gc = new GcWatch();
             EngineRuntime runtime = new EngineRuntime(options, clock, intents -> {
                 BusinessStages stages = new BusinessStages(intents);
                 Stage[] chain = stages.inOrder();
                 mark[0] = new IntentLatencyMark(chain[chain.length - 1], () -> stages.orders().intentsPublished(), clock);
                 chain[chain.length - 1] = mark[0];
                 return chain;
             }, inbound -> acker, () -> true)) {
            runtime.start();
            EventPublisher pub = runtime.newInboundPublisher();
            SessionAnnouncer.announce(pub, 0x5EED, "paper", StrategyDefaults.entries());
            frames.publishMarkets(pub);

            FrameDecoder decoder = new FrameDecoder();
            DecodedFrame decoded = new DecodedFrame();
            RingEventWriter writer = new RingEventWriter(new DecodeCounters());
            ByteKeyMarketIds ids = frames.marketIds();
            int cycle = frames.cycle();

            Histogram intentTotal = new Histogram(3_600_000_000_000L, 3);
            Histogram wireTotal = new Histogram(3_600_000_000_000L, 3);
            Histogram intentInterval = null;
            Histogram wireInterval = null;
            HistogramLogWriter intentLog = logWriter(name, "tick-to-intent");
            HistogramLogWriter wireLog = logWriter(name, "tick-to-wire");

            long intervalNanos = rate == 0 ? 0 : 1_000_000_000L / rate;
            long start = clock.now();
            long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
            long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
            long nextInterval = start + 1_000_000_000L;
            long measuredFrames = 0;
            long intentsAtMeasure = 0;
            long measureStartNanos = 0;
            boolean measuring = false;
            long i = 0;
            while (true) {
                long planned = rate == 0 ? clock.now() : start + i * intervalNanos;
                long now = clock.now();
                if (planned >= end || now >= end) {
                    break;
                }
                while (now < planned) {
                    acker.drainInto(pub);
                    if (planned - now > 50_000) {
                        LockSupport.parkNanos(planned - now - 40_000);
                    } else {
                        Thread.onSpinWait();
                    }
                    now = clock.now();
                }
                byte[] f = frames.frames[(int) (i % cycle)];
                if (decoder.decode(f, 0, f.length, decoded) != FrameKind.ORDERBOOK_DELTA) {
                    throw new IllegalStateException("frame " + i + " did not decode as a delta");
                }
                clock.plan(planned);
                writer.publish(decoded, ids, pub, EventSource.FEED);
                clock.unplan();
                acker.drainInto(pub);
                i++;
                if (!measuring && planned >= measureFrom) {
                    measuring = true;
                    mark[0].recorder.getIntervalHistogram(); // drop warm-up samples
                    acker.wire.getIntervalHistogram();
                    gc.reset();
                    measureStartNanos = clock.now();
                    intentsAtMeasure = runtime.counters().intentsPublished.get();
                    nextInterval = measureStartNanos + 1_000_000_000L;
                }
                if (measuring) {
                    measuredFrames++;
                    if (now >= nextInterval) {
                        intentInterval = mark[0].recorder.getIntervalHistogram(intentInterval);
                        wireInterval = acker.wire.getIntervalHistogram(wireInterval);
                        intentTotal.add(intentInterval);
                        wireTotal.add(wireInterval);
                        log(intentLog, intentInterval);
                        log(wireLog, wireInterval);
                        nextInterval += 1_000_000_000L;
                    }
                }
            }
            double elapsedSeconds = (clock.now() - measureStartNanos) / 1e9;
            // drain: every frame through, every ack back (the producer is the only one publishing them)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                acker.drainInto(pub);
                if (acker.idle() && runtime.drain(1)) {
                    acker.drainInto(pub);
                    if (acker.idle()) {
                        break;
                    }
                }
            }
            intentInterval = mark[0].recorder.getIntervalHistogram(intentInterval);
            wireInterval = acker.wire.getIntervalHistogram(wireInterval);
            intentTotal.add(intentInterval);
            wireTotal.add(wireInterval);
            log(intentLog, intentInterval);
            log(wireLog, wireInterval);
            long intents = runtime.counters().intentsPublished.get() - intentsAtMeasure;
            double bytesPerFrame = measuredFrames == 0 ? 0 : (double) gc.allocatedSinceReset() / measuredFrames;
            if (acker.lost() > 0) {
                throw new IllegalStateException("the acker's reply ring overflowed: " + acker.lost());
            }
            return new Result(name, measuredFrames, measuredFrames / elapsedSeconds, intents, intentTotal, wireTotal,
                gc.summary(), gc.pauseMaxMs(), bytesPerFrame, runtime.stageErrors().count(),
                runtime.counters().inboundFull.get());
        } finally {
            if (journalDir != null) {
                BenchDirs.delete(journalDir);
            }
        }
    }

    private HistogramLogWriter logWriter(String run, String path) throws IOException {
        if (hlogDir == null) {
            return null;
        }
        Files.createDirectories(hlogDir);
        String file = (run + "-" + path).replaceAll("[^A-Za-z0-9.+-]", "_") + ".hlog";
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

    public static void main(String[] args) throws Exception {
        String mappingArg = "both";
        int rate = 10_000;
        int seconds = 30;
        int warmup = 10;
        int markets = 16;
        boolean journal = false;
        String wait = "auto";
        Path hlog = null;
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--mapping": mappingArg = args[++a]; break;
                case "--rate": rate = Integer.parseInt(args[++a]); break;
                case "--seconds": seconds = Integer.parseInt(args[++a]); break;
                case "--warmup": warmup = Integer.parseInt(args[++a]); break;
                case "--markets": markets = Integer.parseInt(args[++a]); break;
                case "--journal": journal = true; break;
                case "--wait": wait = args[++a]; break;
                case "--hlog": hlog = Path.of(args[++a]); break;
                default: throw new IllegalArgumentException("unknown option " + args[a]);
            }
        }
        System.out.println("TickToIntent: " + Runtime.getRuntime().availableProcessors() + " cores, "
            + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", " + markets + " markets");
        for (String m : mappingArg.equals("both") ? new String[] {"fused", "per-stage"} : new String[] {mappingArg}) {
            Result r = new TickToIntent(StageMapping.parse(m), rate, seconds, warmup, markets, journal, wait, hlog, System.out).run();
            System.out.println(r.line());
        }
    }
}

package io.kengine.bench;

import io.kengine.engine.ring.StageMapping;
import io.kengine.feed.decode.ByteKeyMarketIds;
import io.kengine.feed.decode.DecodeCounters;
import io.kengine.feed.decode.DecodedFrame;
import io.kengine.feed.decode.FrameDecoder;
import io.kengine.feed.decode.FrameKind;
import io.kengine.feed.decode.RingEventWriter;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.stage.EventPublisher;
import org.HdrHistogram.Histogram;

import io.kengine.feed.connection.FeedTransport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * End-to-end tick-to-intent through the real engine, open loop: Kalshi {@code orderbook_delta} frame
 * bytes ({@link TickFrames}) → {@code FrameDecoder} → {@code RingEventWriter} → inbound ring → book →
 * pricing → risk → orders → intent in the outbound ring ({@link IntentLatencyMark}) → [journal-out] →
 * sender ({@link InstantAcker}, which acknowledges at once so the next quote change is an amend).
 * The same frames, schedule and latency definition drive the baselines: {@link ConventionalPipeline}
 * and {@link FloorPath} ({@link OpenLoopDriver} does the timing).
 *
 * <p>Usage: {@code java -cp bench/target/benchmarks.jar io.kengine.bench.TickToIntent
 * [--paths fused,per-stage,single,conventional,floor,loopback-fused,loopback-per-stage,loopback-single[@okhttp|+rest]] [--rate 10000] [--seconds 30] [--warmup 10] [--markets 16]
 * [--journal] [--breakdown] [--ring IN/OUT] [--sim-in-jvm] [--wait auto|busy-spin/blocking|...] [--rehearsal US] [--hlog DIR]}. {@code --rate 0} is the throughput mode.
 */
public final class TickToIntent implements TickPath {
    private final String name;
    private final MarkedEngine engine;
    private final EventPublisher pub;
    private final PlannedClock clock;
    private final FrameDecoder decoder = new FrameDecoder();
    private final DecodedFrame decoded = new DecodedFrame();
    private final RingEventWriter writer = new RingEventWriter(new DecodeCounters());
    private final ByteKeyMarketIds ids;
    private final StageBreakdown breakdown;
    private long badFrames;

    TickToIntent(StageMapping mapping, String wait, boolean journal, TickFrames frames, PlannedClock clock, boolean breakdown,
                 int inboundSize, int outboundSize, long rehearsalNanos) {
        this.clock = clock;
        this.name = mapping.name().toLowerCase(java.util.Locale.ROOT) + (journal ? "+journal" : "") + " " + wait
            + (breakdown ? " (breakdown)" : "")
            + (inboundSize == MarkedEngine.DEFAULT_INBOUND && outboundSize == MarkedEngine.DEFAULT_OUTBOUND ? ""
                : " ring " + inboundSize + "/" + outboundSize) + MarkedEngine.rehearsalSuffix(rehearsalNanos);
        this.engine = new MarkedEngine(mapping, wait, journal, 0x5EED, clock, breakdown, inboundSize, outboundSize, rehearsalNanos,
            new InstantAcker(clock));
        this.breakdown = engine.breakdown;
        this.pub = engine.control;
        frames.publishMarkets(pub);
        this.ids = frames.marketIds();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void submit(byte[] frame, long plannedNanos) {
        if (breakdown == null) {
            if (decode(frame)) {
                publish(plannedNanos);
            }
            return;
        }
        long start = clock.now(); // --breakdown: the decode and the publish timed apart
        if (!decode(frame)) {
            return;
        }
        long decodedAt = clock.now();
        publish(plannedNanos);
        breakdown.producer(decodedAt - start, clock.now() - decodedAt);
    }

    private boolean decode(byte[] frame) {
        if (decoder.decode(frame, 0, frame.length, decoded) != FrameKind.ORDERBOOK_DELTA) {
            badFrames++;
            return false;
        }
        return true;
    }

    private void publish(long plannedNanos) {
        clock.plan(plannedNanos);
        writer.publish(decoded, ids, pub, EventSource.FEED);
        clock.unplan();
    }

    @Override
    public void measureStart() {
        if (breakdown != null) {
            breakdown.reset();
        }
    }

    @Override
    public String detail() {
        String rehearsal = engine.rehearsal == null ? null : "  idle rehearsal: " + engine.rehearsal.steps() + " steps, "
            + engine.rehearsal.intents() + " private intents" + (engine.rehearsal.failure() == null ? "" : ", stopped: "
            + engine.rehearsal.failure());
        String stages = breakdown == null ? null : breakdown.summary();
        return stages == null ? rehearsal : rehearsal == null ? stages : stages + "\n" + rehearsal;
    }

    @Override
    public void pump() {
        engine.pump();
    }

    @Override
    public Histogram intentInterval(Histogram reuse) {
        return engine.intentInterval(reuse);
    }

    @Override
    public Histogram wireInterval(Histogram reuse) {
        return engine.wireInterval(reuse);
    }

    @Override
    public long intents() {
        return engine.intents();
    }

    @Override
    public boolean drain(long timeoutMs) {
        return engine.drain(timeoutMs);
    }

    @Override
    public long errors() {
        return engine.errors() + badFrames;
    }

    @Override
    public long ringFull() {
        return engine.ringFull();
    }

    @Override
    public void close() {
        engine.close();
    }

    public static void main(String[] args) throws Exception {
        String paths = "fused,per-stage,conventional,floor";
        int rate = 10_000;
        int seconds = 30;
        int warmup = 10;
        int markets = 16;
        boolean journal = false;
        boolean breakdown = false;
        boolean simInJvm = false;
        int inboundSize = MarkedEngine.DEFAULT_INBOUND;
        int outboundSize = MarkedEngine.DEFAULT_OUTBOUND;
        String wait = "auto";
        long rehearsalNanos = MarkedEngine.DEFAULT_REHEARSAL_NANOS;
        Path hlog = null;
        for (int a = 0; a < args.length; a++) {
            switch (args[a]) {
                case "--paths": paths = args[++a]; break;
                case "--rate": rate = Integer.parseInt(args[++a]); break;
                case "--seconds": seconds = Integer.parseInt(args[++a]); break;
                case "--warmup": warmup = Integer.parseInt(args[++a]); break;
                case "--markets": markets = Integer.parseInt(args[++a]); break;
                case "--journal": journal = true; break;
                case "--breakdown": breakdown = true; break;
                case "--sim-in-jvm": simInJvm = true; break;
                case "--ring": {
                    String[] io = args[++a].split("/");
                    inboundSize = Integer.parseInt(io[0]);
                    outboundSize = Integer.parseInt(io.length > 1 ? io[1] : io[0]);
                    break;
                }
                case "--wait": wait = args[++a]; break;
                case "--rehearsal": rehearsalNanos = Long.parseLong(args[++a]) * 1_000; break;
                case "--hlog": hlog = Path.of(args[++a]); break;
                default: throw new IllegalArgumentException("unknown option " + args[a]);
            }
        }
        System.out.println("TickToIntent: " + Runtime.getRuntime().availableProcessors() + " cores, "
            + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", " + markets
            + " markets, rate " + (rate == 0 ? "max" : rate + "/s") + ", " + warmup + " s warm-up + " + seconds + " s");
        OpenLoopDriver driver = new OpenLoopDriver(rate, seconds, warmup, hlog);
        List<OpenLoopDriver.Result> results = new ArrayList<>();
        for (String p : paths.split(",")) {
            TickFrames frames = new TickFrames(markets);
            PlannedClock clock = new PlannedClock();
            try (TickPath path = switch (p.trim()) {
                case "fused", "per-stage", "single" -> new TickToIntent(StageMapping.parse(p.trim()), wait, journal, frames, clock, breakdown,
                    inboundSize, outboundSize, rehearsalNanos);
                case "conventional" -> new ConventionalPipeline(clock, frames);
                case "floor" -> new FloorPath(clock, wait);
                case "loopback-fused", "loopback-per-stage", "loopback-single",
                     "loopback-fused@okhttp", "loopback-per-stage@okhttp", "loopback-single@okhttp",
                     "loopback-fused+rest", "loopback-per-stage+rest", "loopback-single+rest" -> {
                    String spec = p.trim().substring("loopback-".length());
                    boolean rest = spec.endsWith("+rest");
                    String[] mt = (rest ? spec.substring(0, spec.length() - "+rest".length()) : spec).split("@");
                    yield new SimLoopbackPath(StageMapping.parse(mt[0]), wait, journal, markets, clock, simInJvm,
                        mt.length > 1 ? FeedTransport.OKHTTP : FeedTransport.DIRECT, rehearsalNanos, rest);
                }
                default -> throw new IllegalArgumentException("unknown path " + p);
            }) {
                OpenLoopDriver.Result r = driver.run(path, frames, clock);
                results.add(r);
                System.out.println(r.line());
                String detail = path.detail(); // once: it reads the interval since the measuring started
                if (detail != null) {
                    System.out.println(detail);
                }
            }
        }
    }
}

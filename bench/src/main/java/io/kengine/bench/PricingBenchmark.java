package io.kengine.bench;

import io.kengine.pricing.MidEdgePricingStage;
import io.kengine.pricing.PricingStage;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.stage.BasketNote;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * One book update through the pricing stage, as it runs after the book stage: the slot already holds
 * the book's notes, the stage picks the engine, the fair value, runs the quote pipeline (fee cushion,
 * confidence, skew, Kelly size, grid, post-only, edge check) and writes the quote note.
 * <ul>
 *   <li>{@code baselineMidEdge}: the original {@link MidEdgePricingStage} (M0 without the pipeline);</li>
 *   <li>{@code m0}, {@code m1} (microprice + imbalance + flow), {@code m1AvellanedaStoikov}, {@code m2}
 *       (regime classification; the cycle flips calm/active, so regime-change decisions are written),
 *       {@code m3Pair} (a ladder member with a pair partner: ladder bounds + pair-implied value);</li>
 *   <li>{@code m3Event20}: one book update of one outcome of a 20-outcome exclusive event whose asks sum
 *       below $1: the quote, then the basket scan over all 20 books and a 20-leg basket written on every
 *       update (cooldown 0: the worst case).</li>
 * </ul>
 * Targets: each engine ≤ 200 ns/op, M3 over 20 outcomes ≤ 2 µs/op, 0 B/op. Each row cycles through
 * {@link #CYCLE} pre-built slots (seeded random books around 50¢); a position from fills skews M0–M2.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// The same flags as the other benchmarks: Agrona (event slots) needs the jdk.internal.misc export.
@Fork(value = 1, jvmArgsAppend = {JvmFlags.EXPORT_NIO, JvmFlags.OPEN_REFLECT, JvmFlags.EXPORT_REF,
    JvmFlags.EXPORT_MISC, JvmFlags.OPEN_LANG, JvmFlags.EXPORT_JAVAC, JvmFlags.NATIVE_ACCESS,
    JvmFlags.NO_ANALYTICS, JvmFlags.QUIET_LOGS, JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX})
public class PricingBenchmark {
    static final int CYCLE = 64;
    static final int OUTCOMES = 20;
    static final int MARKET = 3;
    static final int EVENT_FIRST = 100;

    private final EventSlot[] single = new EventSlot[CYCLE];
    private final EventSlot[] event20 = new EventSlot[CYCLE];
    private int next;
    private long clock = PricingBenchEvents.START_NANOS;
    private long sequence;

    private MidEdgePricingStage baseline;
    private PricingStage m0;
    private PricingStage m1;
    private PricingStage m1as;
    private PricingStage m2;
    private PricingStage m3;
    private PricingStage m3Event;

    @Setup(Level.Trial)
    public void setUp() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < CYCLE; i++) {
            long bid = 4_600 + 100L * r.nextInt(4);
            long ask = bid + 100L * (1 + (i % 2 == 0 ? 0 : 5)); // alternate 1c and 6c spreads: M2 flips regime
            single[i] = PricingBenchEvents.book(MARKET, bid, 100L * (1 + r.nextInt(500)), ask, 100L * (1 + r.nextInt(500)),
                bid + (ask - bid) / 3, r.nextInt(20_001) - 10_000, r.nextInt(4_000), r.nextInt(400));
            int outcome = EVENT_FIRST + (i % OUTCOMES);
            event20[i] = PricingBenchEvents.book(outcome, 200 + 100L * r.nextInt(2), 5_000, 400, 5_000,
                400, 0, 0, 0); // asks 4c each: 20 outcomes sum to 80c
        }
        baseline = new MidEdgePricingStage();
        m0 = engine("*=m0");
        m1 = engine("*=m1");
        m1as = engine("*=m1");
        PricingBenchEvents.config(m1as, "pricing.m1.as.enabled", "true");
        m2 = engine("*=m2");
        PricingBenchEvents.config(m2, "pricing.m2.minDwellMs", "0");
        m3 = engine("*=m3");
        PricingBenchEvents.config(m3, "pricing.m3.ladderEvents", "KXBENCH-L");
        PricingBenchEvents.config(m3, "pricing.m3.pairs", "KXBENCH-L-T2~KXBENCH-P");
        PricingBenchEvents.define(m3, 1, "KXBENCH-L-T1", "KXBENCH-L", 0);
        PricingBenchEvents.define(m3, MARKET, "KXBENCH-L-T2", "KXBENCH-L", 0);
        PricingBenchEvents.define(m3, 5, "KXBENCH-L-T3", "KXBENCH-L", 0);
        PricingBenchEvents.define(m3, 6, "KXBENCH-P", "", 0);
        warm(m3, PricingBenchEvents.book(1, 5_500, 1_000, 5_700, 1_000, 5_600, 0, 0, 0));
        warm(m3, PricingBenchEvents.book(5, 3_500, 1_000, 3_700, 1_000, 3_600, 0, 0, 0));
        warm(m3, PricingBenchEvents.book(6, 4_700, 1_000, 4_900, 1_000, 4_800, 0, 0, 0));
        m3Event = engine("*=m3");
        PricingBenchEvents.config(m3Event, "pricing.m3.exclusiveEvents", "KXBENCH-E");
        PricingBenchEvents.config(m3Event, "pricing.m3.cooldownMs", "0");
        for (int i = 0; i < OUTCOMES; i++) {
            PricingBenchEvents.define(m3Event, EVENT_FIRST + i, "KXBENCH-E-O" + i, "KXBENCH-E", 0);
            warm(m3Event, event20[i]);
        }
        verify();
        next = 0;
    }

    private PricingStage engine(String rule) {
        PricingStage s = new PricingStage();
        PricingBenchEvents.config(s, "pricing.engines", rule);
        PricingBenchEvents.config(s, "pricing.fees.makerSeries", "*");
        PricingBenchEvents.define(s, MARKET, "KXBENCH-M" + rule.charAt(3), "", PricingBenchEvents.START_NANOS / 1_000_000 + 86_400_000L);
        return s;
    }

    private void warm(PricingStage s, EventSlot slot) {
        stamp(slot);
        s.onEvent(slot, true);
    }

    private EventSlot nextSingle() {
        EventSlot slot = single[next++ & (CYCLE - 1)];
        stamp(slot);
        return slot;
    }

    private void stamp(EventSlot slot) {
        clock += 1_000_000; // 1 ms between book updates
        EventHeader.timestampNanos(slot.event(), 0, clock);
        EventHeader.sequence(slot.event(), 0, ++sequence);
    }

    @Benchmark
    public void baselineMidEdge() {
        baseline.onEvent(nextSingle(), true);
    }

    @Benchmark
    public void m0() {
        m0.onEvent(nextSingle(), true);
    }

    @Benchmark
    public void m1() {
        m1.onEvent(nextSingle(), true);
    }

    @Benchmark
    public void m1AvellanedaStoikov() {
        m1as.onEvent(nextSingle(), true);
    }

    @Benchmark
    public void m2() {
        m2.onEvent(nextSingle(), true);
    }

    @Benchmark
    public void m3Pair() {
        m3.onEvent(nextSingle(), true);
    }

    @Benchmark
    public void m3Event20() {
        EventSlot slot = event20[next++ & (CYCLE - 1)];
        stamp(slot);
        m3Event.onEvent(slot, true);
    }

    /** Every row must take its intended path: quotes written (not pulls), baskets of 20 legs for the event. */
    private void verify() {
        QuoteNote q = new QuoteNote();
        BasketNote b = new BasketNote();
        PricingStage[] stages = {m0, m1, m1as, m2, m3};
        for (PricingStage s : stages) {
            for (int i = 0; i < CYCLE; i++) {
                EventSlot slot = nextSingle();
                s.onEvent(slot, true);
                q.wrap(slot, QuoteNote.PRICING);
                if (!q.isPresent() || q.isPull() || (q.bidQty() == 0 && q.askQty() == 0)) {
                    throw new IllegalStateException("row does not quote: pull=" + q.isPull() + " reason " + q.bidReason());
                }
            }
        }
        for (int i = 0; i < CYCLE; i++) {
            m3Event20();
            EventSlot slot = event20[(next - 1) & (CYCLE - 1)];
            if (!b.wrap(slot).isProposed() || b.legCount() != OUTCOMES) {
                throw new IllegalStateException("the 20-outcome event does not propose its basket");
            }
        }
    }
}

package io.kengine.bench;

import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.stage.BookFeaturesNote;
import io.kengine.protocol.stage.BookTrust;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.protocol.stage.Regime;
import io.kengine.protocol.stage.Stage;
import io.kengine.protocol.stage.TopOfBookNote;
import io.kengine.risk.PreTradeRiskStage;
import io.kengine.risk.RiskStage;
import io.kengine.risk.fees.KalshiFees;
import io.kengine.risk.positions.PositionBook;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The risk stage on its two hot paths, through {@link Stage#onEvent} exactly as the ring calls it.
 * <ul>
 *   <li>{@code riskQuote}: one pricing quote (both sides) through every check of {@link RiskStage}: market
 *   gate, R0 caps (contracts and dollars, market and global, regime-scaled), R3 group and event caps and the
 *   portfolio variance, balance, then the order-flow gate (open orders, orders per minute, token bucket) —
 *   64 markets in events of 4 sharing a correlation group, half of them holding positions; quotes alternate
 *   between two prices so every quote is an amend that spends tokens (event time moves 10 ms per quote, so
 *   the bucket refills and the accept path, not the refusal path, is measured).</li>
 *   <li>{@code riskFill}: one fill: trade-id dedup, Kalshi fee, average-cost position and realized P&L,
 *   mark, R3 incremental variance update, R0 reduce-only and R1 loss re-evaluation. Buys and sells
 *   alternate so the position stays bounded; each fill gets a fresh trade id written in place (since 2026-11-21
 *   as two 8-byte stores of the same 16 hex digits, not 16 checked byte stores: that alone took ≈ 10 ns of
 *   harness out of {@code riskFill} and {@code baselineFill} alike).</li>
 *   <li>{@code positionUpdate}: the literal "position update on a fill" alone, the same code the stage runs for
 *   it: the fill's fields, the Kalshi taker fee and {@link PositionBook#applyFill} (signed position, average-cost basis,
 *   realized P&L, fees, portfolio totals) on the same fill slots, without the stage around it (no dedup, marks, R0–R3).</li>
 *   <li>Baselines in the same run: the old {@link PreTradeRiskStage} (size and position caps only) on the
 *   same slots.</li>
 * </ul>
 * Targets: {@code riskQuote} ≤ 100 ns/op, "position update on a fill" ≤ 50 ns/op, both 0 B/op; {@code riskFill} is
 * the whole fill and is reported against the same 50 ns.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {JvmFlags.EXPORT_NIO, JvmFlags.OPEN_REFLECT, JvmFlags.EXPORT_REF,
    JvmFlags.EXPORT_MISC, JvmFlags.OPEN_LANG, JvmFlags.EXPORT_JAVAC, JvmFlags.NATIVE_ACCESS,
    JvmFlags.NO_ANALYTICS, JvmFlags.QUIET_LOGS, JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX})
public class RiskBenchmark {
    static final int MARKETS = 64;
    static final int QUOTES = 128;
    static final int FILLS = 64;
    static final long START_NANOS = 1_795_244_400_000_000_000L;
    static final long QUOTE_GAP_NANOS = 10_000_000L;
    static final long FILL_GAP_NANOS = 1_000_000L;
    static final int TRADE_ID_DIGITS = 16;

    private final EventSlot[] quotes = new EventSlot[QUOTES];
    private final EventSlot[] fills = new EventSlot[FILLS];
    private RiskStage risk;
    private PreTradeRiskStage baseline;
    private RiskStage fillRisk;
    private PreTradeRiskStage fillBaseline;
    private final PositionBook book = new PositionBook(RiskStage.MAX_MARKETS);
    private final FillEvent fillView = new FillEvent();
    private long clock = START_NANOS;
    private long tradeIds;
    private int nextQuote;
    private int nextFill;

    @Setup(Level.Trial)
    public void setUp() {
        risk = new RiskStage();
        fillRisk = new RiskStage();
        baseline = new PreTradeRiskStage();
        fillBaseline = new PreTradeRiskStage();
        for (RiskStage r : new RiskStage[] {risk, fillRisk}) {
            configure(r);
        }
        for (int i = 0; i < QUOTES; i++) {
            quotes[i] = quoteSlot(i % MARKETS, i / MARKETS);
        }
        for (int i = 0; i < FILLS; i++) {
            boolean buy = (i / 8) % 2 == 0; // each market buys, then sells higher: bounded, profitable, no R1 trips
            fills[i] = fillSlot(i % 8, buy ? Codes.BID : Codes.ASK, buy ? 4800 : 5000);
        }
        checkTradeIdWriter();
        for (int m = 0; m < MARKETS; m += 2) { // the positions configure() gives the stages (maker fills)
            book.applyFill(m, 5000, m % 4 == 0 ? 2000 : -2000, KalshiFees.fee(5000, 2000, KalshiFees.MAKER_RATE, 1));
        }
        // warm state: positions in half the markets
        for (int i = 0; i < 2 * QUOTES; i++) {
            riskQuote();
            fillRisk.onEvent(next(quotes[i % QUOTES]), true);
        }
    }

    private void configure(RiskStage r) {
        EventSlot s = new EventSlot();
        config(r, s, "risk.tokens.tier", "prestige");
        config(r, s, "risk.maxOrdersPerMinute", "100000");
        config(r, s, "risk.maxOpenOrders", "1000");
        config(r, s, "risk.r3.groups", "g=KXG*");
        config(r, s, "risk.r3.groupCaps", "g=100000.00");
        config(r, s, "risk.r3.groupCorrelation", "g=0.30");
        config(r, s, "risk.balance", "100000.0000");
        config(r, s, "risk.r0.globalMaxDollarsAtRisk", "100000.0000");
        config(r, s, "risk.r0.globalMaxPosition", "100000.00");
        config(r, s, "risk.r3.eventCap", "100000.0000");
        config(r, s, "risk.r3.maxStdDev", "100000.0000");
        for (int m = 0; m < MARKETS; m++) {
            s.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0);
            new MarketDefinitionEvent().wrapForEncode(s.event(), 0, m, EventSource.FEED).ticker("KXG-" + m)
                .eventTicker("KXG-E" + (m / 4)).seriesTicker("KXG").status(Codes.STATUS_OPEN)
                .closeTimeMs(START_NANOS / 1_000_000 + 30L * 86_400_000).addPriceRange(0, 10_000, 100);
            r.onEvent(next(s), true);
        }
        for (int m = 0; m < MARKETS; m += 2) {
            s.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0);
            new FillEvent().wrapForEncode(s.event(), 0, m, EventSource.FEED).side(m % 4 == 0 ? Codes.BID : Codes.ASK)
                .price(5000).count(2000).tradeId("warm-" + m);
            r.onEvent(next(s), true);
        }
    }

    private void config(RiskStage r, EventSlot s, String key, String value) {
        s.notes().setMemory(0, EventSlot.NOTES_LENGTH, (byte) 0);
        new ConfigChangeEvent().wrapForEncode(s.event(), 0, EventSource.ENGINE).key(key).value(value);
        r.onEvent(next(s), true);
    }

    private static EventSlot quoteSlot(int m, int variant) {
        EventSlot s = new EventSlot();
        new BookDeltaEvent().wrapForEncode(s.event(), 0, m, EventSource.FEED).side(Codes.BOOK_YES).price(4800).delta(100);
        new TopOfBookNote().wrap(s).set(m, TopOfBookNote.FLAG_VALID | TopOfBookNote.FLAG_TRUSTED, 4800, 1000, 5200, 1000, 100);
        new BookFeaturesNote().wrap(s).set(m, BookTrust.TRUSTED, START_NANOS, 5000, 5000, 0, 0, 0, 0, 60_000);
        QuoteNote q = new QuoteNote().wrap(s, QuoteNote.PRICING);
        long shift = variant * 100L;
        q.set(m, QuoteNote.FLAG_PRESENT, 4800 - shift, 1000, QuoteReason.QUOTED, 5200 + shift, 1000, QuoteReason.QUOTED, 5000);
        q.meta(Regime.CALM, 0);
        return s;
    }

    private static EventSlot fillSlot(int m, byte side, long price) {
        EventSlot s = new EventSlot();
        new FillEvent().wrapForEncode(s.event(), 0, m, EventSource.FEED).side(side).price(price).count(100).isTaker(true)
            .tradeId("0000000000000000");
        return s;
    }

    private EventSlot next(EventSlot s) {
        clock += QUOTE_GAP_NANOS;
        EventHeader.timestampNanos(s.event(), 0, clock);
        return s;
    }

    /**
     * Writes a fresh 16-hex-digit trade id over the fill's id, in place: the counter's hex digits, most significant
     * first, as two 8-byte stores (the same bytes as {@link #freshTradeIdBytewise}, checked in setup).
     */
    private void freshTradeId(EventSlot s) {
        long id = ++tradeIds;
        int at = 80 + 1; // FillEvent trade id field: length byte at 80, then the characters
        s.event().putLong(at, hex8((int) (id >>> 32)), java.nio.ByteOrder.LITTLE_ENDIAN);
        s.event().putLong(at + 8, hex8((int) id), java.nio.ByteOrder.LITTLE_ENDIAN);
    }

    /** Eight lower-case hex digits of x, most significant in the lowest byte. */
    static long hex8(int x) {
        long v = x & 0xFFFF_FFFFL;
        v = (v | v << 16) & 0x0000_FFFF_0000_FFFFL;
        v = (v | v << 8) & 0x00FF_00FF_00FF_00FFL;
        v = (v | v << 4) & 0x0F0F_0F0F_0F0F_0F0FL; // byte k = nibble k (least significant first)
        v = Long.reverseBytes(v);
        long letters = ((v + 0x0606_0606_0606_0606L) >>> 4) & 0x0101_0101_0101_0101L; // 1 where the digit is ≥ 10
        return v + 0x3030_3030_3030_3030L + letters * ('a' - '0' - 10);
    }

    /** The original writer: one byte at a time. */
    private static void freshTradeIdBytewise(EventSlot s, long id) {
        int at = 80 + 1;
        for (int i = TRADE_ID_DIGITS - 1; i >= 0; i--) {
            int d = (int) (id & 0xF);
            s.event().putByte(at + i, (byte) (d < 10 ? '0' + d : 'a' + d - 10));
            id >>>= 4;
        }
    }

    private void checkTradeIdWriter() {
        EventSlot a = fillSlot(0, Codes.BID, 5000);
        EventSlot b = fillSlot(0, Codes.BID, 5000);
        long saved = tradeIds;
        long[] samples = {0, 1, 9, 10, 15, 16, 0xABCDEFL, 0x1234_5678_9ABC_DEF0L, -1L, 0x7FFF_FFFF_FFFF_FFFFL, 0xA0B0C0D0E0F00000L};
        for (long id : samples) {
            tradeIds = id - 1;
            freshTradeId(a);
            freshTradeIdBytewise(b, id);
            for (int i = 0; i < 120; i++) {
                if (a.event().getByte(i) != b.event().getByte(i)) {
                    throw new IllegalStateException("trade id writer differs at byte " + i + " for id " + Long.toHexString(id));
                }
            }
        }
        tradeIds = saved;
    }

    @Benchmark
    public int riskQuote() {
        EventSlot s = quotes[nextQuote];
        nextQuote = (nextQuote + 1) & (QUOTES - 1);
        clock += QUOTE_GAP_NANOS;
        EventHeader.timestampNanos(s.event(), 0, clock);
        risk.onEvent(s, true);
        return s.notes().getInt(QuoteNote.RISK + 4);
    }

    @Benchmark
    public int baselineQuote() {
        EventSlot s = quotes[nextQuote];
        nextQuote = (nextQuote + 1) & (QUOTES - 1);
        clock += QUOTE_GAP_NANOS;
        EventHeader.timestampNanos(s.event(), 0, clock);
        baseline.onEvent(s, true);
        return s.notes().getInt(QuoteNote.RISK + 4);
    }

    @Benchmark
    public long riskFill() {
        EventSlot s = fills[nextFill];
        nextFill = (nextFill + 1) & (FILLS - 1);
        freshTradeId(s);
        clock += FILL_GAP_NANOS;
        EventHeader.timestampNanos(s.event(), 0, clock);
        fillRisk.onEvent(s, true);
        return fillRisk.position(0);
    }

    /** The position/cost/realized-P&L/fee update of one fill alone (see the class comment). */
    @Benchmark
    public long positionUpdate() {
        EventSlot s = fills[nextFill];
        nextFill = (nextFill + 1) & (FILLS - 1);
        FillEvent f = fillView;
        f.wrap(s.event(), 0);
        int m = f.marketId();
        long qty = f.count();
        long price = f.price();
        boolean bid = f.side() == Codes.BID;
        long fee = KalshiFees.fee(price, qty, f.isTaker() ? KalshiFees.TAKER_RATE : KalshiFees.MAKER_RATE,
            KalshiFees.ROUND_TO_MONEY_UNIT);
        return book.applyFill(m, price, bid ? qty : -qty, fee);
    }

    @Benchmark
    public long baselineFill() {
        EventSlot s = fills[nextFill];
        nextFill = (nextFill + 1) & (FILLS - 1);
        freshTradeId(s);
        clock += FILL_GAP_NANOS;
        EventHeader.timestampNanos(s.event(), 0, clock);
        fillBaseline.onEvent(s, true);
        return fillBaseline.position(0);
    }
}

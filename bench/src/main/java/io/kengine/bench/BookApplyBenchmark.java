package io.kengine.bench;

import io.kengine.book.BookSettings;
import io.kengine.book.BookStage;
import io.kengine.book.OrderBook;
import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.stage.BookTrust;
import io.kengine.protocol.stage.EventSlot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One {@code BookDeltaEvent} through {@link BookStage#onEvent}: the delta applied to a cent-grid book
 * 30 levels deep on each side, the trust check, the features (EWMA decay, mid step, top-N sums) and
 * both notes written into the slot. The deltas come from {@link #CYCLE} pre-built slots: a seeded
 * random half (adds and partial cancels near the top, whole best levels pulled, new levels inside the
 * spread) followed by its exact undo in reverse order, so the book is back where it started after
 * every cycle and the run can go on forever without drifting, crossing or going negative. Event time
 * moves {@code gapNanos} per delta: 1 µs (a burst) and 250 µs (a quiet market), because the EWMA
 * decay takes a shorter path for gaps under 65 µs. Baseline {@code treeMapBook}: the same slots applied to {@link TreeMapBook}.
 * Target for {@code bookStage}: ≤ 50 ns/op, 0 B/op.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
// The same flags as the other benchmarks: Agrona (event slots) needs the jdk.internal.misc export.
@Fork(value = 1, jvmArgsAppend = {JvmFlags.EXPORT_NIO, JvmFlags.OPEN_REFLECT, JvmFlags.EXPORT_REF,
    JvmFlags.EXPORT_MISC, JvmFlags.OPEN_LANG, JvmFlags.EXPORT_JAVAC, JvmFlags.NATIVE_ACCESS,
    JvmFlags.NO_ANALYTICS, JvmFlags.QUIET_LOGS, JvmFlags.HEAP_MIN, JvmFlags.HEAP_MAX})
public class BookApplyBenchmark {
    static final int MARKET = 7;
    static final int DEPTH = 30;
    /** Deltas per cycle, a power of two: half random, half their undo. */
    static final int CYCLE = 128;
    static final long START_NANOS = 1_795_244_180_000_000_000L;

    /** Event-time step per delta. */
    @Param({"1000", "250000"})
    public long gapNanos;

    private final EventSlot[] slots = new EventSlot[CYCLE];
    private int next;
    private long clock = START_NANOS;

    private BookStage stage;
    private TreeMapBook treeMap;

    @Setup(Level.Trial)
    public void setUp() {
        long[][] snapshot = snapshotLevels();
        buildCycle(snapshot);
        stage = new BookStage(BookStage.DEFAULT_MAX_MARKETS, BookSettings.DEFAULT);
        EventSlot s = new EventSlot();
        new MarketDefinitionEvent().wrapForEncode(s.event(), 0, MARKET, EventSource.FEED)
            .status(Codes.STATUS_OPEN).ticker("KXFED-26DEC-T3.00").closeTimeMs(START_NANOS / 1_000_000 + 30L * 86_400_000)
            .addPriceRange(0, 10_000, 100);
        stamp(s);
        stage.onEvent(s, true);
        BookSnapshotEvent snap = new BookSnapshotEvent().wrapForEncode(s.event(), 0, MARKET, EventSource.FEED)
            .flags((byte) (BookSnapshotEvent.FLAG_FIRST | BookSnapshotEvent.FLAG_LAST));
        treeMap = new TreeMapBook();
        for (int i = 0; i < DEPTH; i++) {
            snap.addYesLevel(snapshot[0][i], snapshot[1][i]);
            treeMap.level(Codes.BOOK_YES, snapshot[0][i], snapshot[1][i]);
        }
        for (int i = 0; i < DEPTH; i++) {
            snap.addNoLevel(snapshot[2][i], snapshot[3][i]);
            treeMap.level(Codes.BOOK_NO, snapshot[2][i], snapshot[3][i]);
        }
        stamp(s);
        stage.onEvent(s, true);
        verify();
        next = 0;
    }

    @Benchmark
    public void bookStage() {
        EventSlot slot = slots[next++ & (CYCLE - 1)];
        stamp(slot);
        stage.onEvent(slot, true);
    }

    @Benchmark
    public long treeMapBook() {
        EventSlot slot = slots[next++ & (CYCLE - 1)];
        stamp(slot); // same per-event cost as the stage row
        return treeMap.onDelta(slot);
    }

    /** A refused or crossed delta would measure the refusal path instead: fail the trial then. */
    @TearDown(Level.Trial)
    public void checkStillValid() {
        if (stage.book(MARKET).trustState() != BookTrust.TRUSTED || stage.rejectedTotal() != 0 || treeMap.rejected != 0) {
            throw new IllegalStateException("the book left the trusted path: " + stage.book(MARKET).trustState()
                + ", refused " + stage.rejectedTotal() + " / " + treeMap.rejected);
        }
    }

    private void stamp(EventSlot slot) {
        clock += gapNanos;
        EventHeader.timestampNanos(slot.event(), 0, clock);
    }

    /** Three cycles through both books: trusted, nothing refused, both back at the start, same top. */
    private void verify() {
        OrderBook book = stage.book(MARKET);
        long bid = book.bestBid(), ask = book.bestAsk(), bids = book.totalBidQty(), asks = book.totalAskQty();
        for (int i = 0; i < 3 * CYCLE; i++) {
            bookStage();
            next--;
            long mid = treeMapBook();
            if (book.mid() != mid || book.bestBid() != treeMap.bestBid || book.bestAskQty() != treeMap.bestAskQty) {
                throw new IllegalStateException("books disagree after delta " + i);
            }
        }
        if (book.trustState() != BookTrust.TRUSTED || stage.rejectedTotal() != 0 || treeMap.rejected != 0
            || stage.appliedDeltas() != 3 * CYCLE || book.bestBid() != bid || book.bestAsk() != ask
            || book.totalBidQty() != bids || book.totalAskQty() != asks) {
            throw new IllegalStateException("the delta cycle is not stationary: " + book.trustState()
                + " rejected " + stage.rejectedTotal() + "/" + treeMap.rejected);
        }
    }

    /** YES bids 44¢ down to 15¢, NO bids 54¢ down to 25¢ (asks 46¢ … 75¢), 5 to 2 000 contracts a level. */
    static long[][] snapshotLevels() {
        Random r = new Random(42);
        long[][] l = new long[4][DEPTH];
        for (int i = 0; i < DEPTH; i++) {
            l[0][i] = 4_400 - 100L * i;
            l[1][i] = 100L * (5 + r.nextInt(1_996));
            l[2][i] = 5_400 - 100L * i;
            l[3][i] = 100L * (5 + r.nextInt(1_996));
        }
        return l;
    }

    /**
     * Simulates the book in cents (yes[c], no[c] = quantity of the YES / NO bid at c¢) to pick only
     * deltas that are valid where they land, then appends the undo of the random half.
     */
    private void buildCycle(long[][] snapshot) {
        long[] yes = new long[101];
        long[] no = new long[101];
        for (int i = 0; i < DEPTH; i++) {
            yes[(int) (snapshot[0][i] / 100)] = snapshot[1][i];
            no[(int) (snapshot[2][i] / 100)] = snapshot[3][i];
        }
        Random r = new Random(7);
        byte[] sides = new byte[CYCLE / 2];
        long[] prices = new long[CYCLE / 2];
        long[] changes = new long[CYCLE / 2];
        for (int i = 0; i < CYCLE / 2; i++) {
            boolean yesSide = r.nextBoolean();
            long[] mine = yesSide ? yes : no;
            long[] other = yesSide ? no : yes;
            int best = best(mine);
            int roll = r.nextInt(100);
            int cents;
            long change;
            if (roll < 10 && best + best(other) + 1 < 100) {
                cents = best + 1; // a new best level inside the spread
                change = 100L * (1 + r.nextInt(50));
            } else if (roll < 20 && mine[best] > 0 && countLevels(mine) > 5) {
                cents = best; // the whole best level pulled: the stage scans for the next one
                change = -mine[best];
            } else {
                cents = nonEmptyNearTop(mine, r);
                change = roll < 60 ? 100L * (1 + r.nextInt(200)) : -Math.min(mine[cents] - 100, 100L * (1 + r.nextInt(200)));
                if (change == 0) {
                    change = 100;
                }
            }
            mine[cents] += change;
            sides[i] = yesSide ? Codes.BOOK_YES : Codes.BOOK_NO;
            prices[i] = 100L * cents;
            changes[i] = change;
        }
        for (int i = 0; i < CYCLE / 2; i++) {
            slots[i] = delta(sides[i], prices[i], changes[i], i);
            int u = CYCLE / 2 - 1 - i;
            slots[CYCLE / 2 + i] = delta(sides[u], prices[u], -changes[u], CYCLE / 2 + i);
        }
    }

    private static int best(long[] side) {
        for (int c = 100; c >= 0; c--) {
            if (side[c] > 0) {
                return c;
            }
        }
        return 0;
    }

    private static int countLevels(long[] side) {
        int n = 0;
        for (long q : side) {
            n += q > 0 ? 1 : 0;
        }
        return n;
    }

    /** One of the best 10 non-empty levels, the nearer the top the likelier. */
    private static int nonEmptyNearTop(long[] side, Random r) {
        int skip = Math.min(r.nextInt(10), r.nextInt(10));
        int last = -1;
        for (int c = 100; c >= 0; c--) {
            if (side[c] > 0) {
                last = c;
                if (skip-- == 0) {
                    return c;
                }
            }
        }
        return last;
    }

    private static EventSlot delta(byte side, long price, long change, int seq) {
        EventSlot s = new EventSlot();
        new BookDeltaEvent().wrapForEncode(s.event(), 0, MARKET, EventSource.FEED)
            .subscriptionId(2).exchangeSeq(1_000 + seq).side(side).price(price).delta(change)
            .exchangeTimeMs(START_NANOS / 1_000_000);
        EventHeader.sequence(s.event(), 0, 10_000 + seq);
        return s;
    }

    /** Test hooks. */
    BookStage stage() {
        return stage;
    }

    TreeMapBook treeMap() {
        return treeMap;
    }
}

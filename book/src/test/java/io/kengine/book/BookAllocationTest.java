package io.kengine.book;

import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.stage.BookTrust;
import io.kengine.protocol.stage.EventSlot;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import static io.kengine.book.Events.levels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Steady state allocates nothing: after warm-up, 100k deltas (with the snapshots, trades, tickers,
 * timers, refused updates, our own orders' tagged deltas and fills and depth reads mixed in) allocate ≈0 bytes on the stage's thread. Event
 * time moves on (1 µs per event, 2 ms per timer, max age 1 ms), so every feature update, the EWMAs'
 * decay, the timer sweep, stale transitions and their announcements run inside the measurement.
 */
class BookAllocationTest {
    private static final int MARKET = 11;
    /** Trusted and quiet between timers: turns stale on each tick, fresh again on its next delta. */
    private static final int QUIET = 13;
    private static final int DELTAS = 100_000;
    /** Slack for the measurement itself; one boxed value or array would already exceed it. */
    private static final long SLACK_BYTES = 256;

    private final BookStage stage = new BookStage(BookStage.DEFAULT_MAX_MARKETS,
        BookSettings.DEFAULT.withMaxAgeNanos(1_000_000));
    private long clock = 1_700_000_000_000_000_000L;
    private final List<EventSlot> cycle = new ArrayList<>();
    private final List<Boolean> isDelta = new ArrayList<>();
    private final long[] prices = new long[64];
    private final long[] quantities = new long[64];
    private final SumVisitor visitor = new SumVisitor();

    private static final class SumVisitor implements LevelVisitor {
        long sum;

        @Override
        public void level(long price, long quantity) {
            sum += price ^ quantity;
        }
    }

    private EventSlot add(EventSlot slot, boolean delta) {
        cycle.add(slot);
        isDelta.add(delta);
        return slot;
    }

    private Events fresh() {
        return new Events(new EventSlot());
    }

    /** One cycle leaves the book as it found it, so it can repeat forever. */
    private void buildCycle() {
        add(fresh().snapshot(MARKET, BookSnapshotEvent.FLAG_FIRST, levels(4500, 1000, 4400, 500, 900, 7), levels()), false);
        add(fresh().snapshot(MARKET, BookSnapshotEvent.FLAG_LAST, levels(), levels(5200, 700, 5000, 300, 950, 3)), false);
        add(fresh().fullSnapshot(QUIET, levels(4000, 100), levels(5000, 100)), false);
        long[] yesPrices = {4500, 4400, 4300, 4000, 990, 1000, 100};
        long[] noPrices = {5200, 5000, 5100, 5500, 980, 9000};
        for (int round = 0; round < 20; round++) {
            for (long p : yesPrices) {
                add(fresh().delta(MARKET, Codes.BOOK_YES, p, 250), true);
            }
            for (long p : noPrices) {
                add(fresh().delta(MARKET, Codes.BOOK_NO, p, 125), true);
            }
            // empty the best levels (forces a scan), then put them back
            add(fresh().delta(MARKET, Codes.BOOK_YES, 4500, -1250), true);
            add(fresh().delta(MARKET, Codes.BOOK_NO, 5200, -825), true);
            add(fresh().trade(MARKET, 4500, 100), false);
            add(fresh().delta(MARKET, Codes.BOOK_YES, 4500, 1250), true);
            add(fresh().delta(MARKET, Codes.BOOK_NO, 5200, 825), true);
            for (long p : yesPrices) {
                add(fresh().delta(MARKET, Codes.BOOK_YES, p, -250), true);
            }
            for (long p : noPrices) {
                add(fresh().delta(MARKET, Codes.BOOK_NO, p, -125), true);
            }
            // our own quotes: placed, one amended, a maker fill of it (a duplicate after the first cycle), pulled
            add(fresh().ownDelta(MARKET, Codes.BOOK_YES, 4600, 100), true);
            add(fresh().ownDelta(MARKET, Codes.BOOK_NO, 5300, 100), true);
            add(fresh().ownDelta(MARKET, Codes.BOOK_YES, 4600, -100), true);
            add(fresh().ownDelta(MARKET, Codes.BOOK_YES, 4500, 100), true);
            add(fresh().fill(MARKET, "fill-" + round, Codes.BID, 4500, 30, false), false);
            add(fresh().ownDelta(MARKET, Codes.BOOK_YES, 4500, -100), true);
            add(fresh().ownDelta(MARKET, Codes.BOOK_NO, 5300, -100), true);
            add(fresh().ticker(MARKET), false);
            add(fresh().timer(), false);
            add(fresh().delta(QUIET, Codes.BOOK_YES, 4100, round % 2 == 0 ? 1 : -1), true); // moves the mid
        }
        add(fresh().delta(MARKET, Codes.BOOK_YES, 4550, 1), true);     // off grid: refused
        add(fresh().delta(MARKET, Codes.BOOK_YES, 4400, -10_000), true); // negative: refused
        add(fresh().delta(MARKET + 1, Codes.BOOK_YES, 4400, 1), true);   // unknown market
    }

    private long runDeltas(int deltas) {
        long seen = 0;
        int n = 0;
        while (n < deltas) {
            for (int i = 0; i < cycle.size(); i++) {
                EventSlot slot = cycle.get(i);
                clock += slot.type() == EventType.TIMER ? 2_000_000 : 1_000;
                EventHeader.timestampNanos(slot.event(), 0, clock);
                stage.onEvent(slot, (i & 7) == 0);
                if (isDelta.get(i)) {
                    n++;
                }
                OrderBook book = stage.book(MARKET);
                seen += book.copyBids(prices, quantities) + book.forEachAsk(visitor, 10) + book.tick();
                seen += book.spread() + book.mid() + book.microprice() + book.imbalanceTopBps() + book.imbalanceDepthBps()
                    + book.midVolatility() + book.tradeIntensity() + book.timeToCloseMs() + book.trustState().code();
            }
        }
        return seen;
    }

    @Test
    void deltasAllocateNothingAfterWarmUp() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(mx.isThreadAllocatedMemorySupported(), "no per-thread allocation counter");
        mx.setThreadAllocatedMemoryEnabled(true);

        stage.onEvent(fresh().definition(MARKET, Codes.STATUS_OPEN, Events.TAPERED), true);
        stage.onEvent(fresh().definitionClosing(QUIET, Codes.STATUS_OPEN, 1_800_000_000_000L, Events.CENT), true);
        buildCycle();
        runDeltas(3 * DELTAS); // warm-up: let the JIT compile the paths

        long[] allocated = new long[3];
        for (int round = 0; round < allocated.length; round++) {
            long before = mx.getCurrentThreadAllocatedBytes();
            runDeltas(DELTAS);
            allocated[round] = mx.getCurrentThreadAllocatedBytes() - before;
        }
        long min = Math.min(allocated[0], Math.min(allocated[1], allocated[2]));
        assertTrue(min <= SLACK_BYTES, "bytes allocated per " + DELTAS + " deltas: " + java.util.Arrays.toString(allocated));
        // and the work was real: each cycle ends on the book it started from
        OrderBook book = stage.book(MARKET);
        assertEquals(4500, book.bestBid());
        assertEquals(4800, book.bestAsk());
        assertTrue(stage.appliedDeltas() > 6 * DELTAS / 2);
        assertTrue(stage.rejectedTotal() > 0);
        assertTrue(book.isNettingOwnOrders() && stage.ownDeltas() > DELTAS / 10, "own deltas " + stage.ownDeltas());
        assertTrue(stage.trustEntered(BookTrust.STALE) > 1_000, "stale transitions " + stage.trustEntered(BookTrust.STALE));
        assertTrue(book.tradeIntensity() > 0 && stage.book(QUIET).midVolatility() > 0);
    }
}

package io.kengine.book;

import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.TopOfBookNote;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.kengine.book.Events.levels;
import static io.kengine.protocol.event.Codes.BOOK_NO;
import static io.kengine.protocol.event.Codes.BOOK_YES;
import static io.kengine.protocol.stage.TopOfBookNote.FLAG_CHANGED;
import static io.kengine.protocol.stage.TopOfBookNote.FLAG_TRUSTED;
import static io.kengine.protocol.stage.TopOfBookNote.FLAG_VALID;
import static io.kengine.protocol.stage.TopOfBookNote.NO_PRICE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BookStageTest {
    private static final int M = 3;
    private static final byte FIRST = BookSnapshotEvent.FLAG_FIRST;
    private static final byte LAST = BookSnapshotEvent.FLAG_LAST;
    private static final byte MIDDLE = 0;

    private final BookStage stage = new BookStage(16);
    private final Events events = new Events();
    private final TopOfBookNote note = new TopOfBookNote().wrap(events.slot());

    private void send(EventSlot slot) {
        stage.onEvent(slot, true);
    }

    private OrderBook book() {
        return stage.book(M);
    }

    /** Cent market: YES bids 45¢ x10, 44¢ x5; NO bids 52¢ x7 (ask 48¢), 50¢ x3 (ask 50¢). */
    @BeforeEach
    void defineAndSnapshot() {
        send(events.definition(M, Codes.STATUS_OPEN, Events.CENT));
        send(events.fullSnapshot(M, levels(4500, 1000, 4400, 500), levels(5200, 700, 5000, 300)));
    }

    private void assertTop(long bid, long bidQty, long ask, long askQty) {
        assertEquals(bid, book().bestBid(), "best bid");
        assertEquals(bidQty, book().bestBidQty(), "best bid qty");
        assertEquals(ask, book().bestAsk(), "best ask");
        assertEquals(askQty, book().bestAskQty(), "best ask qty");
        assertEquals(M, note.marketId());
        assertEquals(bid, note.bestBid(), "note bid");
        assertEquals(bidQty, note.bestBidQty(), "note bid qty");
        assertEquals(ask, note.bestAsk(), "note ask");
        assertEquals(askQty, note.bestAskQty(), "note ask qty");
    }

    private void assertRefused(int reason, long countBefore) {
        assertFalse(book().isTrusted());
        assertEquals(reason, book().untrustedReason());
        assertEquals(countBefore + 1, stage.rejected(reason), "counter of " + BookReason.name(reason));
        assertTrue(note.isValid());
        assertFalse(note.isTrusted());
    }

    // ------------------------------------------------------------------ definitions and snapshots

    @Test
    void definitionCreatesAnEmptyUntrustedBookAndClearsTheNote() {
        note.set(1, FLAG_VALID, 1, 1, 1, 1, 1); // stale note from an earlier use of the slot
        send(events.definition(5, Codes.STATUS_OPEN, Events.CENT));
        assertEquals(-1, note.marketId());
        assertEquals(0, note.flags());
        OrderBook b = stage.book(5);
        assertNotNull(b);
        assertTrue(b.isEmpty());
        assertFalse(b.isTrusted());
        assertFalse(b.hasSnapshot());
        assertEquals(BookReason.NO_SNAPSHOT, b.untrustedReason());
        assertEquals(Codes.STATUS_OPEN, b.status());
        assertEquals(NO_PRICE, b.bestBid());
        assertEquals(NO_PRICE, b.bestAsk());
        assertNull(stage.book(6));
    }

    @Test
    void snapshotMirrorsNoBidsIntoAsks() {
        assertTrue(book().isTrusted());
        assertEquals(BookReason.NONE, book().untrustedReason());
        assertTop(4500, 1000, 4800, 700);
        assertEquals(FLAG_VALID | FLAG_TRUSTED | FLAG_CHANGED, note.flags());
        assertEquals(100, note.tick());
        assertEquals(2, book().bidLevels());
        assertEquals(2, book().askLevels());
        assertEquals(1500, book().totalBidQty());
        assertEquals(1000, book().totalAskQty());
        assertEquals(700, book().askQtyAt(4800));
        assertEquals(300, book().askQtyAt(5000));
        assertEquals(500, book().bidQtyAt(4400));
        assertEquals(0, book().bidQtyAt(4300));
        assertEquals(1, stage.snapshots());
        assertEquals(1, stage.snapshotChunks());
    }

    @Test
    void chunkedSnapshotIsUntrustedUntilLastAndFirstClearsTheOldBook() {
        send(events.snapshot(M, FIRST, levels(3000, 100), levels()));
        assertFalse(book().isTrusted());
        assertEquals(BookReason.SNAPSHOT_IN_PROGRESS, book().untrustedReason());
        assertTop(3000, 100, NO_PRICE, 0);
        assertEquals(FLAG_VALID | FLAG_CHANGED, note.flags());
        assertEquals(1, book().bidLevels());

        send(events.snapshot(M, MIDDLE, levels(2900, 200), levels(6000, 50)));
        assertFalse(note.isTrusted());
        assertTop(3000, 100, 4000, 50);

        send(events.snapshot(M, LAST, levels(), levels(5900, 60)));
        assertTrue(book().isTrusted());
        assertTrue(book().hasSnapshot());
        assertEquals(FLAG_VALID | FLAG_TRUSTED | FLAG_CHANGED, note.flags());
        assertTop(3000, 100, 4000, 50);
        assertEquals(2, book().askLevels());
        assertEquals(2, stage.snapshots());
        assertEquals(4, stage.snapshotChunks());
    }

    @Test
    void snapshotLevelsAreAbsoluteAndZeroQuantityMeansNoLevel() {
        send(events.fullSnapshot(M, levels(4000, 10, 4000, 30, 3900, 0), levels()));
        assertTrue(book().isTrusted());
        assertTop(4000, 30, NO_PRICE, 0);
        assertEquals(1, book().bidLevels());
    }

    @Test
    void chunkWithoutFirstIsRefused() {
        long before = stage.rejected(BookReason.CHUNK_OUT_OF_ORDER);
        send(events.snapshot(M, LAST, levels(1000, 1), levels()));
        assertRefused(BookReason.CHUNK_OUT_OF_ORDER, before);
        assertTop(4500, 1000, 4800, 700); // levels untouched
        assertFalse(book().hasSnapshot());
        // deltas now rest on a snapshot we never saw
        long noSnap = stage.rejected(BookReason.NO_SNAPSHOT);
        send(events.delta(M, BOOK_YES, 4500, 1));
        assertRefused(BookReason.NO_SNAPSHOT, noSnap);
    }

    @Test
    void snapshotWithABadLevelIsRefusedWholeAndAbandoned() {
        long before = stage.rejected(BookReason.OFF_GRID);
        send(events.snapshot(M, FIRST, levels(3000, 100, 3050, 5), levels()));
        assertRefused(BookReason.OFF_GRID, before);
        assertTop(4500, 1000, 4800, 700); // not even the FIRST clear happened
        assertEquals(0, stage.snapshotChunks() - 1);
        long ooo = stage.rejected(BookReason.CHUNK_OUT_OF_ORDER);
        send(events.snapshot(M, LAST, levels(), levels(5000, 1)));
        assertRefused(BookReason.CHUNK_OUT_OF_ORDER, ooo);
        // a fresh complete snapshot restores trust
        send(events.fullSnapshot(M, levels(2000, 1), levels(7000, 2)));
        assertTrue(book().isTrusted());
        assertTop(2000, 1, 3000, 2);
    }

    @Test
    void snapshotWithNegativeQuantityIsRefused() {
        long before = stage.rejected(BookReason.NEGATIVE_LEVEL);
        send(events.fullSnapshot(M, levels(3000, -1), levels()));
        assertRefused(BookReason.NEGATIVE_LEVEL, before);
        assertTop(4500, 1000, 4800, 700);
    }

    @Test
    void snapshotWithNoPriceOutsideTheDollarIsRefused() {
        long before = stage.rejected(BookReason.PRICE_OUT_OF_RANGE);
        send(events.fullSnapshot(M, levels(), levels(10_100, 1)));
        assertRefused(BookReason.PRICE_OUT_OF_RANGE, before);
    }

    @Test
    void malformedSnapshotCountsAreRefused() {
        EventSlot slot = events.fullSnapshot(M, levels(4000, 1), levels());
        // NO count: header 32 + subscription id 8 + exchange seq 8 + flags 2 + YES count 2
        slot.event().putShort(52, (short) -3, java.nio.ByteOrder.LITTLE_ENDIAN);
        BookSnapshotEvent view = new BookSnapshotEvent();
        view.wrap(slot.event(), 0);
        assertEquals(1, view.yesCount(), "poked the wrong field");
        assertEquals(-3, view.noCount(), "poked the wrong field");
        long before = stage.rejected(BookReason.MALFORMED);
        send(slot);
        assertRefused(BookReason.MALFORMED, before);
        assertTop(4500, 1000, 4800, 700);
    }

    // ------------------------------------------------------------------ deltas

    @Test
    void deltasMoveTheTopAndTheNoteSaysWhenItChanged() {
        send(events.delta(M, BOOK_YES, 4600, 200));
        assertTop(4600, 200, 4800, 700);
        assertEquals(FLAG_VALID | FLAG_TRUSTED | FLAG_CHANGED, note.flags());

        send(events.delta(M, BOOK_YES, 4400, 50)); // below the top
        assertTop(4600, 200, 4800, 700);
        assertEquals(FLAG_VALID | FLAG_TRUSTED, note.flags());
        assertEquals(550, book().bidQtyAt(4400));

        send(events.delta(M, BOOK_NO, 5200, -300)); // ask 48¢ shrinks
        assertTop(4600, 200, 4800, 400);
        assertTrue(note.isChanged());

        send(events.delta(M, BOOK_NO, 5200, -400)); // ask 48¢ empties: next ask is 50¢
        assertTop(4600, 200, 5000, 300);
        assertEquals(1, book().askLevels());

        send(events.delta(M, BOOK_YES, 4600, -200)); // best bid empties: falls back to 45¢
        assertTop(4500, 1000, 5000, 300);
        assertEquals(4, stage.appliedDeltas() - 1);
        assertTrue(book().isTrusted());
    }

    @Test
    void emptyingBothSidesLeavesAnEmptyTrustedBook() {
        send(events.delta(M, BOOK_YES, 4500, -1000));
        send(events.delta(M, BOOK_YES, 4400, -500));
        send(events.delta(M, BOOK_NO, 5200, -700));
        assertFalse(book().isEmpty());
        send(events.delta(M, BOOK_NO, 5000, -300));
        assertTrue(book().isEmpty());
        assertTrue(book().isTrusted());
        assertTop(NO_PRICE, 0, NO_PRICE, 0);
        assertEquals(100, note.tick()); // finest step of the grid when both sides are empty
        assertEquals(0, book().totalBidQty());
        assertEquals(0, book().totalAskQty());
    }

    @Test
    void zeroDeltaIsAppliedAndChangesNothing() {
        long applied = stage.appliedDeltas();
        send(events.delta(M, BOOK_YES, 3000, 0));
        assertEquals(applied + 1, stage.appliedDeltas());
        assertEquals(0, book().bidQtyAt(3000));
        assertEquals(2, book().bidLevels());
        assertEquals(FLAG_VALID | FLAG_TRUSTED, note.flags());
    }

    @Test
    void deltaThatWouldGoNegativeIsIgnoredAndLaterDeltasStillApply() {
        long before = stage.rejected(BookReason.NEGATIVE_LEVEL);
        send(events.delta(M, BOOK_YES, 4500, -1001));
        assertRefused(BookReason.NEGATIVE_LEVEL, before);
        assertTop(4500, 1000, 4800, 700);
        assertEquals(FLAG_VALID | FLAG_CHANGED, note.flags()); // losing trust is a change
        assertEquals(1, book().rejections());

        send(events.delta(M, BOOK_YES, 4500, -1000)); // valid: applied, still untrusted
        assertTop(4400, 500, 4800, 700);
        assertFalse(note.isTrusted());
        assertEquals(BookReason.NEGATIVE_LEVEL, book().untrustedReason());

        send(events.delta(M, BOOK_YES, 3000, -1)); // a negative delta on an empty level
        assertEquals(before + 2, stage.rejected(BookReason.NEGATIVE_LEVEL));

        send(events.fullSnapshot(M, levels(4000, 1), levels()));
        assertTrue(book().isTrusted());
        assertTrue(note.isTrusted());
        assertTrue(note.isChanged());
    }

    @Test
    void deltaOffTheGridIsRefused() {
        long before = stage.rejected(BookReason.OFF_GRID);
        send(events.delta(M, BOOK_YES, 4550, 10));
        assertRefused(BookReason.OFF_GRID, before);
        assertEquals(0, book().bidQtyAt(4550));
        send(events.delta(M, BOOK_NO, 5201, 10));
        assertEquals(before + 2, stage.rejected(BookReason.OFF_GRID));
        assertTop(4500, 1000, 4800, 700);
    }

    @Test
    void deltaOutsideTheDollarIsRefused() {
        long before = stage.rejected(BookReason.PRICE_OUT_OF_RANGE);
        send(events.delta(M, BOOK_YES, -100, 10));
        assertRefused(BookReason.PRICE_OUT_OF_RANGE, before);
        send(events.delta(M, BOOK_YES, 10_100, 10));
        send(events.delta(M, BOOK_NO, 10_100, 10));
        send(events.delta(M, BOOK_NO, Long.MIN_VALUE, 10));
        assertEquals(before + 4, stage.rejected(BookReason.PRICE_OUT_OF_RANGE));
        assertTop(4500, 1000, 4800, 700);
    }

    @Test
    void deltaWithAnUnknownSideIsRefused() {
        long before = stage.rejected(BookReason.BAD_SIDE);
        send(events.delta(M, (byte) 7, 4500, 10));
        assertRefused(BookReason.BAD_SIDE, before);
        assertTop(4500, 1000, 4800, 700);
    }

    @Test
    void deltaThatWouldOverflowIsRefused() {
        long before = stage.rejected(BookReason.QUANTITY_OVERFLOW);
        send(events.delta(M, BOOK_YES, 4500, Long.MAX_VALUE));
        assertRefused(BookReason.QUANTITY_OVERFLOW, before);
        assertTop(4500, 1000, 4800, 700);
    }

    @Test
    void deltaBeforeAnySnapshotIsRefused() {
        send(events.definition(4, Codes.STATUS_OPEN, Events.CENT));
        send(events.delta(4, BOOK_YES, 4500, 10));
        assertEquals(1, stage.rejected(BookReason.NO_SNAPSHOT));
        assertEquals(BookReason.NO_SNAPSHOT, stage.book(4).untrustedReason());
        assertTrue(stage.book(4).isEmpty());
        assertEquals(FLAG_VALID, note.flags()); // untrusted before and after: nothing changed
        assertEquals(4, note.marketId());
    }

    @Test
    void deltaInsideAChunkedSnapshotAbandonsIt() {
        send(events.snapshot(M, FIRST, levels(3000, 100), levels()));
        send(events.delta(M, BOOK_YES, 3000, 5));
        assertEquals(1, stage.rejected(BookReason.DELTA_IN_SNAPSHOT));
        assertEquals(BookReason.DELTA_IN_SNAPSHOT, book().untrustedReason());
        assertEquals(100, book().bidQtyAt(3000));
        send(events.snapshot(M, LAST, levels(), levels(6000, 1)));
        assertEquals(1, stage.rejected(BookReason.CHUNK_OUT_OF_ORDER));
        assertFalse(book().isTrusted());
        assertEquals(0, book().askLevels());
    }

    // ------------------------------------------------------------------ crossed books

    @Test
    void crossedSnapshotIsAppliedButUntrusted() {
        long crossed = stage.crossedBooks();
        send(events.fullSnapshot(M, levels(5000, 10), levels(5000, 10))); // 50¢ + 50¢ = $1: bid == ask
        assertFalse(book().isTrusted());
        assertEquals(BookReason.CROSSED, book().untrustedReason());
        assertTrue(book().isCrossed());
        assertEquals(crossed + 1, stage.crossedBooks());
        assertTop(5000, 10, 5000, 10);
        assertTrue(book().hasSnapshot());
        assertEquals(0, stage.rejectedTotal());
    }

    @Test
    void crossingDeltaDistrustsUntilTheNextSnapshot() {
        send(events.delta(M, BOOK_YES, 4900, 10)); // bid 49¢ >= ask 48¢
        assertFalse(book().isTrusted());
        assertEquals(BookReason.CROSSED, book().untrustedReason());
        assertEquals(1, stage.crossedBooks());
        assertTop(4900, 10, 4800, 700);
        assertEquals(FLAG_VALID | FLAG_CHANGED, note.flags());

        send(events.delta(M, BOOK_YES, 4900, -10)); // uncrossed again, but the data was bad
        assertFalse(book().isCrossed());
        assertFalse(book().isTrusted());
        assertEquals(1, stage.crossedBooks());

        send(events.fullSnapshot(M, levels(4500, 1), levels(5000, 1)));
        assertTrue(book().isTrusted());
    }

    @Test
    void aBookTurningUntrustedAsksForAResyncOnce() {
        java.util.List<Integer> asked = new java.util.ArrayList<>();
        stage.resyncRequests(asked::add);
        send(events.delta(M, BOOK_YES, 4900, 10)); // crosses: invalid data
        assertEquals(java.util.List.of(M), asked);
        send(events.delta(M, BOOK_YES, 4900, -10)); // still untrusted: no second request
        assertEquals(1, asked.size());
        send(events.fullSnapshot(M, levels(4500, 1), levels(5000, 1)));
        assertTrue(book().isTrusted());
        assertEquals(1, asked.size(), "a repaired book asks for nothing");
    }

    // ------------------------------------------------------------------ other events

    @Test
    void tradesAndTickersOfAKnownMarketReportTheUnchangedTop() {
        send(events.trade(M, 4500, 100));
        assertEquals(FLAG_VALID | FLAG_TRUSTED, note.flags());
        assertTop(4500, 1000, 4800, 700);
        send(events.ticker(M));
        assertEquals(FLAG_VALID | FLAG_TRUSTED, note.flags());
        assertTop(4500, 1000, 4800, 700);
    }

    @Test
    void eventsOfUnknownMarketsClearTheNote() {
        int[] ids = {9, -1, 16, Integer.MAX_VALUE};
        for (int id : ids) {
            send(events.trade(M, 4500, 1));
            send(events.delta(id, BOOK_YES, 4500, 10));
            assertEquals(-1, note.marketId());
            assertEquals(0, note.flags());
            send(events.trade(M, 4500, 1));
            send(events.fullSnapshot(id, levels(4500, 10), levels()));
            assertEquals(0, note.flags());
            send(events.trade(M, 4500, 1));
            send(events.ticker(id));
            assertEquals(0, note.flags());
        }
        assertEquals(2 * ids.length, stage.unknownMarketEvents());
        assertEquals(0, stage.rejectedTotal());
        send(events.trade(M, 4500, 1));
        assertTop(4500, 1000, 4800, 700);
    }

    @Test
    void nonMarketEventsClearTheNote() {
        send(events.trade(M, 4500, 1));
        assertTrue(note.isValid());
        send(events.timer());
        assertEquals(-1, note.marketId());
        assertEquals(0, note.flags());
    }

    // ------------------------------------------------------------------ redefinitions

    @Test
    void sameGridRedefinitionKeepsTheBookAndUpdatesStatus() {
        OrderBook before = book();
        send(events.definition(M, Codes.STATUS_PAUSED, Events.CENT));
        assertSame(before, book());
        assertEquals(Codes.STATUS_PAUSED, book().status());
        send(events.definition(7, Codes.STATUS_OPEN, Events.CENT));
        assertSame(book().grid(), stage.book(7).grid()); // identical ranges share one grid
        assertEquals(1, book().grid().rangeCount());
        assertTrue(book().isTrusted());
        assertEquals(1500, book().totalBidQty());
    }

    @Test
    void gridChangeDropsTheLevelsAndWaitsForASnapshot() {
        send(events.definition(M, Codes.STATUS_OPEN, Events.TAPERED));
        assertTrue(book().isEmpty());
        assertFalse(book().isTrusted());
        assertEquals(BookReason.GRID_CHANGED, book().untrustedReason());
        send(events.delta(M, BOOK_YES, 4500, 1));
        assertEquals(1, stage.rejected(BookReason.NO_SNAPSHOT));
        send(events.fullSnapshot(M, levels(990, 5, 4500, 1), levels(990, 7))); // 0.1¢ steps below 10¢
        assertTrue(book().isTrusted());
        assertTop(4500, 1, 9010, 7); // NO 9.9¢ is the YES ask 90.1¢, in the 0.1¢ tail
    }

    @Test
    void invalidDefinitionsAreRefusedAndKeepTheOldOne() {
        send(events.definition(M, Codes.STATUS_OPEN, 0, 20_000, 100)); // beyond $1
        send(events.definition(16, Codes.STATUS_OPEN, Events.CENT));    // id beyond capacity
        send(events.definition(-1, Codes.STATUS_OPEN, Events.CENT));
        send(events.definition(5, Codes.STATUS_OPEN));                  // no ranges
        assertEquals(4, stage.rejectedDefinitions());
        assertNull(stage.book(5));
        assertTrue(book().isTrusted());
        assertEquals(100, book().tick());
    }

    // ------------------------------------------------------------------ views

    @Test
    void depthIteratesFromTheTopOnBothSides() {
        send(events.fullSnapshot(M, levels(4500, 1, 4300, 3, 4400, 2, 100, 9), levels(5200, 4, 1000, 6, 5000, 5)));
        long[] prices = new long[10];
        long[] qty = new long[10];
        assertEquals(4, book().copyBids(prices, qty));
        assertArrayEquals(new long[] {4500, 4400, 4300, 100}, java.util.Arrays.copyOf(prices, 4));
        assertArrayEquals(new long[] {1, 2, 3, 9}, java.util.Arrays.copyOf(qty, 4));
        assertEquals(3, book().copyAsks(prices, qty));
        assertArrayEquals(new long[] {4800, 5000, 9000}, java.util.Arrays.copyOf(prices, 3));
        assertArrayEquals(new long[] {4, 5, 6}, java.util.Arrays.copyOf(qty, 3));

        long[] two = new long[2];
        assertEquals(2, book().copyBids(two, new long[5]));
        assertArrayEquals(new long[] {4500, 4400}, two);

        StringBuilder seen = new StringBuilder();
        assertEquals(2, book().forEachAsk((p, q) -> seen.append(p).append('x').append(q).append(' '), 2));
        assertEquals("4800x4 5000x5 ", seen.toString());
        seen.setLength(0);
        assertEquals(4, book().forEachBid((p, q) -> seen.append(p).append(' '), Integer.MAX_VALUE));
        assertEquals("4500 4400 4300 100 ", seen.toString());
        assertEquals(15, book().totalBidQty());
        assertEquals(15, book().totalAskQty());
    }

    @Test
    void tickIsTheFinerStepAtTheBestPrices() {
        send(events.definition(M, Codes.STATUS_OPEN, Events.TAPERED));
        send(events.fullSnapshot(M, levels(4500, 1), levels(5000, 1)));
        assertEquals(100, note.tick());
        send(events.delta(M, BOOK_YES, 1000, 1)); // boundary of 10 and 100 steps, not the best
        assertEquals(100, note.tick());
        send(events.delta(M, BOOK_YES, 4500, -1)); // best bid now 10¢: the boundary allows 0.1¢
        assertEquals(1000, note.bestBid());
        assertEquals(10, note.tick());
        send(events.delta(M, BOOK_YES, 1000, -1));
        assertEquals(100, note.tick()); // only the 50¢ ask left
        send(events.delta(M, BOOK_NO, 500, 1)); // ask 95¢, in the 0.1¢ tail
        assertEquals(100, note.tick()); // best ask is still 50¢
        send(events.delta(M, BOOK_NO, 5000, -1));
        assertEquals(9500, note.bestAsk());
        assertEquals(10, note.tick());
        assertEquals(10, book().tickAt(9500));
        assertEquals(100, book().tickAt(5000));
        assertEquals(0, book().tickAt(5050));
        assertTrue(book().isOnGrid(9990));
        assertFalse(book().isOnGrid(9995));
    }

    @Test
    void partialGridRefusesPricesItDoesNotCover() {
        send(events.definition(M, Codes.STATUS_OPEN, Events.PARTIAL));
        send(events.fullSnapshot(M, levels(500, 1), levels(500, 1))); // bid 5¢, ask 95¢
        assertTrue(book().isTrusted());
        send(events.delta(M, BOOK_YES, 450, 1));
        assertEquals(1, stage.rejected(BookReason.OFF_GRID));
        send(events.fullSnapshot(M, levels(500, 1), levels(9600, 1))); // ask 4¢: off this grid
        assertEquals(2, stage.rejected(BookReason.OFF_GRID));
    }

    @Test
    void reasonNamesAreDistinct() {
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int r = 0; r < BookReason.COUNT; r++) {
            assertTrue(names.add(BookReason.name(r)), BookReason.name(r));
            assertFalse(BookReason.name(r).startsWith("reason-"));
        }
    }
}

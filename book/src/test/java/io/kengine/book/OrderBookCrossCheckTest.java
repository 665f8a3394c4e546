package io.kengine.book;

import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.stage.BookFeaturesNote;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.TopOfBookNote;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Drives {@link BookStage} and {@link ReferenceBook} with the same long random sequence of
 * definitions, chunked snapshots, deltas (valid and invalid), trades and other events, and after
 * every event compares the note and every book: best prices and sizes, trust and reason, level
 * counts, totals, tick and the full depth of both sides, then the counters at the end. The features
 * that are functions of the levels (spread, mid, microprice, imbalances, top-N depth with N varying by
 * seed) are checked against straightforward formulas over the reference's depth.
 */
class OrderBookCrossCheckTest {
    private static final int EVENTS = 100_000;
    private static final long ONE = ReferenceBook.ONE;
    /** An asymmetric grid: a NO price is valid only where $1 − p is, which differs from p itself. */
    private static final long[] ASYMMETRIC = {0, 2_000, 50, 2_000, 10_000, 200};
    private static final long[][] GRIDS = {Events.CENT, Events.TAPERED, Events.SUBPENNY, Events.PARTIAL, ASYMMETRIC};
    private static final int[] MARKETS = {0, 5, 4095};
    private static final int[] UNKNOWN = {77, 4096, -1};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 20_240_601})
    void matchesTheReferenceBook(long seed) {
        Run run = new Run(seed);
        run.run();
        run.assertCoverage();
    }

    private static final class Run {
        private final long seed;
        private final Random rnd;
        private final int depthLevels;
        private final BookStage stage;
        private final Events events = new Events();
        private final TopOfBookNote note = new TopOfBookNote().wrap(events.slot());
        private final BookFeaturesNote featuresNote = new BookFeaturesNote().wrap(events.slot());
        private final Map<Integer, ReferenceBook> refs = new TreeMap<>();
        private final Map<String, List<Long>> pointsByGrid = new HashMap<>();
        private final long[] prices = new long[10_001];
        private final long[] quantities = new long[10_001];

        private int sent;
        private long definitions;
        private long rejectedDefinitions;
        private long chunks;
        private long snapshots;
        private long appliedDeltas;
        private long crossed;
        private long unknown;
        private final long[] rejected = new long[BookReason.COUNT];
        private long trustedChecks;
        private long checks;

        Run(long seed) {
            this.seed = seed;
            this.rnd = new Random(seed);
            this.depthLevels = 1 + (int) (seed % 7);
            this.stage = new BookStage(4096, BookSettings.DEFAULT.withDepthLevels(depthLevels));
        }

        void run() {
            for (int id : MARKETS) {
                define(id, GRIDS[rnd.nextInt(GRIDS.length)], Codes.STATUS_OPEN);
            }
            while (sent < EVENTS) {
                boolean dirty = (sent / 2_000) % 2 == 1; // alternate calm and faulty stretches
                int id = rnd.nextInt(200) == 0 ? UNKNOWN[rnd.nextInt(UNKNOWN.length)] : MARKETS[rnd.nextInt(MARKETS.length)];
                double x = rnd.nextDouble();
                if (x < 0.02) {
                    randomSnapshot(id, dirty);
                } else if (x < 0.023) {
                    randomDefinition(id);
                } else if (x < 0.05) {
                    marketEvent(id, rnd.nextBoolean() ? events.trade(id, 5000, 100) : events.ticker(id));
                } else if (x < 0.055) {
                    send(events.timer());
                    expectCleared();
                } else {
                    randomDelta(id, dirty ? 0.15 : 0.01);
                }
            }
        }

        void assertCoverage() {
            for (int r = 0; r < BookReason.COUNT; r++) {
                if (r == BookReason.NONE || r == BookReason.SNAPSHOT_IN_PROGRESS || r == BookReason.GRID_CHANGED
                    || r == BookReason.CROSSED || r == BookReason.MALFORMED) {
                    continue; // states, not refusals, or not producible through the encoder
                }
                assertTrue(rejected[r] > 0, "seed " + seed + " never produced " + BookReason.name(r));
            }
            assertTrue(crossed > 0, "no crossed book");
            assertTrue(snapshots > 500, "snapshots " + snapshots);
            assertTrue(appliedDeltas > EVENTS / 2, "applied deltas " + appliedDeltas);
            assertTrue(trustedChecks > checks / 5, "trusted in " + trustedChecks + " of " + checks);
        }

        // ------------------------------------------------------------ event generators

        private void randomDefinition(int id) {
            double x = rnd.nextDouble();
            ReferenceBook ref = refs.get(id);
            byte status = (byte) (1 + rnd.nextInt(6));
            if (x < 0.1) {
                define(id, new long[] {0, 10_100, 100}, status); // beyond $1: refused
            } else if (x < 0.15) {
                define(4096, Events.CENT, status);
            } else if (x < 0.6 && ref != null) {
                define(id, ref.ranges, status);
            } else {
                define(id, GRIDS[rnd.nextInt(GRIDS.length)], status);
            }
        }

        private void define(int id, long[] ranges, byte status) {
            send(events.definition(id, status, ranges));
            if (id < 0 || id >= 4096 || !ReferenceBook.validRanges(ranges)) {
                rejectedDefinitions++;
            } else {
                ReferenceBook ref = refs.get(id);
                if (ref == null) {
                    refs.put(id, new ReferenceBook(id, ranges, status));
                } else {
                    long[] before = top(ref);
                    ref.redefine(ranges, status);
                    definitions++;
                    if (before[4] != ref.trustState().code()) {
                        expectNote(ref, before); // a redefinition that changes trust is announced at once
                        return;
                    }
                    expectCleared();
                    return;
                }
                definitions++;
            }
            expectCleared();
        }

        private void randomSnapshot(int id, boolean dirty) {
            ReferenceBook ref = refs.get(id);
            List<Long> points = points(ref == null ? Events.CENT : ref.ranges);
            int mid = 1 + rnd.nextInt(points.size() - 1);
            List<long[]> levels = new ArrayList<>(); // {side, price, qty}, YES first
            int yesCount = rnd.nextInt(22);
            for (int i = 0; i < yesCount; i++) {
                levels.add(new long[] {Codes.BOOK_YES, points.get(rnd.nextInt(mid)), quantity()});
            }
            if (rnd.nextInt(30) == 0) { // crossed: a bid at or above some ask
                levels.add(new long[] {Codes.BOOK_YES, points.get(mid + rnd.nextInt(points.size() - mid)), quantity()});
            }
            int noCount = rnd.nextInt(22);
            for (int i = 0; i < noCount; i++) {
                long ask = points.get(mid + rnd.nextInt(points.size() - mid));
                levels.add(new long[] {Codes.BOOK_NO, ONE - ask, quantity()});
            }
            if (dirty && rnd.nextInt(8) == 0 && !levels.isEmpty()) {
                long[] level = levels.get(rnd.nextInt(levels.size()));
                int fault = rnd.nextInt(3);
                if (fault == 0) {
                    level[2] = -1 - rnd.nextInt(100);
                } else if (fault == 1) {
                    level[1] = rnd.nextBoolean() ? -1 - rnd.nextInt(100) : ONE + 1 + rnd.nextInt(100);
                } else {
                    level[1] = offGridPrice(ref, (byte) level[0]);
                }
            }
            int chunkCount = 1 + rnd.nextInt(Math.min(4, Math.max(1, levels.size())));
            int[] cuts = new int[chunkCount + 1];
            cuts[chunkCount] = levels.size();
            for (int c = 1; c < chunkCount; c++) {
                cuts[c] = Math.max(cuts[c - 1], Math.min(levels.size(), cuts[c - 1] + rnd.nextInt(levels.size() / chunkCount + 2)));
            }
            boolean skipFirst = dirty && rnd.nextInt(20) == 0;
            boolean dropLast = dirty && rnd.nextInt(20) == 0;
            boolean deltaInside = dirty && rnd.nextInt(20) == 0;
            for (int c = 0; c < chunkCount; c++) {
                boolean first = c == 0;
                boolean last = c == chunkCount - 1;
                if (last && dropLast) {
                    break;
                }
                if (first && skipFirst && chunkCount > 1) {
                    continue;
                }
                if (first && skipFirst) {
                    first = false;
                }
                sendChunk(id, first, last, levels.subList(cuts[c], cuts[c + 1]));
                if (first && deltaInside) {
                    randomDelta(id, 0);
                }
            }
        }

        private long quantity() {
            return rnd.nextInt(25) == 0 ? 0 : 1 + rnd.nextInt(1_000_000);
        }

        private void sendChunk(int id, boolean first, boolean last, List<long[]> levels) {
            List<Long> yes = new ArrayList<>();
            List<Long> no = new ArrayList<>();
            for (long[] l : levels) {
                List<Long> side = l[0] == Codes.BOOK_YES ? yes : no;
                side.add(l[1]);
                side.add(l[2]);
            }
            long[] y = yes.stream().mapToLong(Long::longValue).toArray();
            long[] n = no.stream().mapToLong(Long::longValue).toArray();
            byte flags = (byte) ((first ? BookSnapshotEvent.FLAG_FIRST : 0) | (last ? BookSnapshotEvent.FLAG_LAST : 0));
            send(events.snapshot(id, flags, y, n));
            ReferenceBook ref = refs.get(id);
            if (ref == null) {
                unknown++;
                expectCleared();
                return;
            }
            long[] before = top(ref);
            int r = ref.snapshot(first, last, y, n);
            if (count(r)) {
                chunks++;
                if (last) {
                    snapshots++;
                }
            }
            expectNote(ref, before);
        }

        private void randomDelta(int id, double faultRate) {
            ReferenceBook ref = refs.get(id);
            byte side = rnd.nextBoolean() ? Codes.BOOK_YES : Codes.BOOK_NO;
            long price;
            long delta;
            if (ref == null) {
                price = 5000;
                delta = 1;
            } else if (rnd.nextDouble() < faultRate) {
                int fault = rnd.nextInt(6);
                price = existingOrAnyPrice(ref, side);
                delta = 1 + rnd.nextInt(1000);
                if (fault == 0) {
                    price = offGridPrice(ref, side);
                } else if (fault == 1) {
                    long[] outside = {-1, -ONE, ONE + 1, 2 * ONE, Long.MIN_VALUE, Long.MAX_VALUE};
                    price = outside[rnd.nextInt(outside.length)];
                } else if (fault == 2) {
                    side = new byte[] {0, 3, -1}[rnd.nextInt(3)];
                } else if (fault == 3) {
                    delta = -(quantityAt(ref, side, price) + 1 + rnd.nextInt(100));
                } else if (fault == 4) {
                    delta = quantityAt(ref, side, price) > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
                } else {
                    price = crossingPrice(ref, side);
                }
            } else {
                TreeMap<Long, Long> ladder = side == Codes.BOOK_YES ? ref.yes : ref.no;
                if (!ladder.isEmpty() && rnd.nextBoolean()) {
                    price = nearTop(ladder);
                    long q = ladder.get(price);
                    double y = rnd.nextDouble();
                    delta = y < 0.4 ? -q : y < 0.7 ? -(1 + (long) (rnd.nextDouble() * q)) : 1 + rnd.nextInt(1000);
                } else {
                    price = uncrossedNewPrice(ref, side);
                    delta = 1 + rnd.nextInt(100_000);
                }
            }
            send(events.delta(id, side, price, delta));
            if (ref == null) {
                unknown++;
                expectCleared();
                return;
            }
            long[] before = top(ref);
            if (count(ref.delta(side, price, delta))) {
                appliedDeltas++;
            }
            expectNote(ref, before);
        }

        private long nearTop(TreeMap<Long, Long> ladder) {
            int skip = rnd.nextInt(Math.min(4, ladder.size()));
            Long p = ladder.lastKey();
            for (int i = 0; i < skip; i++) {
                p = ladder.lowerKey(p);
            }
            return p;
        }

        private long quantityAt(ReferenceBook ref, byte side, long price) {
            return (side == Codes.BOOK_YES ? ref.yes : ref.no).getOrDefault(price, 0L);
        }

        private long existingOrAnyPrice(ReferenceBook ref, byte side) {
            TreeMap<Long, Long> ladder = side == Codes.BOOK_YES ? ref.yes : ref.no;
            if (!ladder.isEmpty() && rnd.nextBoolean()) {
                return nearTop(ladder);
            }
            List<Long> points = points(ref.ranges);
            long yesPrice = points.get(rnd.nextInt(points.size()));
            return side == Codes.BOOK_YES ? yesPrice : ONE - yesPrice;
        }

        /** A ladder price on the grid that keeps the book uncrossed: bids below the best ask, asks above the best bid. */
        private long uncrossedNewPrice(ReferenceBook ref, byte side) {
            List<Long> points = points(ref.ranges);
            for (int tries = 0; tries < 20; tries++) {
                long p = points.get(rnd.nextInt(points.size()));
                if (side == Codes.BOOK_YES && (ref.bestAsk() < 0 || p < ref.bestAsk())) {
                    return p;
                }
                if (side == Codes.BOOK_NO && (ref.bestBid() < 0 || p > ref.bestBid())) {
                    return ONE - p;
                }
            }
            return existingOrAnyPrice(ref, side);
        }

        private long crossingPrice(ReferenceBook ref, byte side) {
            List<Long> points = points(ref.ranges);
            for (int tries = 0; tries < 20; tries++) {
                long p = points.get(rnd.nextInt(points.size()));
                if (side == Codes.BOOK_YES && ref.bestAsk() >= 0 && p >= ref.bestAsk()) {
                    return p;
                }
                if (side == Codes.BOOK_NO && ref.bestBid() >= 0 && p <= ref.bestBid()) {
                    return ONE - p;
                }
            }
            return existingOrAnyPrice(ref, side);
        }

        /** A ladder price inside [0, 1] whose YES price is off the grid (outside [0, 1] if the grid has every price). */
        private long offGridPrice(ReferenceBook ref, byte side) {
            long[] ranges = ref == null ? Events.CENT : ref.ranges;
            ReferenceBook probe = new ReferenceBook(-1, ranges, (byte) 0);
            for (int tries = 0; tries < 50; tries++) {
                long p = rnd.nextInt((int) ONE + 1);
                if (!probe.onGrid(p)) {
                    return side == Codes.BOOK_NO ? ONE - p : p;
                }
            }
            return ONE + 1;
        }

        private void marketEvent(int id, EventSlot slot) {
            send(slot);
            ReferenceBook ref = refs.get(id);
            if (ref == null) {
                expectCleared();
            } else {
                long[] before = top(ref);
                expectNote(ref, before);
            }
        }

        private List<Long> points(long[] ranges) {
            return pointsByGrid.computeIfAbsent(java.util.Arrays.toString(ranges),
                k -> new ReferenceBook(-1, ranges, (byte) 0).gridPoints());
        }

        // ------------------------------------------------------------ expectations

        private boolean count(int reason) {
            if (reason == BookReason.NONE) {
                return true;
            }
            if (reason == BookReason.CROSSED) {
                crossed++;
                return true;
            }
            rejected[reason]++;
            return false;
        }

        private void send(EventSlot slot) {
            stage.onEvent(slot, rnd.nextBoolean());
            sent++;
        }

        private static long[] top(ReferenceBook ref) {
            return new long[] {ref.bestBid(), ref.bestBidQty(), ref.bestAsk(), ref.bestAskQty(), ref.trustState().code()};
        }

        private String at() {
            return "seed " + seed + " event " + sent + ": ";
        }

        private void expectCleared() {
            assertEquals(-1, note.marketId(), at() + "note market");
            assertEquals(0, note.flags(), at() + "note flags");
            assertEquals(-1, featuresNote.marketId(), at() + "features market");
            assertEquals(0, featuresNote.trustCode(), at() + "features trust");
            compareAll();
        }

        private void expectNote(ReferenceBook ref, long[] before) {
            long[] after = top(ref);
            boolean changed = !java.util.Arrays.equals(before, after);
            int flags = TopOfBookNote.FLAG_VALID | (ref.trusted ? TopOfBookNote.FLAG_TRUSTED : 0)
                | (changed ? TopOfBookNote.FLAG_CHANGED : 0);
            assertEquals(ref.marketId, note.marketId(), at() + "note market");
            assertEquals(flags, note.flags(), at() + "note flags");
            assertEquals(ref.bestBid(), note.bestBid(), at() + "note bid");
            assertEquals(ref.bestBidQty(), note.bestBidQty(), at() + "note bid qty");
            assertEquals(ref.bestAsk(), note.bestAsk(), at() + "note ask");
            assertEquals(ref.bestAskQty(), note.bestAskQty(), at() + "note ask qty");
            assertEquals(ref.tick(), note.tick(), at() + "note tick");
            assertEquals(ref.marketId, featuresNote.marketId(), at() + "features market");
            assertEquals(ref.trustState().code(), featuresNote.trustCode(), at() + "features trust");
            OrderBook book = stage.book(ref.marketId);
            assertEquals(book.microprice(), featuresNote.microprice(), at() + "features microprice");
            assertEquals(book.imbalanceDepthBps(), featuresNote.imbalanceDepthBps(), at() + "features depth imbalance");
            compareAll();
        }

        private void compareAll() {
            for (ReferenceBook ref : refs.values()) {
                compare(ref, stage.book(ref.marketId));
            }
            for (int id : UNKNOWN) {
                if (!refs.containsKey(id)) {
                    assertNull(stage.book(id), at() + "book for undefined market " + id);
                }
            }
            if (sent % 1000 == 0) {
                compareCounters();
            }
        }

        private void compare(ReferenceBook ref, OrderBook book) {
            assertNotNull(book, at() + "book " + ref.marketId);
            String m = at() + "market " + ref.marketId + " ";
            checks++;
            if (ref.trusted) {
                trustedChecks++;
            }
            assertEquals(ref.trusted, book.isTrusted(), m + "trusted");
            assertEquals(ref.trusted ? BookReason.NONE : ref.reason, book.untrustedReason(), m + "reason");
            assertEquals(ref.complete, book.hasSnapshot(), m + "has snapshot");
            assertEquals(ref.status, book.status(), m + "status");
            assertEquals(ref.bestBid(), book.bestBid(), m + "best bid");
            assertEquals(ref.bestBidQty(), book.bestBidQty(), m + "best bid qty");
            assertEquals(ref.bestAsk(), book.bestAsk(), m + "best ask");
            assertEquals(ref.bestAskQty(), book.bestAskQty(), m + "best ask qty");
            assertEquals(ref.crossed(), book.isCrossed(), m + "crossed");
            assertEquals(ref.yes.isEmpty() && ref.no.isEmpty(), book.isEmpty(), m + "empty");
            assertEquals(ref.yes.size(), book.bidLevels(), m + "bid levels");
            assertEquals(ref.no.size(), book.askLevels(), m + "ask levels");
            assertEquals(ref.total(ref.yes), book.totalBidQty(), m + "bid total");
            assertEquals(ref.total(ref.no), book.totalAskQty(), m + "ask total");
            assertEquals(ref.tick(), book.tick(), m + "tick");
            assertEquals(ref.trustState(), book.trustState(), m + "trust state");
            List<long[]> bids = ref.bids();
            List<long[]> asks = ref.asks();
            compareSide(m + "bids", bids, book.copyBids(prices, quantities));
            compareSide(m + "asks", asks, book.copyAsks(prices, quantities));
            compareFeatures(m, bids, asks, book);
        }

        /** Quantities stay far below 2^48 here, so the plain formulas cannot overflow. */
        private void compareFeatures(String m, List<long[]> bids, List<long[]> asks, OrderBook book) {
            long bd = ReferenceBook.depth(bids, depthLevels);
            long ad = ReferenceBook.depth(asks, depthLevels);
            assertEquals(bd, book.depthBidQty(), m + "bid depth " + depthLevels);
            assertEquals(ad, book.depthAskQty(), m + "ask depth " + depthLevels);
            assertEquals(bd + ad == 0 ? OrderBook.NO_VALUE : (bd - ad) * 10_000 / (bd + ad), book.imbalanceDepthBps(), m + "depth imbalance");
            long bq = bids.isEmpty() ? 0 : bids.get(0)[1];
            long aq = asks.isEmpty() ? 0 : asks.get(0)[1];
            assertEquals(bq + aq == 0 ? OrderBook.NO_VALUE : (bq - aq) * 10_000 / (bq + aq), book.imbalanceTopBps(), m + "top imbalance");
            if (bids.isEmpty() || asks.isEmpty()) {
                assertEquals(OrderBook.NO_VALUE, book.spread(), m + "spread");
                assertEquals(OrderBook.NO_PRICE, book.mid(), m + "mid");
                assertEquals(OrderBook.NO_PRICE, book.microprice(), m + "microprice");
            } else {
                long bid = bids.get(0)[0];
                long ask = asks.get(0)[0];
                assertEquals(ask - bid, book.spread(), m + "spread");
                assertEquals((bid + ask) / 2, book.mid(), m + "mid");
                assertEquals(Math.floorDiv(bid * aq + ask * bq, bq + aq), book.microprice(), m + "microprice");
            }
        }

        private void compareSide(String what, List<long[]> expected, int n) {
            if (expected.size() != n) {
                fail(what + ": " + n + " levels, reference has " + expected.size());
            }
            for (int i = 0; i < n; i++) {
                long[] level = expected.get(i);
                if (level[0] != prices[i] || level[1] != quantities[i]) {
                    fail(what + " level " + i + ": " + prices[i] + "x" + quantities[i]
                        + ", reference " + level[0] + "x" + level[1]);
                }
            }
        }

        private void compareCounters() {
            String m = at() + "counter ";
            assertEquals(definitions, stage.definitions(), m + "definitions");
            assertEquals(rejectedDefinitions, stage.rejectedDefinitions(), m + "rejected definitions");
            assertEquals(chunks, stage.snapshotChunks(), m + "chunks");
            assertEquals(snapshots, stage.snapshots(), m + "snapshots");
            assertEquals(appliedDeltas, stage.appliedDeltas(), m + "applied deltas");
            assertEquals(crossed, stage.crossedBooks(), m + "crossed");
            assertEquals(unknown, stage.unknownMarketEvents(), m + "unknown");
            for (int r = 0; r < BookReason.COUNT; r++) {
                assertEquals(rejected[r], stage.rejected(r), m + BookReason.name(r));
            }
        }
    }
}

package io.kengine.book;

import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.stage.BookFeaturesNote;
import io.kengine.protocol.stage.TopOfBookNote;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static io.kengine.book.Events.levels;
import static io.kengine.protocol.event.Codes.BOOK_NO;
import static io.kengine.protocol.event.Codes.BOOK_YES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The book net of our own resting orders: hand-worked steps (the point being that our own amends do not
 * move the top pricing reads), then a long random stream against a straightforward reference of the rules.
 */
class OwnOrderNettingTest {
    private static final int M = 3;
    private static final long T0 = 1_700_000_000_000_000_000L;

    private final BookStage stage = new BookStage(16);
    private final Events events = new Events();
    private final TopOfBookNote note = new TopOfBookNote().wrap(events.slot());
    private final BookFeaturesNote features = new BookFeaturesNote().wrap(events.slot());

    @BeforeEach
    void snapshot() {
        events.at(T0);
        stage.onEvent(events.definition(M, Codes.STATUS_OPEN, Events.CENT), true);
        // bids 0.45 x 10.00, 0.44 x 5.00; NO bids 0.52 x 30.00 (ask 0.48), 0.50 x 2.00 (ask 0.50)
        stage.onEvent(events.fullSnapshot(M, levels(4500, 1000, 4400, 500), levels(5200, 3000, 5000, 200)), true);
    }

    private OrderBook book() {
        return stage.book(M);
    }

    private boolean changed() {
        return (note.flags() & TopOfBookNote.FLAG_CHANGED) != 0;
    }

    @Test
    void ourQuotesAndTheirAmendsDoNotMoveTheTopPricingReads() {
        // our bid at 0.46 would be the best bid of the exchange's book; net of it the market is unchanged
        stage.onEvent(events.ownDelta(M, BOOK_YES, 4600, 100), true);
        assertTrue(book().isNettingOwnOrders());
        assertEquals(4500, book().bestBid());
        assertEquals(1000, book().bestBidQty());
        assertEquals(4650, book().mid());
        assertEquals(4650, features.mid());
        assertEquals(4500, note.bestBid());
        assertFalse(changed(), "our own order is not news about the market");
        assertEquals(100, book().ownBidQtyAt(4600));
        assertEquals(100, book().exchangeBidQtyAt(4600));
        assertEquals(0, book().bidQtyAt(4600));
        assertEquals(2, book().bidLevels());

        // our ask at 0.47 (a NO bid at 0.53)
        stage.onEvent(events.ownDelta(M, BOOK_NO, 5300, 100), true);
        assertEquals(4800, book().bestAsk());
        assertEquals(3000, book().bestAskQty());
        assertEquals(100, book().ownAskQtyAt(4700));
        assertFalse(changed());

        // amend the bid 0.46 -> 0.45: it leaves one level and joins another, and the market reads the same
        stage.onEvent(events.ownDelta(M, BOOK_YES, 4600, -100), true);
        assertFalse(changed());
        stage.onEvent(events.ownDelta(M, BOOK_YES, 4500, 100), true);
        assertFalse(changed());
        assertEquals(4500, book().bestBid());
        assertEquals(1000, book().bestBidQty());
        assertEquals(1100, book().exchangeBidQtyAt(4500));
        assertEquals(100, book().ownBidQtyAt(4500));
        assertEquals(0, book().ownBidQtyAt(4600));
        assertEquals(2, book().ownLevels());
        // microprice over the market only: (4500 x 3000 + 4800 x 1000) / 4000 = 4575
        assertEquals(4575, book().microprice());
        assertEquals(-5000, book().imbalanceTopBps());

        // someone else joins our level: theirs counts
        stage.onEvent(events.delta(M, BOOK_YES, 4500, 50), true);
        assertEquals(1050, book().bestBidQty());
        assertTrue(changed());
    }

    @Test
    void aLevelThatIsOnlyOursIsNotAMarketLevel() {
        stage.onEvent(events.ownDelta(M, BOOK_YES, 4600, 100), true);
        stage.onEvent(events.delta(M, BOOK_YES, 4500, -1000), true);
        stage.onEvent(events.delta(M, BOOK_YES, 4400, -500), true);
        assertEquals(OrderBook.NO_PRICE, book().bestBid(), "the only bid left is ours");
        assertEquals(OrderBook.NO_PRICE, book().mid());
        assertEquals(0, book().bidLevels());
        assertEquals(100, book().exchangeBidQtyAt(4600));
        assertFalse(book().isEmpty(), "the exchange's book still holds our bid");
    }

    @Test
    void ourQuantityNeverExceedsTheLevelAndATaggedRemovalWhereWeHoldNothingChangesNothingOfOurs() {
        stage.onEvent(events.ownDelta(M, BOOK_YES, 4500, 100), true);          // level 1100, ours 100
        stage.onEvent(events.delta(M, BOOK_YES, 4500, -1060), true);           // level 40: ours can be 40 at most
        assertEquals(40, book().ownBidQtyAt(4500));
        assertEquals(4400, book().bestBid());
        stage.onEvent(events.delta(M, BOOK_YES, 4500, 60), true);              // someone joins with 60
        assertEquals(4500, book().bestBid());
        assertEquals(60, book().bestBidQty());

        // our taker order consuming someone's ask (if Kalshi tags those): we held nothing there
        stage.onEvent(events.ownDelta(M, BOOK_NO, 5200, -1000), true);
        assertEquals(0, book().ownAskQtyAt(4800));
        assertEquals(4800, book().bestAsk());
        assertEquals(2000, book().bestAskQty());
    }

    @Test
    void makerFillsTakeFromOurQuantityOncePerTradeIdAndTakerFillsDoNot() {
        stage.onEvent(events.ownDelta(M, BOOK_YES, 4500, 300), true);          // level 1300, ours 300
        stage.onEvent(events.delta(M, BOOK_YES, 4500, -100), true);            // the fill's own (untagged) delta
        assertEquals(1200, book().exchangeBidQtyAt(4500));
        assertEquals(900, book().bestBidQty(), "until the fill arrives our 300 are netted out of 1200");

        stage.onEvent(events.fill(M, "t-1", Codes.BID, 4500, 100, false), true);
        assertEquals(200, book().ownBidQtyAt(4500));
        assertEquals(1000, book().bestBidQty());
        assertEquals(M, note.marketId(), "the fill moved the market's top: its slot carries the book");
        assertTrue(changed());
        assertEquals(1, stage.ownFills());

        stage.onEvent(events.fill(M, "t-1", Codes.BID, 4500, 100, false), true); // the same fill, by REST
        assertEquals(200, book().ownBidQtyAt(4500));
        assertEquals(-1, note.marketId(), "a duplicate changes nothing and clears the slot's notes");
        stage.onEvent(events.fill(M, "t-2", Codes.BID, 4500, 50, true), true);   // a taker fill rested nowhere
        assertEquals(200, book().ownBidQtyAt(4500));
        assertEquals(1, stage.ownFills());

        // a fill of our ask (a NO bid at 0.53 = ask 0.47)
        stage.onEvent(events.ownDelta(M, BOOK_NO, 5300, 100), true);
        stage.onEvent(events.fill(M, "t-3", Codes.ASK, 4700, 40, false), true);
        assertEquals(60, book().ownAskQtyAt(4700));
        assertEquals(2, stage.ownFills());
    }

    @Test
    void aSnapshotCarriesOurQuantityCappedByItsLevels() {
        stage.onEvent(events.ownDelta(M, BOOK_YES, 4600, 100), true);
        stage.onEvent(events.ownDelta(M, BOOK_YES, 4500, 50), true);
        // a two-chunk snapshot: half-built, the book reads the exchange's levels (and is not trusted)
        stage.onEvent(events.snapshot(M, BookSnapshotEvent.FLAG_FIRST, levels(4600, 100, 4500, 30), levels()), true);
        assertFalse(book().isNettingOwnOrders());
        assertEquals(4600, book().bestBid());
        stage.onEvent(events.snapshot(M, BookSnapshotEvent.FLAG_LAST, levels(), levels(5200, 3000)), true);
        assertTrue(book().isNettingOwnOrders());
        assertEquals(100, book().ownBidQtyAt(4600), "still ours: the snapshot has no tags to say otherwise");
        assertEquals(30, book().ownBidQtyAt(4500), "capped by the level");
        assertEquals(OrderBook.NO_PRICE, book().bestBid(), "both bid levels are ours");
        assertEquals(4800, book().bestAsk());
        // someone joins 0.45, and our 30 there stay netted out
        stage.onEvent(events.delta(M, BOOK_YES, 4500, 70), true);
        assertEquals(4500, book().bestBid());
        assertEquals(70, book().bestBidQty());
        // a stale quantity (our order left in the gap) clears the first time its level empties
        stage.onEvent(events.delta(M, BOOK_YES, 4500, -100), true);
        assertEquals(0, book().ownBidQtyAt(4500));
        stage.onEvent(events.delta(M, BOOK_YES, 4500, 40), true);
        assertEquals(40, book().bestBidQty());
    }

    @Test
    void withNettingOffTaggedDeltasAreJustDeltas() {
        BookStage plain = new BookStage(16, BookSettings.DEFAULT.withNetOwnOrders(false));
        plain.onEvent(events.definition(M, Codes.STATUS_OPEN, Events.CENT), true);
        plain.onEvent(events.fullSnapshot(M, levels(4500, 1000), levels(5200, 3000)), true);
        plain.onEvent(events.ownDelta(M, BOOK_YES, 4600, 100), true);
        assertFalse(plain.book(M).isNettingOwnOrders());
        assertEquals(4600, plain.book(M).bestBid());
        assertEquals(1, plain.ownDeltas());
    }

    /**
     * Random tagged and untagged deltas, maker fills (some delivered twice) and snapshots on one market,
     * against a reference that applies the documented rules to TreeMaps; after every event every level
     * of both views, the best prices, sizes, depth and level counts must match.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 7, 2026})
    void matchesAReferenceOfTheRules(long seed) {
        Random rnd = new Random(seed);
        BookStage s = new BookStage(16, BookSettings.DEFAULT.withDepthLevels(3));
        Events ev = new Events();
        s.onEvent(ev.definition(M, Codes.STATUS_OPEN, Events.CENT), true);
        Reference ref = new Reference();
        long[] prices = new long[128];
        long[] quantities = new long[128];
        Set<String> tradeIds = new HashSet<>();
        int netted = 0;
        for (int n = 0; n < 50_000; n++) {
            int op = rnd.nextInt(100);
            if (op < 1 || n == 0) {
                long[] yes = {4000 + 100 * rnd.nextInt(5), 1 + rnd.nextInt(500)};
                long[] no = {5100 + 100 * rnd.nextInt(5), 1 + rnd.nextInt(500)};
                s.onEvent(ev.fullSnapshot(M, yes, no), true);
                ref.snapshot(yes[0], yes[1], 10_000 - no[0], no[1]);
            } else if (op < 90) {
                boolean bid = rnd.nextBoolean();
                long yesPrice = bid ? 4000 + 100 * rnd.nextInt(9) : 5100 + 100 * rnd.nextInt(9);
                long full = ref.full(bid, yesPrice);
                boolean tagged = rnd.nextInt(3) == 0;
                long d = rnd.nextBoolean() || full == 0 ? 1 + rnd.nextInt(200) : -(1 + rnd.nextInt((int) Math.min(full, 300)));
                byte side = bid ? BOOK_YES : BOOK_NO;
                long ladderPrice = bid ? yesPrice : 10_000 - yesPrice;
                s.onEvent(tagged ? ev.ownDelta(M, side, ladderPrice, d) : ev.delta(M, side, ladderPrice, d), true);
                ref.delta(bid, yesPrice, d, tagged);
            } else {
                boolean bid = rnd.nextBoolean();
                long yesPrice = bid ? 4000 + 100 * rnd.nextInt(9) : 5100 + 100 * rnd.nextInt(9);
                String id = !tradeIds.isEmpty() && rnd.nextInt(4) == 0 ? tradeIds.iterator().next() : "t" + n;
                long count = 1 + rnd.nextInt(100);
                s.onEvent(ev.fill(M, id, bid ? Codes.BID : Codes.ASK, yesPrice, count, false), true);
                if (tradeIds.add(id) && ref.active) {
                    ref.fill(bid, yesPrice, count);
                }
            }
            OrderBook b = s.book(M);
            assertEquals(ref.active, b.isNettingOwnOrders(), "netting at event " + n);
            netted += ref.active ? 1 : 0;
            int nb = b.copyBids(prices, quantities);
            assertEquals(ref.view(true), levelsOf(prices, quantities, nb), "bids at event " + n);
            int na = b.copyAsks(prices, quantities);
            assertEquals(ref.view(false), levelsOf(prices, quantities, na), "asks at event " + n);
            assertEquals(ref.best(true), b.bestBid(), "best bid at event " + n);
            assertEquals(ref.best(false), b.bestAsk(), "best ask at event " + n);
            assertEquals(ref.depth(true, 3), b.depthBidQty(), "bid depth at event " + n);
            assertEquals(ref.depth(false, 3), b.depthAskQty(), "ask depth at event " + n);
            for (long p = 4000; p <= 6000; p += 100) {
                assertEquals(ref.own(true, p), b.ownBidQtyAt(p), "own bid at " + p + ", event " + n);
                assertEquals(ref.own(false, p), b.ownAskQtyAt(p), "own ask at " + p + ", event " + n);
                assertEquals(ref.full(true, p), b.exchangeBidQtyAt(p));
                assertEquals(ref.full(false, p), b.exchangeAskQtyAt(p));
            }
        }
        assertTrue(netted > 10_000, "the stream must exercise the netting: " + netted);
    }

    private static Map<Long, Long> levelsOf(long[] prices, long[] quantities, int n) {
        Map<Long, Long> m = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            m.put(prices[i], quantities[i]);
        }
        return m;
    }

    /** The rules of {@link OwnOrderNetting}, written the obvious way. Asks are keyed by YES price. */
    private static final class Reference {
        final TreeMap<Long, Long> fullBids = new TreeMap<>();
        final TreeMap<Long, Long> fullAsks = new TreeMap<>();
        final TreeMap<Long, Long> ownBids = new TreeMap<>();
        final TreeMap<Long, Long> ownAsks = new TreeMap<>();
        boolean active;

        void snapshot(long bid, long bidQty, long ask, long askQty) {
            fullBids.clear();
            fullAsks.clear();
            fullBids.put(bid, bidQty);
            fullAsks.put(ask, askQty);
            ownBids.replaceAll((p, o) -> Math.min(o, full(true, p)));
            ownAsks.replaceAll((p, o) -> Math.min(o, full(false, p)));
        }

        long full(boolean bid, long p) {
            return (bid ? fullBids : fullAsks).getOrDefault(p, 0L);
        }

        long own(boolean bid, long p) {
            return active ? (bid ? ownBids : ownAsks).getOrDefault(p, 0L) : 0;
        }

        void delta(boolean bid, long p, long d, boolean tagged) {
            long full = full(bid, p) + d;
            (bid ? fullBids : fullAsks).put(p, full);
            if (tagged && !active && d > 0) {
                active = true;
            }
            if (!active) {
                return;
            }
            long o = own(bid, p);
            o = tagged ? Math.min(full, Math.max(0, o + d)) : Math.min(o, full);
            (bid ? ownBids : ownAsks).put(p, o);
        }

        void fill(boolean bid, long p, long count) {
            (bid ? ownBids : ownAsks).put(p, Math.min(full(bid, p), Math.max(0, own(bid, p) - count)));
        }

        Map<Long, Long> view(boolean bid) {
            Map<Long, Long> m = new TreeMap<>();
            for (Map.Entry<Long, Long> e : (bid ? fullBids : fullAsks).entrySet()) {
                long q = e.getValue() - own(bid, e.getKey());
                if (q > 0) {
                    m.put(e.getKey(), q);
                }
            }
            return m;
        }

        long best(boolean bid) {
            TreeMap<Long, Long> v = new TreeMap<>(view(bid));
            if (v.isEmpty()) {
                return OrderBook.NO_PRICE;
            }
            return bid ? v.lastKey() : v.firstKey();
        }

        long depth(boolean bid, int n) {
            TreeMap<Long, Long> v = new TreeMap<>(view(bid));
            long sum = 0;
            int k = 0;
            for (long q : (bid ? v.descendingMap() : v).values()) {
                if (k++ == n) {
                    break;
                }
                sum += q;
            }
            return sum;
        }
    }
}

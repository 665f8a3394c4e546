package io.kengine.protocol.units;

import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.TopOfBookNote;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static io.kengine.protocol.units.TickGrid.NO_PRICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TickGridTest {
    /** linear_cent: $0.01 over [0, 1]. */
    static final TickGrid CENT = TickGrid.uniform(FixedPoint.CENT);
    /** tapered_deci_cent: $0.001 below 0.10 and above 0.90, $0.01 between. */
    static final TickGrid TAPERED = new TickGrid(
        new long[] {0, 1_000, 9_000}, new long[] {1_000, 9_000, 10_000}, new long[] {10, 100, 10});
    /** A sub-penny centre with deci-cent edges, then cent: four ranges, steps 0.0001 to 0.01. */
    static final TickGrid SUB_PENNY = new TickGrid(
        new long[] {0, 500, 4_000, 6_000, 9_500}, new long[] {500, 4_000, 6_000, 9_500, 10_000},
        new long[] {10, 100, 1, 100, 10});

    @Test
    void linearCent() {
        assertEquals(0, CENT.minPrice());
        assertEquals(10_000, CENT.maxPrice());
        assertTrue(CENT.isOnGrid(5_600));
        assertFalse(CENT.isOnGrid(5_601));
        assertFalse(CENT.isOnGrid(-100));
        assertFalse(CENT.isOnGrid(10_100));
        assertEquals(5_600, CENT.floor(5_650));
        assertEquals(5_700, CENT.ceil(5_601));
        assertEquals(5_600, CENT.ceil(5_600));
        assertEquals(5_700, CENT.nextUp(5_600));
        assertEquals(5_500, CENT.nextDown(5_600));
        assertEquals(5_700, CENT.nextUp(5_650));
        assertEquals(5_600, CENT.nextDown(5_650));
        assertEquals(100, CENT.tickAt(0));
        assertEquals(100, CENT.tickAt(10_000));
        assertEquals(NO_PRICE, CENT.tickAt(10_001));
        assertEquals(NO_PRICE, CENT.tickAt(-1));
        // Beyond the ends.
        assertEquals(NO_PRICE, CENT.nextUp(10_000));
        assertEquals(NO_PRICE, CENT.nextDown(0));
        assertEquals(NO_PRICE, CENT.floor(-1));
        assertEquals(NO_PRICE, CENT.ceil(10_001));
        assertEquals(10_000, CENT.floor(20_000));
        assertEquals(0, CENT.ceil(-5));
        assertEquals(10_000, CENT.floor(Long.MAX_VALUE));
        assertEquals(0, CENT.ceil(Long.MIN_VALUE));
        assertEquals(NO_PRICE, CENT.nextUp(Long.MAX_VALUE));
        assertEquals(NO_PRICE, CENT.nextDown(Long.MIN_VALUE));
        assertEquals(0, CENT.nextUp(Long.MIN_VALUE));
        assertEquals(10_000, CENT.nextDown(Long.MAX_VALUE));
        assertEquals(TopOfBookNote.NO_PRICE, NO_PRICE);
    }

    @Test
    void taperedDeciCentAcrossItsBoundaries() {
        assertTrue(TAPERED.isOnGrid(990));
        assertFalse(TAPERED.isOnGrid(995));
        assertTrue(TAPERED.isOnGrid(1_000));
        assertFalse(TAPERED.isOnGrid(1_010), "0.101 is between cents in the middle range");
        assertTrue(TAPERED.isOnGrid(9_000));
        assertTrue(TAPERED.isOnGrid(9_010));
        assertFalse(TAPERED.isOnGrid(8_990));

        // Lower boundary at 0.10: fine below, coarse above.
        assertEquals(10, TAPERED.tickAt(999));
        assertEquals(100, TAPERED.tickAt(1_000));
        assertEquals(1_000, TAPERED.nextUp(990));
        assertEquals(1_100, TAPERED.nextUp(1_000));
        assertEquals(990, TAPERED.nextDown(1_000));
        assertEquals(1_000, TAPERED.nextDown(1_100));
        assertEquals(1_000, TAPERED.ceil(995));
        assertEquals(990, TAPERED.floor(995));
        assertEquals(1_000, TAPERED.floor(1_050));
        assertEquals(1_100, TAPERED.ceil(1_050));

        // Upper boundary at 0.90: coarse below, fine above.
        assertEquals(100, TAPERED.tickAt(8_999));
        assertEquals(10, TAPERED.tickAt(9_000));
        assertEquals(9_000, TAPERED.nextUp(8_900));
        assertEquals(9_010, TAPERED.nextUp(9_000));
        assertEquals(8_900, TAPERED.nextDown(9_000));
        assertEquals(9_000, TAPERED.nextDown(9_010));
        assertEquals(9_000, TAPERED.floor(9_005));
        assertEquals(9_010, TAPERED.ceil(9_005));
        assertEquals(8_900, TAPERED.floor(8_950));
        assertEquals(9_000, TAPERED.ceil(8_950));

        assertEquals(10_000, TAPERED.nextUp(9_990));
        assertEquals(10, TAPERED.tickAt(10_000));
        assertEquals(10, TAPERED.finestStep());
    }

    @Test
    void subPennyCentre() {
        assertTrue(SUB_PENNY.isOnGrid(5_001));
        assertFalse(SUB_PENNY.isOnGrid(3_901));
        assertEquals(1, SUB_PENNY.tickAt(4_000));
        assertEquals(100, SUB_PENNY.tickAt(3_999));
        assertEquals(3_900, SUB_PENNY.nextDown(4_000));
        assertEquals(4_001, SUB_PENNY.nextUp(4_000));
        assertEquals(5_999, SUB_PENNY.nextDown(6_000));
        assertEquals(6_100, SUB_PENNY.nextUp(6_000));
        assertEquals(100, SUB_PENNY.tickAt(6_000));
        assertEquals(1, SUB_PENNY.tickAt(5_999));
        assertEquals(1, SUB_PENNY.finestStep());
        assertEquals(5, SUB_PENNY.rangeCount());

        TickGrid all = TickGrid.uniform(1);
        for (long p = 0; p <= FixedPoint.PRICE_ONE; p++) {
            assertTrue(all.isOnGrid(p));
            assertEquals(p, all.floor(p));
            assertEquals(p == 10_000 ? NO_PRICE : p + 1, all.nextUp(p));
        }
    }

    @Test
    void wholeCentsAreOnEveryKalshiStructure() {
        for (TickGrid g : new TickGrid[] {CENT, TAPERED, SUB_PENNY, TickGrid.uniform(10), TickGrid.uniform(1)}) {
            for (long p = 0; p <= FixedPoint.PRICE_ONE; p += FixedPoint.CENT) {
                assertTrue(g.isOnGrid(p), g + " " + p);
            }
        }
    }

    /** Every query agrees with a brute-force scan over the grid points, on fixed and random grids. */
    @Test
    void agreesWithANaiveGridOnEveryPrice() {
        List<TickGrid> grids = new ArrayList<>(List.of(CENT, TAPERED, SUB_PENNY, TickGrid.uniform(1), TickGrid.uniform(FixedPoint.PRICE_ONE)));
        SplittableRandom rnd = new SplittableRandom(3);
        for (int i = 0; i < 40; i++) {
            grids.add(randomGrid(rnd));
        }
        for (TickGrid g : grids) {
            boolean[] on = new boolean[(int) FixedPoint.PRICE_ONE + 1];
            for (int r = 0; r < g.rangeCount(); r++) {
                for (long p = g.rangeStart(r); p <= g.rangeEnd(r); p += g.rangeStep(r)) {
                    on[(int) p] = true;
                }
            }
            for (long p = -3; p <= FixedPoint.PRICE_ONE + 3; p++) {
                String at = g + " at " + p;
                boolean inside = p >= g.minPrice() && p <= g.maxPrice();
                assertEquals(inside && on[(int) p], g.isOnGrid(p), at);
                assertEquals(naiveFloor(on, g, p), g.floor(p), at);
                assertEquals(naiveCeil(on, g, p), g.ceil(p), at);
                assertEquals(naiveFloor(on, g, p - 1), g.nextDown(p), at);
                assertEquals(naiveCeil(on, g, p + 1), g.nextUp(p), at);
                assertEquals(naiveTick(g, p), g.tickAt(p), at);
                if (inside && on[(int) p] && p < g.maxPrice()) {
                    assertEquals(p + g.tickAt(p), g.nextUp(p), "an on-grid price steps up by its tick: " + at);
                }
            }
        }
    }

    private static long naiveFloor(boolean[] on, TickGrid g, long p) {
        for (long q = Math.min(p, g.maxPrice()); q >= g.minPrice(); q--) {
            if (on[(int) q]) {
                return q;
            }
        }
        return NO_PRICE;
    }

    private static long naiveCeil(boolean[] on, TickGrid g, long p) {
        for (long q = Math.max(p, g.minPrice()); q <= g.maxPrice(); q++) {
            if (on[(int) q]) {
                return q;
            }
        }
        return NO_PRICE;
    }

    private static long naiveTick(TickGrid g, long p) {
        for (int r = 0; r < g.rangeCount(); r++) {
            boolean last = r == g.rangeCount() - 1;
            if (p >= g.rangeStart(r) && (p < g.rangeEnd(r) || (last && p == g.rangeEnd(r)))) {
                return g.rangeStep(r);
            }
        }
        return NO_PRICE;
    }

    /** Contiguous ranges over a random sub-interval of [0, 1], each with a step dividing it. */
    private static TickGrid randomGrid(SplittableRandom rnd) {
        long[] stepChoices = {1, 2, 5, 10, 25, 50, 100, 500};
        int n = 1 + rnd.nextInt(MarketDefinitionEvent.MAX_PRICE_RANGES);
        long[] s = new long[n];
        long[] e = new long[n];
        long[] st = new long[n];
        long at = rnd.nextBoolean() ? 0 : 100L * rnd.nextInt(10);
        for (int i = 0; i < n; i++) {
            long step = stepChoices[rnd.nextInt(stepChoices.length)];
            long room = (FixedPoint.PRICE_ONE - at) / step;
            long k = room <= 1 ? 1 : 1 + rnd.nextLong(Math.min(room, 2_000 / step + 1));
            if (at + k * step > FixedPoint.PRICE_ONE) {
                step = 1;
                k = Math.max(1, Math.min(FixedPoint.PRICE_ONE - at, 7));
            }
            s[i] = at;
            st[i] = step;
            e[i] = at + k * step;
            at = e[i];
            if (at >= FixedPoint.PRICE_ONE) {
                return new TickGrid(java.util.Arrays.copyOf(s, i + 1), java.util.Arrays.copyOf(e, i + 1), java.util.Arrays.copyOf(st, i + 1));
            }
        }
        return new TickGrid(s, e, st);
    }

    @Test
    void rejectsMalformedRanges() {
        assertRejected("one or more", new long[0], new long[0], new long[0]);
        assertRejected("equal numbers", new long[] {0}, new long[] {100, 200}, new long[] {1});
        assertRejected("contiguous", new long[] {0, 1_100}, new long[] {1_000, 10_000}, new long[] {10, 100});   // gap
        assertRejected("contiguous", new long[] {0, 900}, new long[] {1_000, 10_000}, new long[] {10, 100});     // overlap
        assertRejected("contiguous", new long[] {1_000, 0}, new long[] {10_000, 1_000}, new long[] {100, 10});   // out of order
        assertRejected("does not divide", new long[] {0}, new long[] {10_000}, new long[] {300});
        assertRejected("does not divide", new long[] {0}, new long[] {10_000}, new long[] {0});
        assertRejected("does not divide", new long[] {0}, new long[] {10_000}, new long[] {-100});
        assertRejected("not an interval", new long[] {-100}, new long[] {10_000}, new long[] {100});
        assertRejected("not an interval", new long[] {0}, new long[] {10_100}, new long[] {100});
        assertRejected("not an interval", new long[] {500}, new long[] {500}, new long[] {100});
        assertThrows(IllegalArgumentException.class, () -> new TickGrid(null, new long[] {1}, new long[] {1}));
    }

    private static void assertRejected(String why, long[] s, long[] e, long[] st) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> new TickGrid(s, e, st));
        assertTrue(ex.getMessage().contains(why), ex.getMessage());
    }

    @Test
    void copiesItsInputs() {
        long[] s = {0};
        long[] e = {10_000};
        long[] st = {100};
        TickGrid g = new TickGrid(s, e, st);
        st[0] = 1;
        assertEquals(100, g.tickAt(5_000));
    }

    @Test
    void buildsFromAMarketDefinition() {
        EventSlot slot = new EventSlot();
        MarketDefinitionEvent def = new MarketDefinitionEvent().wrapForEncode(slot.event(), 0, 7, EventSource.FEED);
        def.ticker("KXTEST-26JAN01-T50");
        def.addPriceRange(0, 1_000, 10).addPriceRange(1_000, 9_000, 100).addPriceRange(9_000, 10_000, 10);
        TickGrid g = TickGrid.from(def);
        assertEquals(TAPERED, g);
        assertEquals(TAPERED.hashCode(), g.hashCode());
        assertNotEquals(CENT, g);
        assertTrue(g.matches(def));
        assertFalse(CENT.matches(def));
        assertEquals("TickGrid[[0.0000, 0.1000] step 0.0010, [0.1000, 0.9000] step 0.0100, [0.9000, 1.0000] step 0.0010]", g.toString());

        MarketDefinitionEvent empty = new MarketDefinitionEvent().wrapForEncode(slot.event(), 0, 8, EventSource.FEED);
        empty.ticker("KXEMPTY");
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> TickGrid.from(empty));
        assertTrue(ex.getMessage().contains("KXEMPTY"), ex.getMessage());
    }

    @Test
    void queriesAllocateNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        mx.setThreadAllocatedMemoryEnabled(true);
        EventSlot slot = new EventSlot();
        MarketDefinitionEvent def = new MarketDefinitionEvent().wrapForEncode(slot.event(), 0, 7, EventSource.FEED);
        def.addPriceRange(0, 1_000, 10).addPriceRange(1_000, 9_000, 100).addPriceRange(9_000, 10_000, 10);
        long sink = queryLoop(TAPERED, def, 100_000);
        // Best of three rounds: a JIT recompilation can allocate once in a round; a query that
        // allocates would do it a million times in every round.
        long allocated = Long.MAX_VALUE;
        for (int round = 0; round < 3; round++) {
            long before = mx.getCurrentThreadAllocatedBytes();
            sink += queryLoop(TAPERED, def, 1_000_000);
            allocated = Math.min(allocated, mx.getCurrentThreadAllocatedBytes() - before);
        }
        assertTrue(allocated < 1_000, "allocated " + allocated + " bytes (sink " + sink + ")");
    }

    private static long queryLoop(TickGrid g, MarketDefinitionEvent def, int n) {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            long p = i % 10_050 - 20;
            sink += g.floor(p) + g.ceil(p) + g.nextUp(p) + g.nextDown(p) + g.tickAt(p) + (g.isOnGrid(p) ? 1 : 0);
            if ((i & 1023) == 0 && g.matches(def)) {
                sink++;
            }
        }
        return sink;
    }
}

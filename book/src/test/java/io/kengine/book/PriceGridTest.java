package io.kengine.book;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceGridTest {
    @Test
    void centGridHasOneHundredAndOnePoints() {
        PriceGrid g = PriceGrid.of(Events.CENT);
        assertEquals(101, g.size());
        assertEquals(0, g.indexOf(0));
        assertEquals(45, g.indexOf(4500));
        assertEquals(100, g.indexOf(10_000));
        assertEquals(-1, g.indexOf(4550));
        assertEquals(-1, g.indexOf(-100));
        assertEquals(-1, g.indexOf(10_100));
        assertEquals(-1, g.indexOf(Long.MAX_VALUE));
        assertEquals(4500, g.priceAt(45));
        assertEquals(100, g.finestTick());
    }

    @Test
    void taperedGridSharesBoundaryPointsAndTakesTheFinerTickThere() {
        PriceGrid g = PriceGrid.of(Events.TAPERED);
        assertEquals(101 + 80 + 100, g.size()); // 0..1000 by 10, then 1100..9000 by 100, then 9010..10000 by 10
        assertEquals(10, g.tickAt(g.indexOf(1000)));
        assertEquals(10, g.tickAt(g.indexOf(9000)));
        assertEquals(100, g.tickAt(g.indexOf(1100)));
        assertEquals(10, g.tickAt(g.indexOf(990)));
        assertEquals(g.indexOf(990) + 1, g.indexOf(1000));
        assertEquals(g.indexOf(1000) + 1, g.indexOf(1100));
        for (int i = 1; i < g.size(); i++) {
            assertTrue(g.priceAt(i) > g.priceAt(i - 1), "indexes follow prices");
        }
        assertEquals(10, g.finestTick());
    }

    @Test
    void invalidRangesAreNotAGrid() {
        assertThrows(IllegalArgumentException.class, PriceGrid::of);
        assertThrows(IllegalArgumentException.class, () -> PriceGrid.of(0, 10_100, 100));             // beyond $1
        assertThrows(IllegalArgumentException.class, () -> PriceGrid.of(-100, 10_000, 100));          // below 0
        assertThrows(IllegalArgumentException.class, () -> PriceGrid.of(0, 10_000, 300));             // step does not divide
        assertThrows(IllegalArgumentException.class, () -> PriceGrid.of(0, 5_000, 100, 6_000, 10_000, 100)); // gap
        assertThrows(IllegalArgumentException.class, () -> PriceGrid.of(0, 5_000, 100, 4_000, 10_000, 100)); // overlap
        assertThrows(IllegalArgumentException.class, () -> PriceGrid.of(0, 10_000, 0));
        PriceGrid partial = PriceGrid.of(500, 9_500, 50);                                              // need not span [0, 1]
        assertEquals(-1, partial.indexOf(450));
        assertEquals(0, partial.indexOf(500));
        assertEquals(181, partial.size());
    }

    @Test
    void subPennyGridIndexesEveryPrice() {
        PriceGrid g = PriceGrid.of(Events.SUBPENNY);
        assertEquals(10_001, g.size());
        for (int p = 0; p <= 10_000; p += 997) {
            assertEquals(p, g.indexOf(p));
            assertEquals(1, g.tickAt(p));
        }
    }
}

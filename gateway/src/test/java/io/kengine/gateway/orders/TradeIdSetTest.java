package io.kengine.gateway.orders;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TradeIdSetTest {
    @Test
    void remembersTheMostRecentCapacityKeysAgainstANaiveSet() {
        TradeIdSet set = new TradeIdSet(64);
        java.util.ArrayDeque<Long> window = new java.util.ArrayDeque<>();
        Set<Long> naive = new HashSet<>();
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 200_000; i++) {
            long k = r.nextLong(200); // many repeats and collisions of home slots
            boolean expectNew = !naive.contains(k);
            assertEquals(expectNew, set.add(k), "key " + k + " at " + i);
            if (expectNew) {
                window.addLast(k);
                naive.add(k);
                if (window.size() > 64) {
                    naive.remove(window.removeFirst());
                }
            }
            assertEquals(naive.size(), set.size());
        }
        for (long k : naive) {
            assertTrue(set.contains(k));
        }
    }

    @Test
    void zeroIsAKeyLikeAnyOther() {
        TradeIdSet set = new TradeIdSet(16);
        assertTrue(set.add(0));
        assertFalse(set.add(0));
    }
}

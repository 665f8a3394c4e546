package io.kengine.protocol.stage;

import io.kengine.protocol.event.AsciiField;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TradeDedupTest {
    private final UnsafeBuffer b = new UnsafeBuffer(new byte[64]);

    private boolean seen(TradeDedup d, String id) {
        AsciiField.put(b, 0, 40, id);
        return !d.firstTime(b, 0);
    }

    @Test
    void aTradeIdCountsOnce() {
        TradeDedup d = new TradeDedup(16);
        assertFalse(seen(d, "t-1"));
        assertTrue(seen(d, "t-1"));
        assertFalse(seen(d, "t-2"));
        assertFalse(seen(d, "t-10"), "a prefix-sharing id is another trade");
        assertEquals(1, d.duplicates());
    }

    @Test
    void bytesPastTheIdDoNotMatter() {
        TradeDedup d = new TradeDedup(16);
        assertFalse(seen(d, "abcdefghij"));
        AsciiField.put(b, 0, 40, "abc");           // leaves "defghij" behind the shorter id
        assertFalse(!d.firstTime(b, 0), "abc is new");
        b.setMemory(4, 36, (byte) 0);
        assertTrue(!d.firstTime(b, 0), "the same abc with other trailing bytes is a duplicate");
        assertFalse(seen(d, "abcdefghijklmnopqrstuvwxyz0123456789ABC"), "39 characters: the longest id");
        assertTrue(seen(d, "abcdefghijklmnopqrstuvwxyz0123456789ABC"));
        assertFalse(seen(d, "abcdefghijklmnopqrstuvwxyz0123456789ABD"), "differs in the last byte");
    }

    @Test
    void emptyIdsCannotBeDeduplicated() {
        TradeDedup d = new TradeDedup(16);
        assertFalse(seen(d, ""));
        assertFalse(seen(d, ""));
        assertEquals(2, d.withoutId());
    }

    @Test
    void remembersAtLeastHalfTheCapacityOfRecentIds() {
        TradeDedup d = new TradeDedup(64);
        for (int i = 0; i < 1000; i++) {
            assertFalse(seen(d, "id-" + i));
            for (int back = 1; back <= 32 && back <= i; back++) {
                assertTrue(seen(d, "id-" + (i - back)), "id-" + (i - back) + " forgotten at " + i);
            }
        }
    }

    @Test
    void remembersExactlyTheCapacityMostRecentIds() {
        TradeDedup d = new TradeDedup(64);
        for (int i = 0; i < 64; i++) {
            assertFalse(seen(d, "id-" + i));
        }
        assertEquals(64, d.size());
        assertTrue(seen(d, "id-0"), "the oldest of 64 is still remembered");
        assertFalse(seen(d, "id-64"));                        // pushes id-0 out
        assertFalse(seen(d, "id-0"), "the 65th id forgets the oldest");
        assertTrue(seen(d, "id-2"));
    }

    @Test
    void rejectsCapacitiesThatAreNotPowersOfTwoInRange() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new TradeDedup(48));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new TradeDedup(2));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new TradeDedup(1 << 16));
    }

    /**
     * Against a reference (a HashSet plus a FIFO of the capacity most recent distinct ids) on random ids of
     * every length 1–39 and every alphabet size, with many repeats (duplicates inside and just outside the
     * window), ids sharing prefixes, ids that differ only past the 8-byte word boundaries, and a tiny
     * capacity so buckets fill and spill.
     */
    @Test
    void agreesWithAHashSetOfTheMostRecentIds() {
        long spills = 0;
        for (int capacity : new int[] {4, 16, 256, 4096}) {
            Random r = new Random(capacity * 31L + 7);
            TradeDedup d = new TradeDedup(capacity);
            HashSet<String> set = new HashSet<>();
            ArrayDeque<String> fifo = new ArrayDeque<>();
            ArrayDeque<String> recent = new ArrayDeque<>(); // ids offered lately, to draw repeats from
            long dups = 0;
            for (int step = 0; step < 200_000; step++) {
                String id;
                int kind = r.nextInt(10);
                if (kind < 3 && !recent.isEmpty()) {
                    id = recent.toArray(new String[0])[r.nextInt(recent.size())]; // a repeat, maybe already forgotten
                } else if (kind < 5) {
                    id = Long.toString(r.nextInt(capacity * 3), 36);              // small space: many collisions
                } else if (kind < 6) {
                    char[] c = new char[8 * (1 + r.nextInt(4)) - 1 + r.nextInt(3)];  // around word boundaries
                    java.util.Arrays.fill(c, 'x');
                    c[r.nextInt(c.length)] = (char) ('a' + r.nextInt(3));
                    id = new String(c, 0, Math.min(c.length, 39));
                } else {
                    int len = 1 + r.nextInt(39);
                    StringBuilder sb = new StringBuilder(len);
                    for (int k = 0; k < len; k++) {
                        sb.append((char) ('0' + r.nextInt(kind == 9 ? 2 : 75)));
                    }
                    id = sb.toString();
                }
                boolean expectedFirst = !set.contains(id);
                if (expectedFirst) {
                    set.add(id);
                    fifo.addLast(id);
                    if (fifo.size() > capacity) {
                        set.remove(fifo.removeFirst());
                    }
                } else {
                    dups++;
                }
                AsciiField.put(b, 0, 40, id);
                assertEquals(expectedFirst, d.firstTime(b, 0), "capacity " + capacity + " step " + step + " id " + id);
                recent.addLast(id);
                if (recent.size() > capacity + capacity / 2) {
                    recent.removeFirst();
                }
            }
            assertEquals(dups, d.duplicates());
            assertEquals(set.size(), d.size());
            spills += d.spills();
        }
        assertTrue(spills > 0, "the spill path (a full bucket) was exercised");
    }

    @Test
    void idsAreFoundAgainRoundAfterRound() {
        TradeDedup d = new TradeDedup(32);
        for (int round = 0; round < 50; round++) {
            for (int i = 0; i < 32; i++) {
                assertFalse(seen(d, "r" + round + "-" + i));
            }
            for (int i = 0; i < 32; i++) {
                assertTrue(seen(d, "r" + round + "-" + i));
            }
        }
        assertEquals(50 * 32, d.duplicates());
    }
}

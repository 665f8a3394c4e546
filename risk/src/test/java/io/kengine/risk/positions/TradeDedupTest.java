package io.kengine.risk.positions;

import io.kengine.protocol.event.AsciiField;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

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
}

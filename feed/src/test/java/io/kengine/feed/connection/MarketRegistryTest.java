package io.kengine.feed.connection;

import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MarketRegistryTest {
    @Test
    void denseIdsInOrderAndLookupByStringOrBytes() {
        MarketRegistry r = new MarketRegistry(1_000);
        for (int i = 0; i < 500; i++) {
            assertEquals(i, r.add("KXTEST-26DEC31-T" + i));
        }
        assertEquals(7, r.add("KXTEST-26DEC31-T7"), "adding again keeps the id");
        assertEquals(500, r.size());
        byte[] frame = "xx\"KXTEST-26DEC31-T321\"yy".getBytes(StandardCharsets.US_ASCII);
        UnsafeBuffer b = new UnsafeBuffer(frame);
        assertEquals(321, r.id(b, 3, "KXTEST-26DEC31-T321".length()));
        assertEquals(32, r.id(b, 3, "KXTEST-26DEC31-T32".length()));
        assertEquals(MarketRegistry.UNKNOWN, r.id(b, 2, 5));
        assertEquals(MarketRegistry.UNKNOWN, r.id("NOPE"));
        assertEquals("KXTEST-26DEC31-T499", r.ticker(r.id("KXTEST-26DEC31-T499")));
    }

    @Test
    void capacityIsEnforced() {
        MarketRegistry r = new MarketRegistry(2);
        r.add("A");
        r.add("B");
        assertThrows(IllegalStateException.class, () -> r.add("C"));
    }
}

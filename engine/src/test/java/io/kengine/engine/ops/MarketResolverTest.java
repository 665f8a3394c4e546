package io.kengine.engine.ops;

import io.kengine.protocol.event.EventHeader;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MarketResolverTest {
    private final MarketResolver resolver = new MarketResolver(t -> Map.of("KXBTC-25", 4).getOrDefault(t, -1));

    @Test
    void allIdsAndTickers() {
        assertEquals(EventHeader.NO_MARKET, resolver.resolve(null));
        assertEquals(EventHeader.NO_MARKET, resolver.resolve(""));
        assertEquals(EventHeader.NO_MARKET, resolver.resolve("ALL"));
        assertEquals(12, resolver.resolve("#12"));
        assertEquals(4, resolver.resolve("KXBTC-25"));
        assertEquals("unknown market 'KXETH' (give a ticker the engine trades, #id, or all)",
            assertThrows(IllegalArgumentException.class, () -> resolver.resolve("KXETH")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> resolver.resolve("#-1"));
        assertThrows(IllegalArgumentException.class, () -> resolver.resolve("#x"));
        assertThrows(IllegalArgumentException.class, () -> MarketResolver.none().resolve("KXBTC-25"));
    }
}

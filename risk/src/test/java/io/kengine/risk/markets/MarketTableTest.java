package io.kengine.risk.markets;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.MarketDefinitionEvent;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link MarketTable#tradable}'s division-free close test equals {@code now / 10^6 < closeTimeMs}. */
class MarketTableTest {
    @Test
    void closeTestMatchesTheDivision() {
        MarketTable t = new MarketTable(4);
        UnsafeBuffer b = new UnsafeBuffer(new byte[1024]);
        Random r = new Random(61);
        long[] closes = {1, 2, 999, 1_000_000, 1_795_244_400_000L, Long.MAX_VALUE / 1_000_000 - 1, Long.MAX_VALUE / 1_000_000,
            Long.MAX_VALUE / 1_000_000 + 1, Long.MAX_VALUE - 1, 0, -5};
        for (int i = 0; i < 2_000; i++) {
            long close = i < closes.length ? closes[i] : r.nextBoolean() ? 1 + (r.nextLong() >>> 1) % 10_000_000_000_000L
                : r.nextLong();
            new MarketDefinitionEvent().wrapForEncode(b, 0, 1, EventSource.FEED).ticker("T").eventTicker("E")
                .status(Codes.STATUS_OPEN).closeTimeMs(close);
            MarketDefinitionEvent d = new MarketDefinitionEvent();
            d.wrap(b, 0);
            t.define(1, d);
            long c = t.closeTimeMs(1);
            for (int k = 0; k < 50; k++) {
                long now;
                switch (k % 5) {
                    case 0: now = c > Long.MAX_VALUE / 1_000_000 ? r.nextLong() : c * 1_000_000 + (r.nextInt(3) - 1); break;
                    case 1: now = c > Long.MAX_VALUE / 1_000_000 ? Long.MAX_VALUE - r.nextInt(3) : c * 1_000_000 - 1 - r.nextInt(2); break;
                    case 2: now = -r.nextInt(2_000_000); break;
                    case 3: now = k == 3 ? Long.MIN_VALUE : Long.MAX_VALUE; break;
                    default: now = r.nextLong(); break;
                }
                assertEquals(now / 1_000_000 < c, t.tradable(1, now), "close " + c + " now " + now);
            }
        }
    }
}

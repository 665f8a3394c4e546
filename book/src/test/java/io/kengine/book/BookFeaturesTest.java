package io.kengine.book;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.stage.BookFeaturesNote;
import io.kengine.protocol.stage.BookTrust;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.kengine.book.Events.levels;
import static io.kengine.protocol.event.Codes.BOOK_NO;
import static io.kengine.protocol.event.Codes.BOOK_YES;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each feature against a value worked out by hand (the arithmetic is in the comments). */
class BookFeaturesTest {
    private static final int M = 1;
    private static final long SECOND = 1_000_000_000L;
    private static final long T0_MS = 1_700_000_000_000L;          // epoch ms
    private static final long T0 = T0_MS * 1_000_000L;              // epoch ns
    private static final long CLOSE_MS = T0_MS + 3_600_000L;         // one hour after T0

    private final BookStage stage = new BookStage(16, new BookSettings(2, 0, 10 * SECOND, 10 * SECOND));
    private final Events events = new Events();
    private final BookFeaturesNote note = new BookFeaturesNote().wrap(events.slot());

    @BeforeEach
    void snapshot() {
        events.at(T0);
        stage.onEvent(events.definitionClosing(M, Codes.STATUS_OPEN, CLOSE_MS, Events.CENT), true);
        // bids 0.45 x 10.00, 0.44 x 5.00; NO bids 0.52 x 30.00 (ask 0.48), 0.50 x 2.00 (ask 0.50)
        stage.onEvent(events.fullSnapshot(M, levels(4500, 1000, 4400, 500), levels(5200, 3000, 5000, 200)), true);
    }

    private OrderBook book() {
        return stage.book(M);
    }

    @Test
    void spreadMidMicropriceAndImbalances() {
        OrderBook b = book();
        assertEquals(300, b.spread());                 // 0.48 - 0.45
        assertEquals(4650, b.mid());                   // (4500 + 4800) / 2
        // (4500 x 3000 + 4800 x 1000) / 4000 = 18 300 000 / 4000 = 4575
        assertEquals(4575, b.microprice());
        assertEquals(-5000, b.imbalanceTopBps());      // (1000 - 3000) / 4000 = -0.5
        // N = 2: bids 1000 + 500 = 1500, asks 3000 + 200 = 3200; -1700 / 4700 = -0.36170... -> -3617 (toward zero)
        assertEquals(1500, b.depthBidQty());
        assertEquals(3200, b.depthAskQty());
        assertEquals(-3617, b.imbalanceDepthBps());

        assertEquals(M, note.marketId());
        assertEquals(BookTrust.TRUSTED, note.trust());
        assertEquals(T0, note.lastUpdateNanos());
        assertEquals(4650, note.mid());
        assertEquals(4575, note.microprice());
        assertEquals(-5000, note.imbalanceTopBps());
        assertEquals(-3617, note.imbalanceDepthBps());

        // a third bid level is outside N = 2 and does not count; one better than the edge pushes 0.44 out
        stage.onEvent(events.delta(M, BOOK_YES, 4300, 9999), true);
        assertEquals(1500, book().depthBidQty());
        stage.onEvent(events.delta(M, BOOK_YES, 4600, 100), true);
        assertEquals(1100, book().depthBidQty());      // 0.46 x 100 + 0.45 x 1000
        stage.onEvent(events.delta(M, BOOK_YES, 4600, -100), true);
        assertEquals(1500, book().depthBidQty());      // 0.44 is back in
        stage.onEvent(events.delta(M, BOOK_YES, 4500, -1000), true);
        assertEquals(500 + 9999, book().depthBidQty()); // 0.43 moves in
        // 500 + 9999 = 10499 vs 3200: 7299 / 13699 = 0.53281... -> 5328
        assertEquals(5328, book().imbalanceDepthBps());
    }

    @Test
    void micropriceRoundsDownAndHandlesOneSidedBooks() {
        // bid 0.45 x 3.00, ask 0.48 x 4.00: (4500 x 400 + 4800 x 300) / 700 = 3 240 000 / 700 = 4628.57 -> 4628
        stage.onEvent(events.delta(M, BOOK_YES, 4500, -700), true);
        stage.onEvent(events.delta(M, BOOK_NO, 5200, -2600), true);
        assertEquals(4628, book().microprice());
        assertEquals(-1428, book().imbalanceTopBps()); // -100 / 700 = -0.142857 -> -1428

        stage.onEvent(events.fullSnapshot(M, levels(4500, 300), levels()), true);
        assertEquals(OrderBook.NO_VALUE, book().spread());
        assertEquals(OrderBook.NO_PRICE, book().mid());
        assertEquals(OrderBook.NO_PRICE, book().microprice());
        assertEquals(10_000, book().imbalanceTopBps()); // all on the bid side
        assertEquals(OrderBook.NO_PRICE, note.microprice());
    }

    @Test
    void midRoundsDownOnASubPennyGrid() {
        stage.onEvent(events.definition(2, Codes.STATUS_OPEN, Events.SUBPENNY), true);
        stage.onEvent(events.fullSnapshot(2, levels(4501, 100), levels(10_000 - 4504, 100)), true);
        assertEquals(3, stage.book(2).spread());
        assertEquals(4502, stage.book(2).mid());        // 4502.5 -> 4502
        assertEquals(4502, stage.book(2).microprice()); // equal sizes: 4501 + 3 x 100 / 200 = 4502.5 -> 4502
    }

    @Test
    void volatilityOfTheMidInEventTime() {
        assertEquals(0, book().midVolatility());      // one mid, no step yet
        // at T0 + 10 s the ask goes 0.48 -> 0.50: mid 4650 -> 4750, a step of 100 price units
        events.at(T0 + 10 * SECOND);
        stage.onEvent(events.delta(M, BOOK_NO, 5200, -3000), true);
        // variance rate = 100^2 / tau(10 s) = 1000 units^2/s; vol = sqrt(1000) = 31.6228 units/sqrt(s) -> 3162 in 0.01 units
        assertEquals(3162, book().midVolatility());
        assertEquals(3162, note.volatility());
        // 10 s later, nothing moved: 1000 x e^-1 = 367.879; sqrt = 19.1802 -> 1918
        events.at(T0 + 20 * SECOND);
        stage.onEvent(events.ticker(M), true);
        assertEquals(1918, book().midVolatility());
        assertEquals(1918, note.volatility());
        // a size change that leaves the mid alone adds nothing
        stage.onEvent(events.delta(M, BOOK_YES, 4500, 1), true);
        assertEquals(1918, book().midVolatility());
    }

    @Test
    void tradeIntensityInEventTime() {
        events.at(T0 + SECOND);
        stage.onEvent(events.trade(M, 4500, 100), true);
        stage.onEvent(events.trade(M, 4500, 100), true);   // same timestamp: no division by zero
        assertEquals(200, book().tradeIntensity());          // 2 / tau(10 s) = 0.2 trades/s = 200 milli
        assertEquals(200, note.tradeIntensity());
        events.at(T0 + 11 * SECOND);
        stage.onEvent(events.ticker(M), true);
        assertEquals(74, book().tradeIntensity());           // 0.2 x e^-1 = 0.0735759 -> 74
        events.at(T0 + 5 * SECOND);                           // an older timestamp decays nothing
        stage.onEvent(events.ticker(M), true);
        assertEquals(74, book().tradeIntensity());
    }

    @Test
    void timeToCloseFromTheDefinitionAndTheEventTime() {
        assertEquals(3_600_000, book().timeToCloseMs());
        events.at(T0 + 1_500 * 1_000_000L + 999_999);      // 1.500999999 s later: whole ms, rounded down
        stage.onEvent(events.ticker(M), true);
        assertEquals(3_600_000 - 1_500, book().timeToCloseMs());
        assertEquals(3_598_500, note.timeToCloseMs());
        events.at((CLOSE_MS + 1_000) * 1_000_000L);
        stage.onEvent(events.ticker(M), true);
        assertEquals(0, note.timeToCloseMs());                // after the close
        stage.onEvent(events.definition(3, Codes.STATUS_OPEN, Events.CENT), true);
        assertEquals(OrderBook.NO_VALUE, stage.book(3).timeToCloseMs()); // no close time given
    }
}

package io.kengine.bench;

import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.stage.BookFeaturesNote;
import io.kengine.protocol.stage.BookTrust;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.Stage;
import io.kengine.protocol.stage.TopOfBookNote;

/**
 * Pre-built slots for {@link PricingBenchmark}: a book delta event with the book stage's notes already
 * in it (top of book + features, as the book stage writes them), so the benchmark measures the pricing
 * stage alone, as it runs after the book stage on the ring.
 */
final class PricingBenchEvents {
    static final long START_NANOS = 1_795_244_180_000_000_000L;
    static final int LIVE = TopOfBookNote.FLAG_VALID | TopOfBookNote.FLAG_TRUSTED | TopOfBookNote.FLAG_CHANGED;

    private PricingBenchEvents() {
    }

    /** A changed, trusted book of {@code market}: bid/ask with sizes, microprice, depth imbalance, volatility, intensity. */
    static EventSlot book(int market, long bid, long bidQty, long ask, long askQty, long microprice, long imbalanceBps,
                          long volatility, long intensity) {
        EventSlot s = new EventSlot();
        new BookDeltaEvent().wrapForEncode(s.event(), 0, market, EventSource.FEED).side(Codes.BOOK_YES).price(bid).delta(100);
        new TopOfBookNote().wrap(s).set(market, LIVE, bid, bidQty, ask, askQty, 100);
        new BookFeaturesNote().wrap(s).set(market, BookTrust.TRUSTED, START_NANOS, (bid + ask) / 2, microprice,
            imbalanceBps, imbalanceBps, volatility, intensity, BookFeaturesNote.NO_VALUE);
        return s;
    }

    static void config(Stage stage, String key, String value) {
        EventSlot s = new EventSlot();
        new ConfigChangeEvent().wrapForEncode(s.event(), 0, EventSource.ENGINE).key(key).value(value);
        run(stage, s);
    }

    static void define(Stage stage, int market, String ticker, String event, long closeTimeMs) {
        EventSlot s = new EventSlot();
        new MarketDefinitionEvent().wrapForEncode(s.event(), 0, market, EventSource.FEED)
            .status(Codes.STATUS_OPEN).ticker(ticker).eventTicker(event).seriesTicker("KXBENCH")
            .closeTimeMs(closeTimeMs).fractionalTrading(false).addPriceRange(0, 10_000, 100);
        run(stage, s);
    }

    private static void run(Stage stage, EventSlot s) {
        EventHeader.timestampNanos(s.event(), 0, START_NANOS);
        stage.onEvent(s, true);
    }
}

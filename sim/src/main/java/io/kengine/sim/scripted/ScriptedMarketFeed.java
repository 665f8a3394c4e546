package io.kengine.sim.scripted;

import io.kengine.protocol.event.BookDeltaEvent;
import io.kengine.protocol.event.BookSnapshotEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventSource;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.event.TradeEvent;
import io.kengine.protocol.stage.EventPublisher;

import java.util.SplittableRandom;

/**
 * A deterministic stand-in for market data until the Kalshi simulator lands: a handful of cent-grid
 * markets whose books random-walk around a drifting fair price. The same seed gives the same event
 * sequence, which the determinism tests and benchmarks rely on. Books it produces never cross and
 * never go negative, so every event is one a real, healthy feed could send.
 */
public final class ScriptedMarketFeed {
    private static final int CENT = 100;               // $0.01 in $0.0001 units
    private static final int DEPTH = 8;                 // levels kept alive below each best
    private static final long CONTRACT = 100;           // 1 contract in 0.01 units

    private final SplittableRandom random;
    private final int markets;
    private final long closeTimeMs;
    private final int[] fair;                  // cents, 5..95
    private final long[][] yes;                // [market][cents] quantity of the YES bid ladder
    private final long[][] no;                 // [market][cents] quantity of the NO bid ladder
    private final long[] exchangeSeq;
    private final MarketDefinitionEvent definition = new MarketDefinitionEvent();
    private final BookSnapshotEvent snapshot = new BookSnapshotEvent();
    private final BookDeltaEvent delta = new BookDeltaEvent();
    private final TradeEvent trade = new TradeEvent();
    private long tradeCounter;
    private long eventsPublished;

    public ScriptedMarketFeed(long seed, int markets, long closeTimeMs) {
        if (markets < 1 || markets > 256) {
            throw new IllegalArgumentException("scripted markets must be 1..256, got " + markets);
        }
        this.random = new SplittableRandom(seed);
        this.markets = markets;
        this.closeTimeMs = closeTimeMs;
        this.fair = new int[markets];
        this.yes = new long[markets][CENT + 1];
        this.no = new long[markets][CENT + 1];
        this.exchangeSeq = new long[markets];
        for (int m = 0; m < markets; m++) {
            fair[m] = 30 + random.nextInt(41);
            for (int d = 1; d <= DEPTH; d++) {
                yes[m][fair[m] - d] = randomQuantity();
                no[m][CENT - fair[m] - d] = randomQuantity();
            }
        }
    }

    public int markets() {
        return markets;
    }

    public static String ticker(int market) {
        return "KXSCRIPT-26DEC31-T" + market;
    }

    /** Publishes every market's definition and first snapshot; call once before {@link #publishNext}. */
    public void publishStart(EventPublisher publisher) {
        for (int m = 0; m < markets; m++) {
            definition.wrapForEncode(publisher.claim(), 0, m, EventSource.SCRIPTED_FEED)
                .ticker(ticker(m)).eventTicker("KXSCRIPT-26DEC31").seriesTicker("KXSCRIPT")
                .openTimeMs(0).closeTimeMs(closeTimeMs).status(Codes.STATUS_OPEN)
                .addPriceRange(0, 10_000, CENT);
            publisher.publish();
            eventsPublished++;
        }
        for (int m = 0; m < markets; m++) {
            publishSnapshot(publisher, m);
        }
    }

    /** Publishes the next one to three events of the script (a fair-price move emits its removals). */
    public void publishNext(EventPublisher publisher) {
        int m = random.nextInt(markets);
        int roll = random.nextInt(100);
        if (roll < 3) {
            moveFair(publisher, m, random.nextBoolean() ? 1 : -1);
        } else if (roll < 12) {
            publishTrade(publisher, m);
        } else if (roll < 13) {
            publishSnapshot(publisher, m);
        } else {
            boolean yesSide = random.nextBoolean();
            int best = yesSide ? fair[m] - 1 : CENT - fair[m] - 1;
            int price = best - random.nextInt(DEPTH);
            long[] ladder = yesSide ? yes[m] : no[m];
            long change = (random.nextInt(21) - 10) * CONTRACT;
            if (ladder[price] + change < 0) {
                change = -ladder[price];
            }
            if (change == 0) {
                change = CONTRACT;
            }
            publishDelta(publisher, m, yesSide, price, change);
        }
    }

    public long eventsPublished() {
        return eventsPublished;
    }

    private void moveFair(EventPublisher publisher, int m, int step) {
        int next = fair[m] + step;
        if (next < 5 + DEPTH || next > 95 - DEPTH) {
            return;
        }
        fair[m] = next;
        // Remove levels the move made crossing, then seed the newly allowed top level.
        if (step > 0) {
            int noTooHigh = CENT - next;           // NO bids must stay below 100 - fair
            if (no[m][noTooHigh] > 0) {
                publishDelta(publisher, m, false, noTooHigh, -no[m][noTooHigh]);
            }
            publishDelta(publisher, m, true, next - 1, randomQuantity());
        } else {
            if (yes[m][next] > 0) {
                publishDelta(publisher, m, true, next, -yes[m][next]);
            }
            publishDelta(publisher, m, false, CENT - next - 1, randomQuantity());
        }
    }

    private void publishDelta(EventPublisher publisher, int m, boolean yesSide, int cents, long change) {
        (yesSide ? yes[m] : no[m])[cents] += change;
        delta.wrapForEncode(publisher.claim(), 0, m, EventSource.SCRIPTED_FEED)
            .subscriptionId(1).exchangeSeq(++exchangeSeq[m])
            .side(yesSide ? Codes.BOOK_YES : Codes.BOOK_NO)
            .price((long) cents * CENT).delta(change).exchangeTimeMs(BookDeltaEvent.NULL_LONG);
        publisher.publish();
        eventsPublished++;
    }

    private void publishTrade(EventPublisher publisher, int m) {
        boolean takerYes = random.nextBoolean();
        int price = takerYes ? fair[m] + 1 : fair[m] - 1;
        trade.wrapForEncode(publisher.claim(), 0, m, EventSource.SCRIPTED_FEED)
            .yesPrice((long) price * CENT).count((1 + random.nextInt(20)) * CONTRACT)
            .takerSide(takerYes ? Codes.TAKER_YES : Codes.TAKER_NO)
            .exchangeTimeMs(TradeEvent.NULL_LONG);
        putTradeId(++tradeCounter);
        publisher.publish();
        eventsPublished++;
    }

    private void putTradeId(long n) {
        // Not a String per trade: the id is written digit by digit into the event's field.
        trade.tradeIdNumeric("s-", n);
    }

    /** A snapshot deeper than one event holds goes out as FIRST … LAST chunks, as the book stage expects. */
    private void publishSnapshot(EventPublisher publisher, int m) {
        openChunk(publisher, m, true);
        for (int side = 0; side < 2; side++) {
            long[] ladder = side == 0 ? yes[m] : no[m];
            for (int c = 1; c < CENT; c++) {
                if (ladder[c] == 0) {
                    continue;
                }
                if (snapshot.isFull()) {
                    publisher.publish();
                    eventsPublished++;
                    openChunk(publisher, m, false);
                }
                if (side == 0) {
                    snapshot.addYesLevel((long) c * CENT, ladder[c]);
                } else {
                    snapshot.addNoLevel((long) c * CENT, ladder[c]);
                }
            }
        }
        snapshot.flags((byte) (snapshot.flags() | BookSnapshotEvent.FLAG_LAST));
        publisher.publish();
        eventsPublished++;
    }

    private void openChunk(EventPublisher publisher, int m, boolean first) {
        snapshot.wrapForEncode(publisher.claim(), 0, m, EventSource.SCRIPTED_FEED)
            .subscriptionId(1).exchangeSeq(first ? ++exchangeSeq[m] : exchangeSeq[m])
            .flags(first ? BookSnapshotEvent.FLAG_FIRST : 0);
    }

    private long randomQuantity() {
        return (5 + random.nextInt(50)) * CONTRACT;
    }
}

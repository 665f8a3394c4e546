package io.kengine.book;

import io.kengine.protocol.event.Codes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.kengine.book.Events.levels;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mid volatility and trade intensity against the definition computed the slow way: keep every mid
 * step and every trade with its time, and at each check sum Σ xᵢ·e^{−(now − tᵢ)/τ}/τ directly.
 * The random sequence mixes mid-moving and size-only deltas, crossings (untrusted: no mid steps
 * until the next snapshot), fresh snapshots, trades, tickers and timers, with time steps of zero
 * (several events per timestamp), milliseconds and seconds.
 */
class BookEwmaReferenceTest {
    private static final int M = 2;
    private static final long SECOND = 1_000_000_000L;
    private static final long TAU_VOL = 30 * SECOND;
    private static final long TAU_TRADES = 5 * SECOND;
    private static final long ONE = ReferenceBook.ONE;

    @ParameterizedTest
    @ValueSource(longs = {7, 99, 2024})
    void matchesTheDirectSum(long seed) {
        Random rnd = new Random(seed);
        BookStage stage = new BookStage(8, new BookSettings(5, 0, TAU_VOL, TAU_TRADES));
        Events events = new Events();
        ReferenceBook ref = new ReferenceBook(M, Events.CENT, Codes.STATUS_OPEN);
        List<long[]> steps = new ArrayList<>();  // {time, 4 x step^2} (2 x mid is exact, so 4 x step^2 is a long)
        List<Long> trades = new ArrayList<>();
        long now = 1_700_000_000L * SECOND;
        long lastMid2 = -1;
        int checks = 0;

        stage.onEvent(events.at(now).definition(M, Codes.STATUS_OPEN, Events.CENT), true);
        long[] yes = levels(4500, 100, 4400, 200);
        long[] no = levels(5000, 100, 5100, 50);
        stage.onEvent(events.fullSnapshot(M, yes, no), true);
        ref.snapshot(true, true, yes, no);
        lastMid2 = ref.bestBid() + ref.bestAsk();

        for (int n = 0; n < 4_000; n++) {
            double dt = rnd.nextDouble();
            now += dt < 0.3 ? 0 : dt < 0.8 ? rnd.nextInt(50_000_000) : rnd.nextInt(4) * SECOND + rnd.nextInt(1_000_000_000);
            events.at(now);
            double x = rnd.nextDouble();
            boolean applied;
            if (x < 0.15) {
                stage.onEvent(events.trade(M, 5000, 100), true);
                trades.add(now);
                applied = false;
            } else if (x < 0.2) {
                stage.onEvent(events.ticker(M), true);
                applied = false;
            } else if (x < 0.23) {
                stage.onEvent(events.timer(), true); // no market: the book's clock does not move
                continue;
            } else if (x < 0.26) {
                long bid = 2000 + 100 * rnd.nextInt(40);
                long ask = bid + 100 * (1 + rnd.nextInt(5));
                yes = levels(bid, 1 + rnd.nextInt(500));
                no = levels(ONE - ask, 1 + rnd.nextInt(500));
                stage.onEvent(events.fullSnapshot(M, yes, no), true);
                applied = ref.snapshot(true, true, yes, no) != BookReason.MALFORMED;
            } else {
                byte side = rnd.nextBoolean() ? Codes.BOOK_YES : Codes.BOOK_NO;
                long yesPrice = 100 * (1 + rnd.nextInt(99));
                long price = side == Codes.BOOK_YES ? yesPrice : ONE - yesPrice;
                long q = (side == Codes.BOOK_YES ? ref.yes : ref.no).getOrDefault(price, 0L);
                long delta = q > 0 && rnd.nextBoolean() ? -q : 1 + rnd.nextInt(300);
                boolean crossing = side == Codes.BOOK_YES ? ref.bestAsk() >= 0 && yesPrice >= ref.bestAsk()
                    : ref.bestBid() >= 0 && yesPrice <= ref.bestBid();
                if (crossing && delta > 0 && rnd.nextInt(20) != 0) {
                    continue; // keep crossings rare so the book is mostly trusted
                }
                stage.onEvent(events.delta(M, side, price, delta), true);
                int r = ref.delta(side, price, delta);
                applied = r == BookReason.NONE || r == BookReason.CROSSED;
            }
            if (applied && ref.trusted && ref.bestBid() >= 0 && ref.bestAsk() >= 0) {
                long mid2 = ref.bestBid() + ref.bestAsk();
                if (mid2 != lastMid2) {
                    steps.add(new long[] {now, (mid2 - lastMid2) * (mid2 - lastMid2)});
                }
                lastMid2 = mid2;
            }
            if (n % 25 == 0) {
                OrderBook book = stage.book(M);
                assertEquals(now, book.eventNanos());
                double variance = 0;
                for (long[] s : steps) {
                    variance += s[1] / 4.0 * Math.exp(-(double) (now - s[0]) / TAU_VOL) / (TAU_VOL / 1e9);
                }
                double rate = 0;
                for (long t : trades) {
                    rate += Math.exp(-(double) (now - t) / TAU_TRADES) / (TAU_TRADES / 1e9);
                }
                assertEquals(variance, book.midVariance(), 1e-9 * variance + 1e-12, "seed " + seed + " event " + n + " variance");
                assertEquals(rate, book.tradeRate(), 1e-9 * rate + 1e-12, "seed " + seed + " event " + n + " trade rate");
                assertTrue(Math.abs(Math.round(Math.sqrt(variance) * 100) - book.midVolatility()) <= 1, "volatility long");
                assertTrue(Math.abs(Math.round(rate * 1000) - book.tradeIntensity()) <= 1, "intensity long");
                checks++;
            }
        }
        assertTrue(steps.size() > 100, "mid steps " + steps.size());
        assertTrue(trades.size() > 300, "trades " + trades.size());
        assertTrue(checks > 50);
    }
}

package io.kengine.feed.decode;

import static io.kengine.protocol.wire.Wire.ABSENT;

import io.kengine.protocol.units.FixedPoint;
import io.kengine.protocol.wire.model.OrderStatus;
import io.kengine.protocol.wire.model.OutcomeSide;
import io.kengine.protocol.wire.model.PriceLevel;
import io.kengine.protocol.wire.model.SelfTradePrevention;
import io.kengine.protocol.wire.model.PriceRange;
import io.kengine.protocol.wire.ws.Fill;
import io.kengine.protocol.wire.ws.MarketLifecycleV2;
import io.kengine.protocol.wire.ws.MarketMetadata;
import io.kengine.protocol.wire.ws.OrderbookDelta;
import io.kengine.protocol.wire.ws.OrderbookSnapshot;
import io.kengine.protocol.wire.ws.Subscribed;
import io.kengine.protocol.wire.ws.SubscriptionList;
import io.kengine.protocol.wire.ws.Ticker;
import io.kengine.protocol.wire.ws.Trade;
import io.kengine.protocol.wire.ws.Unsubscribed;
import io.kengine.protocol.wire.ws.UpdateOk;
import io.kengine.protocol.wire.ws.UserOrder;
import io.kengine.protocol.wire.ws.WsError;
import io.kengine.protocol.wire.ws.WsMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random wire records within what the decoder accepts (prices in (0, 1), ids of printable ASCII that
 * need no escaping, fitting the event fields), with optional fields randomly absent, for WsCodec's
 * writer to turn into frames.
 */
final class RandomFrames {
    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.";
    private static final String[] TICKERS = {"FED-23DEC-T3.00", "KXBTCD-25AUG0517-T114999.99", "HIGHNY-22DEC23-B53.5", "T"};
    private final SplittableRandom rnd;

    RandomFrames(long seed) {
        rnd = new SplittableRandom(seed);
    }

    WsMessage next() {
        switch (rnd.nextInt(13)) {
            case 0: case 1: return snapshot();
            case 2: case 3: case 4: return delta();
            case 5: return tickerMessage();
            case 6: return trade();
            case 7: return fill();
            case 8: return userOrder();
            case 9: return rnd.nextBoolean() ? new Subscribed(maybe(rnd.nextLong(1, 1000)), pick("orderbook_delta", "ticker", "fill"), rnd.nextLong(1, 100))
                    : new Unsubscribed(maybe(rnd.nextLong(1, 1000)), rnd.nextLong(1, 100), maybe(rnd.nextLong(1, 1_000_000)));
            case 11: return lifecycle();
            case 10: return rnd.nextBoolean() ? new UpdateOk(maybe(rnd.nextLong(1000)), maybe(rnd.nextLong(100)), maybe(rnd.nextLong(100)),
                    rnd.nextBoolean() ? List.of(tickerName(), tickerName()) : null, null)
                    : new SubscriptionList(rnd.nextLong(1, 100), List.of(new SubscriptionList.Entry("ticker", rnd.nextLong(1, 9))));
            default: return new WsError(maybe(rnd.nextLong(1, 1000)), rnd.nextInt(1, 29), "Some error", rnd.nextBoolean() ? tickerName() : null, null);
        }
    }

    OrderbookSnapshot snapshot() {
        return new OrderbookSnapshot(sid(), rnd.nextLong(1, 1_000_000), tickerName(), marketId(), levels(), levels());
    }

    OrderbookDelta delta() {
        long delta = count() * (rnd.nextBoolean() ? -1 : 1);
        return new OrderbookDelta(sid(), rnd.nextLong(1, 1_000_000), tickerName(), marketId(), price(), delta, side(),
                rnd.nextInt(4) == 0 ? id() : null, rnd.nextInt(4) == 0 ? rnd.nextInt(0, 32) : null, ts());
    }

    Ticker tickerMessage() {
        return new Ticker(sid(), tickerName(), marketId(), maybe(tickerPrice()), maybe(tickerPrice()), maybe(tickerPrice()),
                maybe(count()), maybe(count()), maybe(count()), maybe(count()), maybe(count()),
                maybe(rnd.nextLong(0, 1L << 40)), maybe(rnd.nextLong(0, 1L << 40)), ts());
    }

    Trade trade() {
        return new Trade(sid(), rnd.nextBoolean() ? id() : null, tickerName(), price(), count(),
                rnd.nextInt(3) == 0 ? null : side(), rnd.nextInt(3) == 0 ? null : rnd.nextBoolean(), ts());
    }

    Fill fill() {
        return new Fill(sid(), id(), id(), tickerName(), rnd.nextBoolean() ? rnd.nextInt(0, 8) : null, rnd.nextBoolean(), side(),
                price(), count(), maybe(rnd.nextLong(-1_000_000, 1_000_000)), maybe(count() * (rnd.nextBoolean() ? -1 : 1)),
                rnd.nextBoolean() ? id() : null, rnd.nextBoolean() ? rnd.nextInt(0, 32) : null, ts());
    }

    UserOrder userOrder() {
        OrderStatus[] statuses = {OrderStatus.RESTING, OrderStatus.CANCELED, OrderStatus.EXECUTED};
        return new UserOrder(sid(), id(), rnd.nextBoolean() ? id() : null, tickerName(), statuses[rnd.nextInt(3)],
                rnd.nextInt(4) == 0 ? null : side(), maybe(price()), maybe(count()), maybe(count()), maybe(count()),
                maybe(rnd.nextLong(0, 1_000_000)), maybe(rnd.nextLong(0, 1_000_000)), maybe(rnd.nextLong(0, 1_000_000)),
                maybe(rnd.nextLong(0, 1_000_000)), rnd.nextBoolean() ? id() : null, rnd.nextBoolean() ? "og_1" : null,
                rnd.nextBoolean() ? SelfTradePrevention.MAKER : null, ts(), ts(), ts(), rnd.nextBoolean() ? 0 : null);
    }

    /** Any event type (the known ones and a future one) with any subset of the schema's fields. */
    MarketLifecycleV2 lifecycle() {
        String type = pick("created", "activated", "deactivated", "close_date_updated", "determined", "settled",
                "price_level_structure_updated", "metadata_updated", "some_new_type");
        List<PriceRange> ranges = null;
        if (rnd.nextInt(3) == 0) {
            ranges = new ArrayList<>();
            for (int i = rnd.nextInt(0, DecodedFrame.MAX_PRICE_RANGES + 1); i > 0; i--) {
                ranges.add(new PriceRange(rnd.nextLong(0, 5_000), rnd.nextLong(5_000, 10_001), pick10()));
            }
        }
        MarketMetadata meta = rnd.nextInt(3) != 0 ? null : new MarketMetadata(maybeText(), maybeText(), maybeText(),
                maybeText(), maybeText(), maybeText(), rnd.nextBoolean() ? null : rnd.nextBoolean(),
                rnd.nextBoolean() ? id() : null, maybe(rnd.nextLong(1_600_000_000L, 1_900_000_000L)), maybeText(),
                decimal(), decimal());
        return new MarketLifecycleV2(sid(), tickerName(), type, rnd.nextBoolean() ? rnd.nextInt(0, 8) : null, seconds(),
                seconds(), rnd.nextInt(3) == 0 ? pick("yes", "no", "scalar", "") : null, seconds(),
                maybe(rnd.nextLong(0, FixedPoint.PRICE_ONE + 1)), seconds(),
                rnd.nextInt(3) == 0 ? rnd.nextBoolean() : null, rnd.nextBoolean() ? pick("linear_cent", "deci_cent") : null,
                ranges, rnd.nextBoolean() ? pick("between", "greater") : null, decimal(), decimal(),
                rnd.nextBoolean() ? "above $95,000" : null, meta);
    }

    private long pick10() {
        return rnd.nextBoolean() ? 100 : 10;
    }

    private long seconds() {
        return rnd.nextInt(3) == 0 ? rnd.nextLong(1_600_000_000L, 1_900_000_000L) : ABSENT;
    }

    private String maybeText() {
        return rnd.nextBoolean() ? null : pick("S&P 500 closes up <0.02%", "", "Jan 25 \u00e9 \"quoted\"", "x");
    }

    private java.math.BigDecimal decimal() {
        return rnd.nextBoolean() ? null : java.math.BigDecimal.valueOf(rnd.nextLong(-1_000_000, 1_000_000), rnd.nextInt(0, 4));
    }

    private long sid() {
        return rnd.nextLong(1, 10_000);
    }

    private String tickerName() {
        return rnd.nextInt(4) == 0 ? id() : TICKERS[rnd.nextInt(TICKERS.length)];
    }

    private String marketId() {
        return rnd.nextBoolean() ? Fixtures.UUID : null;
    }

    private String id() {
        int n = rnd.nextInt(1, DecodedFrame.ID_CAPACITY + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ID_CHARS.charAt(rnd.nextInt(ID_CHARS.length())));
        }
        return sb.toString();
    }

    private String pick(String... s) {
        return s[rnd.nextInt(s.length)];
    }

    private OutcomeSide side() {
        return rnd.nextBoolean() ? OutcomeSide.YES : OutcomeSide.NO;
    }

    private long price() {
        switch (rnd.nextInt(3)) {
            case 0: return rnd.nextLong(1, 100) * 100; // cents
            case 1: return rnd.nextLong(1, 1000) * 10;  // deci-cents
            default: return rnd.nextLong(1, FixedPoint.PRICE_ONE);
        }
    }

    private long tickerPrice() {
        return rnd.nextLong(0, FixedPoint.PRICE_ONE + 1);
    }

    private long count() {
        switch (rnd.nextInt(4)) {
            case 0: return rnd.nextLong(1, 1000) * 100;
            case 1: return rnd.nextLong(0, 100_000);
            case 2: return rnd.nextLong(0, FixedPoint.MAX_COUNT + 1);
            default: return FixedPoint.MAX_COUNT;
        }
    }

    private long ts() {
        return rnd.nextInt(5) == 0 ? ABSENT : rnd.nextLong(1_600_000_000_000L, 1_900_000_000_000L);
    }

    private long maybe(long v) {
        return rnd.nextInt(5) == 0 ? ABSENT : v;
    }

    private List<PriceLevel> levels() {
        int n = rnd.nextInt(8) == 0 ? rnd.nextInt(0, 200) : rnd.nextInt(0, 12);
        List<PriceLevel> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(new PriceLevel(price(), count()));
        }
        return l;
    }
}

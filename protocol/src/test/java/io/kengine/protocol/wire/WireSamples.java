package io.kengine.protocol.wire;

import static io.kengine.protocol.wire.Wire.ABSENT;

import io.kengine.protocol.wire.model.BookSide;
import io.kengine.protocol.wire.model.OrderStatus;
import io.kengine.protocol.wire.model.OutcomeSide;
import io.kengine.protocol.wire.model.PriceLevel;
import io.kengine.protocol.wire.model.PriceRange;
import io.kengine.protocol.wire.model.SelfTradePrevention;
import io.kengine.protocol.wire.model.TimeInForce;
import io.kengine.protocol.wire.rest.*;
import io.kengine.protocol.wire.ws.*;
import java.math.BigDecimal;
import java.util.List;

/**
 * One fully populated instance of every wire record (every optional field present), plus a sparse
 * one where it matters. Values are on the units' grids (prices $0.0001, counts 0.01, ms times) and
 * use sub-penny prices and fractional counts on purpose.
 */
public final class WireSamples {
    public static final String TICKER = "KXBTCD-25AUG0517-T114999.99";
    public static final String MARKET_ID = "9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1";
    public static final String ORDER_ID = "ee587a1c-8b87-4dcf-b721-9f6f790619fa";
    public static final String TRADE_ID = "d91bc706-ee49-470d-82d8-11418bda6fed";
    public static final String USER_ID = "a1b2c3d4-e5f6-7890-abcd-ef1234567890";
    public static final long TS_MS = 1_669_149_841_123L;

    private WireSamples() {
    }

    // ---------------------------------------------------------------- WebSocket commands

    public static List<WsCommand> commands() {
        return List.of(
                new Subscribe(2, List.of("orderbook_delta", "ticker"), null, List.of(TICKER, "FED-23DEC-T3.00"),
                        null, null, true, false, true),
                new Subscribe(1, List.of("orderbook_delta"), TICKER, null, null, null, null, null, null),
                new Subscribe(9, List.of("ticker"), null, null, MARKET_ID, List.of(MARKET_ID), null, true, null),
                Subscribe.of(3, List.of("fill"), null),
                new Unsubscribe(124, List.of(1L, 2L)),
                UpdateSubscription.of(127, 456, UpdateSubscription.GET_SNAPSHOT, List.of("MARKET-1", "MARKET-2")),
                new UpdateSubscription(126, 456, null, UpdateSubscription.ADD_MARKETS, "NEW-MARKET-3", null, null,
                        null, true),
                new UpdateSubscription(125, ABSENT, List.of(456L), UpdateSubscription.DELETE_MARKETS, null,
                        List.of("A"), MARKET_ID, List.of(MARKET_ID), false),
                new ListSubscriptions(3),
                new UnknownCommand(7, "frobnicate"));
    }

    // ---------------------------------------------------------------- WebSocket server messages

    public static Subscribed subscribed() {
        return new Subscribed(1, "orderbook_delta", 1);
    }

    public static Unsubscribed unsubscribed() {
        return new Unsubscribed(102, 2, 7);
    }

    public static UpdateOk updateOk() {
        return new UpdateOk(123, 456, 222, List.of("MARKET-1", "MARKET-2", "MARKET-3"), List.of(MARKET_ID));
    }

    public static SubscriptionList subscriptionList() {
        return new SubscriptionList(3, List.of(new SubscriptionList.Entry("orderbook_delta", 1),
                new SubscriptionList.Entry("ticker", 2), new SubscriptionList.Entry("fill", 3)));
    }

    public static WsError wsError() {
        return new WsError(127, 16, "Market not found", "INVALID-MARKET", MARKET_ID);
    }

    public static OrderbookSnapshot snapshot() {
        return new OrderbookSnapshot(2, 2, TICKER, MARKET_ID,
                List.of(new PriceLevel(800, 30_000), new PriceLevel(2_205, 33_312)),
                List.of(new PriceLevel(5_400, 2_000), new PriceLevel(5_600, 14_600)));
    }

    public static OrderbookDelta delta() {
        return new OrderbookDelta(2, 3, TICKER, MARKET_ID, 9_601, -5_437, OutcomeSide.YES, "my-order-1", 3, TS_MS);
    }

    public static Ticker ticker() {
        return new Ticker(11, TICKER, MARKET_ID, 4_800, 4_500, 5_300, 30_000, 15_000, 2_550, 3_389_600, 2_042_200,
                16_948, 10_211, TS_MS);
    }

    public static Trade trade() {
        return new Trade(11, TRADE_ID, TICKER, 3_605, 13_650, OutcomeSide.NO, false, TS_MS);
    }

    public static Fill fill() {
        return new Fill(13, TRADE_ID, ORDER_ID, TICKER, 2, true, OutcomeSide.NO, 7_500, 27_850, 1_313, -50_000,
                "my-order-1", 3, TS_MS);
    }

    public static UserOrder userOrder() {
        return new UserOrder(22, ORDER_ID, USER_ID, TICKER, OrderStatus.RESTING, OutcomeSide.YES, 3_500, 250, 750,
                1_000, 8_750, 0, 150, 0, "my-order-1", "og_123", SelfTradePrevention.TAKER_AT_CROSS,
                1_733_047_200_000L, 1_733_047_201_500L, 1_733_050_800_000L, 0);
    }

    public static MarketPosition marketPosition() {
        return new MarketPosition(14, "user123", TICKER, -10_050, 500_000, -100_001, 10_000, 5_000, 1_500, 3);
    }

    public static MarketLifecycleV2 lifecycleCreated() {
        return new MarketLifecycleV2(13, "INXD-23SEP14-B4487", MarketLifecycleV2.CREATED, 0, 1_694_635_200L,
                1_694_721_600L, null, ABSENT, ABSENT, ABSENT, null, "tapered_deci_cent",
                List.of(new PriceRange(0, 1_000, 10), new PriceRange(1_000, 9_000, 100),
                        new PriceRange(9_000, 10_000, 10)),
                null, null, null, null,
                new MarketMetadata("S&P 500 daily return on Sep 14", "S&P 500 closes up by 0.02% or more",
                        "S&P 500 closes up 0.02%+", "S&P 500 closes up <0.02%", "The S&P 500 index level...", "",
                        true, "INXD-23SEP14", 1_694_721_600L, "greater", new BigDecimal("4487"), null));
    }

    public static MarketLifecycleV2 lifecycleDetermined() {
        return new MarketLifecycleV2(13, TICKER, MarketLifecycleV2.DETERMINED, null, ABSENT, ABSENT, "yes",
                1_694_722_000L, 10_000, ABSENT, false, null, null, "between", new BigDecimal("95000"),
                new BigDecimal("95250.5"), "above $95,000", null);
    }

    public static MarketLifecycleV2 lifecycleSettled() {
        return new MarketLifecycleV2(13, TICKER, MarketLifecycleV2.SETTLED, null, ABSENT, ABSENT, null, ABSENT,
                ABSENT, 1_694_723_000L, null, null, null, null, null, null, null, null);
    }

    public static EventLifecycle eventLifecycle() {
        return new EventLifecycle(5, "KXQUICKSETTLE-26JAN25H2150", 0, "What will 1+1 equal on Jan 25 at 21:50?",
                "Jan 25 at 21:50", "MECNET", "KXQUICKSETTLE", 1_769_377_800L, "hour");
    }

    public static EventFeeUpdate feeUpdateSet() {
        return new EventFeeUpdate(5, "KXBTCD-26MAY2018", "quadratic_with_maker_fees", new BigDecimal("0.5"));
    }

    public static EventFeeUpdate feeUpdateCleared() {
        return new EventFeeUpdate(5, "KXBTCD-26MAY2018", null, null);
    }

    public static OrderGroupUpdate orderGroupUpdate() {
        return new OrderGroupUpdate(21, 7, "limit_updated", "og_123", 15_000, TS_MS);
    }

    /** Every server message the writer can produce, each type at least once. */
    public static List<WsMessage> serverMessages() {
        return List.of(subscribed(), new Subscribed(ABSENT, "ticker", 4), unsubscribed(), updateOk(),
                new UpdateOk(124, 456, 223, null, null), subscriptionList(), new SubscriptionList(4, List.of()),
                wsError(), WsError.of(125, WsErrorCode.PARAMS_REQUIRED), snapshot(),
                new OrderbookSnapshot(5, 1, TICKER, MARKET_ID, List.of(), List.of()), delta(),
                new OrderbookDelta(2, 4, TICKER, MARKET_ID, 100, 1, OutcomeSide.NO, null, null, TS_MS),
                ticker(), trade(), fill(), userOrder(), marketPosition(), lifecycleCreated(), lifecycleDetermined(),
                lifecycleSettled(), eventLifecycle(), feeUpdateSet(), feeUpdateCleared(), orderGroupUpdate());
    }

    // ---------------------------------------------------------------- REST

    public static CreateOrderV2Request createOrder() {
        return new CreateOrderV2Request(TICKER, BookSide.ASK, 1_050, 5_625, TimeInForce.GOOD_TILL_CANCELED,
                SelfTradePrevention.MAKER, "my-order-1", 1_700_000_000L, true, false, true, 2, "og_123", 1);
    }

    public static CreateOrderV2Response createOrderResponse() {
        return new CreateOrderV2Response(ORDER_ID, "my-order-1", 300, 750, new BigDecimal("0.563333"),
                new BigDecimal("0.0175"), TS_MS);
    }

    public static ApiError apiError() {
        return new ApiError("invalid order", "invalid order", "post only cross", "exchange");
    }

    public static BatchCreateOrdersV2Request batchCreate() {
        return new BatchCreateOrdersV2Request(List.of(createOrder(),
                CreateOrderV2Request.of(TICKER, BookSide.BID, 100, 100, TimeInForce.IMMEDIATE_OR_CANCEL,
                        SelfTradePrevention.TAKER_AT_CROSS, null)));
    }

    public static BatchCreateOrdersV2Response batchCreateResponse() {
        return new BatchCreateOrdersV2Response(List.of(
                new BatchCreateOrderResult(ORDER_ID, "my-order-1", 0, 1_050, null, null, TS_MS, null),
                new BatchCreateOrderResult(null, "my-order-2", ABSENT, ABSENT, null, null, ABSENT, apiError())));
    }

    public static AmendOrderV2Request amend() {
        return new AmendOrderV2Request(TICKER, BookSide.BID, 5_700, 2_000, "my-order-1", "my-order-1b", 0);
    }

    public static AmendOrderV2Response amendResponse() {
        return new AmendOrderV2Response(ORDER_ID, "my-order-1b", 1_500, 500, new BigDecimal("0.57"),
                new BigDecimal("0.0043"), TS_MS);
    }

    public static DecreaseOrderV2Request decrease() {
        return new DecreaseOrderV2Request(250, ABSENT, 0, TICKER);
    }

    public static DecreaseOrderV2Response decreaseResponse() {
        return new DecreaseOrderV2Response(ORDER_ID, "my-order-1", 750, TS_MS);
    }

    public static CancelOrderV2Response cancelResponse() {
        return new CancelOrderV2Response(ORDER_ID, "my-order-1", 750, TS_MS);
    }

    public static BatchCancelOrdersV2Request batchCancel() {
        return new BatchCancelOrdersV2Request(List.of(new BatchCancelOrder(ORDER_ID, 1, 0, TICKER),
                BatchCancelOrder.of("b2c3")));
    }

    public static BatchCancelOrdersV2Response batchCancelResponse() {
        return new BatchCancelOrdersV2Response(List.of(new BatchCancelOrderResult(ORDER_ID, "my-order-1", 750, TS_MS,
                null), new BatchCancelOrderResult("b2c3", null, ABSENT, ABSENT, ApiError.of("not_found", "order not found"))));
    }

    public static Order order() {
        return new Order(ORDER_ID, USER_ID, "my-order-1", TICKER, OutcomeSide.NO, OrderStatus.RESTING, 5_625, 300,
                750, 1_050, 13_125, 0, 175, 0, 1_700_000_000_000L, 1_699_999_000_000L, 1_699_999_500_123L,
                SelfTradePrevention.MAKER, "og_123", true, 2, 1);
    }

    public static Market market() {
        return new Market(TICKER, "KXBTCD-25AUG0517", "binary", "$115,000 or above", "below $115,000", "active",
                1_754_000_000_000L, 1_754_400_000_000L, 1_754_403_600_000L, 1_754_900_000_000L, 3_600,
                4_500, 30_000, 4_610, 15_050, 5_390, 5_500, 4_550, 4_400, 4_700, 4_500, 3_389_600, 120_050, 2_042_200,
                10_000, "", false, ABSENT, ABSENT, "", "greater", new BigDecimal("114999.99"), null, "If BTC...", "",
                "deci_cent", List.of(new PriceRange(0, 10_000, 10)), 1_754_100_000_000L, false, 0);
    }

    public static Market settledMarket() {
        return new Market("KXHIGHNY-24DEC01-B53.5", "KXHIGHNY-24DEC01", "binary", null, null, "finalized",
                ABSENT, ABSENT, ABSENT, ABSENT, null, 0, 0, 10_000, 0, 0, 10_000, 9_900, ABSENT, ABSENT, ABSENT, 100,
                ABSENT, 0, ABSENT, "yes", true, 10_000, 1_733_100_000_000L, "54", null, null, null, null, null,
                "linear_cent", List.of(new PriceRange(0, 10_000, 100)), ABSENT, null, null);
    }

    public static OrderbookResponse orderbook() {
        return new OrderbookResponse(List.of(new PriceLevel(4_100, 500), new PriceLevel(4_200, 1_300)),
                List.of(new PriceLevel(5_605, 1_725)));
    }

    public static EventData event() {
        return new EventData("KXBTCD-25AUG0517", "KXBTCD", "Bitcoin price on Aug 5 at 5pm?", "Aug 5, 5pm ET",
                "MECNET", true, 1_754_427_600_000L, "hour", List.of(market()), "quadratic", new BigDecimal("0.5"), 0);
    }

    public static Series series() {
        return new Series("KXBTCD", "daily", "Bitcoin price", "Crypto", List.of("BTC", "Crypto"),
                List.of(new Series.SettlementSource("CF Benchmarks", "https://www.cfbenchmarks.com")),
                "https://kalshi.com/c.pdf", "https://kalshi.com/t.pdf", Series.FEE_QUADRATIC_WITH_MAKER_FEES,
                new BigDecimal("1"), List.of(), 123_456_700, 0);
    }

    public static ExchangeStatus exchangeStatus() {
        return new ExchangeStatus(true, false, true, 1_754_000_100_000L);
    }

    public static GetBalanceResponse balance() {
        return new GetBalanceResponse(1_234_567, 5_000_000, 1_754_000_000L,
                List.of(new GetBalanceResponse.Breakdown(0, 1_000_000), new GetBalanceResponse.Breakdown(1, 234_500)));
    }

    public static GetPositionsResponse positions() {
        return new GetPositionsResponse(
                List.of(new PortfolioMarketPosition(TICKER, 0, 1_250_000, -10_050, 560_000, -12_345, 1_750,
                        1_754_000_000_500L)),
                List.of(new PortfolioEventPosition("KXBTCD-25AUG0517", 560_000, 10_050, 560_000, -12_345, 1_750)),
                "next-page");
    }

    public static PortfolioFill portfolioFill() {
        return new PortfolioFill(TRADE_ID, ORDER_ID, TICKER, 0, OutcomeSide.YES, 5_601, 1_005, false,
                1_754_000_000_000L, 44, 0);
    }
}

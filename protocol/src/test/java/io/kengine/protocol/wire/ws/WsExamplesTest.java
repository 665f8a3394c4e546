package io.kengine.protocol.wire.ws;

import static io.kengine.protocol.wire.Wire.ABSENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kengine.protocol.wire.model.OrderStatus;
import io.kengine.protocol.wire.model.OutcomeSide;
import io.kengine.protocol.wire.model.PriceLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads the example frames of kalshi-api.md §4 (copied verbatim, elisions included where they sit in
 * strings), the legacy shapes it records, number-vs-string variants and unknown fields.
 */
class WsExamplesTest {

    // ---------------------------------------------------------------- §4.2 / §4.3 verbatim

    @Test
    void subscribeExample() {
        WsCommand c = WsCodec.readCommand(
                "{\"id\":2,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\",\"ticker\"],\"market_tickers\":[\"A\",\"B\"]}}");
        assertEquals(Subscribe.of(2, List.of("orderbook_delta", "ticker"), List.of("A", "B")), c);
    }

    @Test
    void responseExamples() {
        assertEquals(new Subscribed(1, "orderbook_delta", 1),
                WsCodec.readMessage("{\"id\":1,\"type\":\"subscribed\",\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":1}}"));
        assertEquals(new Unsubscribed(102, 2, 7),
                WsCodec.readMessage("{\"id\":102,\"sid\":2,\"seq\":7,\"type\":\"unsubscribed\"}"));
        assertEquals(new UpdateOk(123, 456, 222, List.of("MARKET-1", "MARKET-2", "MARKET-3"), null),
                WsCodec.readMessage("{\"id\":123,\"sid\":456,\"seq\":222,\"type\":\"ok\",\"msg\":{\"market_tickers\":[\"MARKET-1\",\"MARKET-2\",\"MARKET-3\"]}}"));
        assertEquals(new SubscriptionList(3, List.of(new SubscriptionList.Entry("orderbook_delta", 1),
                        new SubscriptionList.Entry("ticker", 2))),
                WsCodec.readMessage("{\"id\":3,\"type\":\"ok\",\"msg\":[{\"channel\":\"orderbook_delta\",\"sid\":1},{\"channel\":\"ticker\",\"sid\":2}]}"));
        assertEquals(new WsError(123, 6, "Already subscribed", null, null),
                WsCodec.readMessage("{\"id\":123,\"type\":\"error\",\"msg\":{\"code\":6,\"msg\":\"Already subscribed\"}}"));
    }

    // ---------------------------------------------------------------- §4.5 verbatim

    @Test
    void snapshotExample() {
        OrderbookSnapshot s = (OrderbookSnapshot) WsCodec.readMessage("{\"type\":\"orderbook_snapshot\",\"sid\":2,\"seq\":2,\n"
                + " \"msg\":{\"market_ticker\":\"FED-23DEC-T3.00\",\"market_id\":\"9b0f…\",\n"
                + "        \"yes_dollars_fp\":[[\"0.0800\",\"300.00\"],[\"0.2200\",\"333.00\"]],\n"
                + "        \"no_dollars_fp\":[[\"0.5400\",\"20.00\"],[\"0.5600\",\"146.00\"]]}}");
        assertEquals(new OrderbookSnapshot(2, 2, "FED-23DEC-T3.00", "9b0f…",
                List.of(new PriceLevel(800, 30_000), new PriceLevel(2_200, 33_300)),
                List.of(new PriceLevel(5_400, 2_000), new PriceLevel(5_600, 14_600))), s);
    }

    @Test
    void deltaExample() {
        OrderbookDelta d = (OrderbookDelta) WsCodec.readMessage("{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":3,\n"
                + " \"msg\":{\"market_ticker\":\"FED-23DEC-T3.00\",\"market_id\":\"9b0f…\",\"price_dollars\":\"0.960\",\n"
                + "        \"delta_fp\":\"-54.00\",\"side\":\"yes\",\"client_order_id\":\"…(only if your order caused it)\",\n"
                + "        \"subaccount\":3,\"ts\":\"2022-11-22T20:44:01Z\",\"ts_ms\":1669149841000}}");
        assertEquals(new OrderbookDelta(2, 3, "FED-23DEC-T3.00", "9b0f…", 9_600, -5_400, OutcomeSide.YES,
                "…(only if your order caused it)", 3, 1_669_149_841_000L), d);
    }

    // ---------------------------------------------------------------- legacy shapes (2026-01 schema, captures)

    @Test
    void legacySnapshotInCentsAndInDollarsWithIntegerCounts() {
        OrderbookSnapshot cents = (OrderbookSnapshot) WsCodec.readMessage("{\"type\":\"orderbook_snapshot\",\"sid\":2,\"seq\":1,"
                + "\"msg\":{\"market_ticker\":\"T\",\"yes\":[[8,300],[22,333]],\"no\":[[54,20]]}}");
        assertEquals(List.of(new PriceLevel(800, 30_000), new PriceLevel(2_200, 33_300)), cents.yes());
        assertEquals(List.of(new PriceLevel(5_400, 2_000)), cents.no());
        OrderbookSnapshot dollars = (OrderbookSnapshot) WsCodec.readMessage("{\"type\":\"orderbook_snapshot\",\"sid\":2,\"seq\":1,"
                + "\"msg\":{\"market_ticker\":\"T\",\"yes\":[[8,300]],\"yes_dollars\":[[\"0.080\",300]]}}");
        assertEquals(List.of(new PriceLevel(800, 30_000)), dollars.yes());
        assertEquals(List.of(), dollars.no(), "an omitted side is empty");
    }

    @Test
    void legacyDeltaTickerTradeFill() {
        OrderbookDelta d = (OrderbookDelta) WsCodec.readMessage("{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":3,"
                + "\"msg\":{\"market_ticker\":\"T\",\"price\":96,\"delta\":-54,\"side\":\"no\",\"client_order_id\":\"c1\"}}");
        assertEquals(new OrderbookDelta(2, 3, "T", null, 9_600, -5_400, OutcomeSide.NO, "c1", null, ABSENT), d);

        Ticker t = (Ticker) WsCodec.readMessage("{\"type\":\"ticker\",\"sid\":11,\"msg\":{\"market_ticker\":\"T\","
                + "\"price\":48,\"yes_bid\":45,\"yes_ask\":53,\"volume\":33896,\"open_interest\":20422,"
                + "\"dollar_volume\":16948,\"dollar_open_interest\":10211,\"ts\":1669149841,\"Clock\":987654}}");
        assertEquals(new Ticker(11, "T", null, 4_800, 4_500, 5_300, ABSENT, ABSENT, ABSENT, 3_389_600, 2_042_200,
                16_948, 10_211, 1_669_149_841_000L), t);

        Trade tr = (Trade) WsCodec.readMessage("{\"type\":\"trade\",\"sid\":11,\"msg\":{\"trade_id\":\"x\","
                + "\"market_ticker\":\"T\",\"yes_price\":36,\"no_price\":64,\"count\":136,\"taker_side\":\"no\",\"ts\":1669149841}}");
        assertEquals(new Trade(11, "x", "T", 3_600, 13_600, OutcomeSide.NO, null, 1_669_149_841_000L), tr);

        Fill f = (Fill) WsCodec.readMessage("{\"type\":\"fill\",\"sid\":13,\"msg\":{\"trade_id\":\"x\",\"order_id\":\"o\","
                + "\"market_ticker\":\"T\",\"is_taker\":true,\"side\":\"yes\",\"yes_price\":75,\"count\":278,"
                + "\"action\":\"sell\",\"ts\":1671899397,\"post_position\":-500}}");
        assertEquals(OutcomeSide.NO, f.outcomeSide(), "sell yes positions for NO (kalshi-api.md §5)");
        assertEquals(7_500, f.yesPrice());
        assertEquals(27_800, f.count());
        assertEquals(-50_000, f.postPosition());
        assertEquals(ABSENT, f.feeCost());
    }

    @Test
    void legacyMarketPositionInCentiCents() {
        MarketPosition p = (MarketPosition) WsCodec.readMessage("{\"type\":\"market_position\",\"sid\":14,\"msg\":{"
                + "\"user_id\":\"u\",\"market_ticker\":\"T\",\"position\":100,\"position_cost\":500000,"
                + "\"realized_pnl\":100000,\"fees_paid\":10000,\"volume\":15}}");
        assertEquals(new MarketPosition(14, "u", "T", 10_000, 500_000, 100_000, 10_000, ABSENT, 1_500, null), p);
    }

    @Test
    void userOrderWithOnlyDeprecatedSide() {
        UserOrder u = (UserOrder) WsCodec.readMessage("{\"type\":\"user_order\",\"sid\":22,\"msg\":{\"order_id\":\"o\","
                + "\"ticker\":\"T\",\"status\":\"executed\",\"side\":\"no\",\"is_yes\":false,\"yes_price_dollars\":\"0.3500\","
                + "\"created_time\":\"2024-12-01T10:00:00Z\"}}");
        assertEquals(OutcomeSide.NO, u.outcomeSide());
        assertEquals(OrderStatus.EXECUTED, u.status());
        assertEquals(1_733_047_200_000L, u.createdTsMs(), "created_time is used when created_ts_ms is absent");
    }

    // ---------------------------------------------------------------- tolerance

    @Test
    void numbersWhereStringsAreDocumentedAndStringsWhereNumbers() {
        OrderbookDelta d = (OrderbookDelta) WsCodec.readMessage("{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":3,"
                + "\"msg\":{\"market_ticker\":\"T\",\"price_dollars\":0.96,\"delta_fp\":-54.5,\"side\":\"yes\"}}");
        assertEquals(9_600, d.price());
        assertEquals(-5_450, d.delta());
        OrderbookSnapshot s = (OrderbookSnapshot) WsCodec.readMessage("{\"type\":\"orderbook_snapshot\",\"sid\":2,\"seq\":1,"
                + "\"msg\":{\"market_ticker\":\"T\",\"yes_dollars_fp\":[[0.08,300],[\"0.22\",\"333.5\"]]}}");
        assertEquals(List.of(new PriceLevel(800, 30_000), new PriceLevel(2_200, 33_350)), s.yes());
        Trade t = (Trade) WsCodec.readMessage("{\"type\":\"trade\",\"sid\":1,\"msg\":{\"market_ticker\":\"T\","
                + "\"yes_price\":\"36\",\"count_fp\":\"1\",\"taker_book_side\":\"ask\"}}");
        assertEquals(3_600, t.yesPrice());
        assertEquals(100, t.count());
        assertEquals(OutcomeSide.NO, t.takerOutcomeSide());
        assertEquals(ABSENT, t.tsMs());
    }

    @Test
    void unknownFieldsAreIgnoredAtEveryLevel() {
        WsMessage m = WsCodec.readMessage("{\"future\":{\"a\":[1,2,{\"b\":null}]},\"type\":\"orderbook_delta\",\"sid\":2,"
                + "\"seq\":3,\"extra\":true,\"msg\":{\"market_ticker\":\"T\",\"price_dollars\":\"0.5\",\"delta_fp\":\"1.00\","
                + "\"side\":\"yes\",\"last_update_reason\":\"PostOnlyCrossCancel\",\"nested\":{\"x\":1.5e10}}}");
        assertEquals(new OrderbookDelta(2, 3, "T", null, 5_000, 100, OutcomeSide.YES, null, null, ABSENT), m);
        WsCommand c = WsCodec.readCommand("{\"id\":6,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"communications\"],"
                + "\"shard_factor\":4,\"shard_key\":1}}");
        assertEquals(Subscribe.of(6, List.of("communications"), null), c);
    }

    @Test
    void nullOptionalFieldsReadAsAbsent() {
        OrderbookDelta d = (OrderbookDelta) WsCodec.readMessage("{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":null,"
                + "\"msg\":{\"market_ticker\":\"T\",\"market_id\":null,\"price_dollars\":\"0.5\",\"delta_fp\":\"1\","
                + "\"side\":\"yes\",\"client_order_id\":null,\"ts_ms\":null}}");
        assertEquals(ABSENT, d.seq());
        assertNull(d.marketId());
        assertNull(d.clientOrderId());
    }

    @Test
    void okWithoutMsgAndUnknownCommand() {
        assertInstanceOf(UpdateOk.class, WsCodec.readMessage("{\"id\":1,\"sid\":2,\"seq\":3,\"type\":\"ok\"}"));
        assertEquals(new UnknownCommand(ABSENT, "frob"), WsCodec.readCommand("{\"cmd\":\"frob\",\"params\":{}}"));
        assertEquals(new ListSubscriptions(0), WsCodec.readCommand("{\"id\":0,\"cmd\":\"list_subscriptions\"}"));
    }
}

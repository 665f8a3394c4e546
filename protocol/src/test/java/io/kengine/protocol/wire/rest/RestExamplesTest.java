package io.kengine.protocol.wire.rest;

import static io.kengine.protocol.wire.Wire.ABSENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.kengine.protocol.wire.model.BookSide;
import io.kengine.protocol.wire.model.OrderStatus;
import io.kengine.protocol.wire.model.OutcomeSide;
import io.kengine.protocol.wire.model.PriceLevel;
import io.kengine.protocol.wire.model.SelfTradePrevention;
import io.kengine.protocol.wire.model.TimeInForce;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads the REST examples of kalshi-api.md §3 (verbatim where they are complete JSON; where the
 * reference elides with "…" outside a string, the elided part is filled with a concrete value), the
 * legacy integer shapes it records, and number-vs-string variants.
 */
class RestExamplesTest {

    @Test
    void officialCreateOrderExample() {
        // §3.1: {"ticker":…, "side":"bid","count":"1","price":"0.0100",...,"client_order_id":"<uuid>"}
        CreateOrderV2Request r = OrderCodecs.CREATE_ORDER_V2_REQUEST.fromJson("{\"ticker\":\"KXBTCD-25AUG0517-T114999.99\", "
                + "\"side\":\"bid\",\"count\":\"1\",\"price\":\"0.0100\",\"time_in_force\":\"good_till_canceled\","
                + "\"self_trade_prevention_type\":\"taker_at_cross\",\"client_order_id\":\"<uuid>\"}");
        assertEquals(CreateOrderV2Request.of("KXBTCD-25AUG0517-T114999.99", BookSide.BID, 100, 100,
                TimeInForce.GOOD_TILL_CANCELED, SelfTradePrevention.TAKER_AT_CROSS, "<uuid>"), r);
    }

    @Test
    void createOrderAcceptsNumbersAndTwoDecimalPrices() {
        CreateOrderV2Request r = OrderCodecs.CREATE_ORDER_V2_REQUEST.fromJson("{\"ticker\":\"T\",\"side\":\"ask\","
                + "\"count\":2.5,\"price\":0.56,\"time_in_force\":\"immediate_or_cancel\","
                + "\"self_trade_prevention_type\":\"maker\",\"expiration_time\":1700000000,\"type\":\"limit\"}");
        assertEquals(250, r.count());
        assertEquals(5_600, r.price());
        assertEquals(1_700_000_000L, r.expirationTimeSec());
    }

    @Test
    void orderbookExamples() {
        // §3.12 current: { "orderbook_fp": { "yes_dollars": [["0.4200","13.00"],…], "no_dollars": [[…]] } }
        assertEquals(new OrderbookResponse(List.of(new PriceLevel(4_200, 1_300)), List.of(new PriceLevel(5_600, 1_700))),
                MarketCodecs.ORDERBOOK_RESPONSE.fromJson(
                        "{ \"orderbook_fp\": { \"yes_dollars\": [[\"0.4200\",\"13.00\"]], \"no_dollars\": [[\"0.5600\",\"17.00\"]] } }"));
        // §3.12 legacy (2025): { "orderbook": { "yes": [[42,13],…], "no": [[56,17],…], "yes_dollars": …, "no_dollars": … } }
        assertEquals(new OrderbookResponse(List.of(new PriceLevel(4_200, 1_300)), List.of(new PriceLevel(5_600, 1_700))),
                MarketCodecs.ORDERBOOK_RESPONSE.fromJson("{ \"orderbook\": { \"yes\": [[42,13]], \"no\": [[56,17]] } }"));
        assertEquals(new OrderbookResponse(List.of(new PriceLevel(4_200, 1_300)), List.of()),
                MarketCodecs.ORDERBOOK_RESPONSE.fromJson("{ \"orderbook\": { \"yes\": [[42,13]], \"no\": null, "
                        + "\"yes_dollars\": [[\"0.42\",13]], \"no_dollars\": null } }"));
        assertEquals(new OrderbookResponse(List.of(), List.of()),
                MarketCodecs.ORDERBOOK_RESPONSE.fromJson("{\"orderbook_fp\":{}}"));
    }

    @Test
    void errorBodyExamples() {
        // §3.13, verbatim.
        assertEquals(ErrorBody.of(new ApiError("order_already_exists", "order already exists", null, "exchange")),
                ErrorCodecs.ERROR_BODY.fromJson("{\"error\":{\"code\":\"order_already_exists\",\"message\":\"order already exists\",\"service\":\"exchange\"}}"));
        assertEquals(ErrorBody.of("trading_is_paused", "trading is paused"),
                ErrorCodecs.ERROR_BODY.fromJson("{\"error\":{\"code\":\"trading_is_paused\",\"message\":\"trading is paused\"}}"));
        assertEquals(ErrorBody.of(ApiErrorCodes.MARKET_CLOSED, null),
                ErrorCodecs.ERROR_BODY.fromJson("{\"error\":{\"code\":\"market_closed\"}}"));
        assertEquals(ErrorBody.of(ApiErrorCodes.INVALID_PARAMETERS, null),
                ErrorCodecs.ERROR_BODY.fromJson("{\"error\":{\"code\":\"invalid_parameters\"}}"));
        assertEquals(ErrorBody.of(new ApiError("service_unavailable", "service_unavailable", null, "exchange")),
                ErrorCodecs.ERROR_BODY.fromJson("{\"error\":{\"code\":\"service_unavailable\",\"message\":\"service_unavailable\",\"service\":\"exchange\"}}"));
        assertEquals(ErrorBody.TOO_MANY_REQUESTS, ErrorCodecs.ERROR_BODY.fromJson("{\"error\": \"too many requests\"}"));
        assertEquals(ErrorBody.of(new ApiError("deprecated_v1_order_endpoint", "Please switch to V2", null, null)),
                ErrorCodecs.ERROR_BODY.fromJson("{\"error\":{\"code\":\"deprecated_v1_order_endpoint\",\"message\":\"Please switch to V2\"}}"));
        // The documented ErrorResponse schema without the envelope.
        assertEquals(ErrorBody.of(new ApiError("invalid_order", "bad", "post only cross", null)),
                ErrorCodecs.ERROR_BODY.fromJson("{\"code\":\"invalid_order\",\"message\":\"bad\",\"details\":\"post only cross\"}"));
    }

    @Test
    void batchCreateResultWithError() {
        BatchCreateOrdersV2Response r = OrderCodecs.BATCH_CREATE_ORDERS_V2_RESPONSE.fromJson("{\"orders\":["
                + "{\"order_id\":\"o1\",\"client_order_id\":\"c1\",\"fill_count\":\"0.00\",\"remaining_count\":\"10.00\",\"ts_ms\":5},"
                + "{\"client_order_id\":\"c2\",\"error\":{\"code\":\"invalid order\",\"message\":\"invalid order\",\"details\":\"post only cross\"}}]}");
        assertEquals(1_000, r.orders().get(0).remainingCount());
        assertNull(r.orders().get(0).error());
        assertEquals(ApiErrorCodes.INVALID_ORDER_SPACED, r.orders().get(1).error().code());
        assertEquals(ApiErrorCodes.POST_ONLY_CROSS_DETAILS, r.orders().get(1).error().details());
        assertEquals(ABSENT, r.orders().get(1).fillCount());
    }

    @Test
    void createResponseAveragesAreExact() {
        CreateOrderV2Response r = OrderCodecs.CREATE_ORDER_V2_RESPONSE.fromJson("{\"order_id\":\"o\",\"fill_count\":\"3.00\","
                + "\"remaining_count\":\"0.00\",\"average_fill_price\":\"0.563333\",\"average_fee_paid\":0.0175,\"ts_ms\":1}");
        assertEquals(new BigDecimal("0.563333"), r.averageFillPrice());
        assertEquals(new BigDecimal("0.0175"), r.averageFeePaid());
    }

    @Test
    void legacyOrderWithIntegerCentsAndCounts() {
        // Nov-2025 Order shape (kalshi-api.md §3.2): integer cents and whole contracts, side + action.
        Order o = PortfolioCodecs.ORDER.fromJson("{\"order_id\":\"o\",\"user_id\":\"u\",\"ticker\":\"T\",\"side\":\"yes\","
                + "\"action\":\"sell\",\"type\":\"limit\",\"status\":\"pending\",\"yes_price\":56,\"no_price\":44,"
                + "\"fill_count\":3,\"remaining_count\":7,\"initial_count\":10,\"taker_fees\":2,\"maker_fees\":0,"
                + "\"taker_fill_cost\":168,\"maker_fill_cost\":0,\"queue_position\":0,"
                + "\"created_time\":\"2025-11-01T12:00:00.5Z\",\"expiration_time\":null}");
        assertEquals(OutcomeSide.NO, o.outcomeSide());
        assertEquals(OrderStatus.PENDING, o.status());
        assertEquals(5_600, o.yesPrice());
        assertEquals(300, o.fillCount());
        assertEquals(700, o.remainingCount());
        assertEquals(1_000, o.initialCount());
        assertEquals(200, o.takerFees());
        assertEquals(16_800, o.takerFillCost());
        assertEquals(1_761_998_400_500L, o.createdTimeMs());
        assertEquals(ABSENT, o.expirationTimeMs());
    }

    @Test
    void orderWithOnlyNoPriceGetsTheComplement() {
        Order o = PortfolioCodecs.ORDER.fromJson("{\"order_id\":\"o\",\"ticker\":\"T\",\"outcome_side\":\"no\","
                + "\"status\":\"resting\",\"no_price_dollars\":\"0.4375\"}");
        assertEquals(5_625, o.yesPrice());
    }

    @Test
    void legacyMarketFields() {
        Market m = MarketCodecs.MARKET.fromJson("{\"ticker\":\"T\",\"yes_bid\":45,\"yes_ask\":53,\"no_bid\":47,"
                + "\"no_ask\":55,\"last_price\":48,\"volume\":100,\"volume_24h\":5,\"open_interest\":20,\"tick_size\":1,"
                + "\"liquidity\":12345,\"status\":\"active\",\"close_time\":\"2026-01-01T00:00:00Z\"}");
        assertEquals(4_500, m.yesBid());
        assertEquals(5_300, m.yesAsk());
        assertEquals(4_700, m.noBid());
        assertEquals(5_500, m.noAsk());
        assertEquals(4_800, m.lastPrice());
        assertEquals(10_000, m.volume());
        assertEquals(2_000, m.openInterest());
        assertEquals(1_767_225_600_000L, m.closeTimeMs());
        assertNull(m.priceRanges());
    }

    @Test
    void legacyBalanceAndFill() {
        GetBalanceResponse b = PortfolioCodecs.GET_BALANCE_RESPONSE.fromJson("{\"balance\":12345,\"portfolio_value\":50000}");
        assertEquals(1_234_500, b.balance());
        assertEquals(5_000_000, b.portfolioValue());
        GetFillsResponse f = PortfolioCodecs.GET_FILLS_RESPONSE.fromJson("{\"fills\":[{\"trade_id\":\"t\",\"order_id\":\"o\","
                + "\"market_ticker\":\"T\",\"side\":\"no\",\"action\":\"buy\",\"count_fp\":\"2.00\",\"yes_price_dollars\":\"0.4\","
                + "\"is_taker\":true,\"ts\":1754000000}],\"cursor\":\"\"}");
        PortfolioFill fill = f.fills().get(0);
        assertEquals("t", fill.fillId());
        assertEquals("T", fill.ticker());
        assertEquals(OutcomeSide.NO, fill.outcomeSide());
        assertEquals(1_754_000_000_000L, fill.createdTimeMs());
    }

    @Test
    void unknownFieldsIgnored() {
        ExchangeStatus s = MarketCodecs.EXCHANGE_STATUS.fromJson("{\"exchange_active\":true,\"trading_active\":true,"
                + "\"exchange_estimated_resume_time\":null,\"exchange_index_statuses\":[{\"exchange_index\":0,\"trading_active\":true}]}");
        assertEquals(new ExchangeStatus(true, true, null, ABSENT), s);
        Series series = MarketCodecs.SERIES.fromJson("{\"ticker\":\"S\",\"fee_type\":\"quadratic\",\"fee_multiplier\":0.25,"
                + "\"product_metadata\":{\"x\":1},\"volume\":12}");
        assertEquals(new BigDecimal("0.25"), series.feeMultiplier());
        assertEquals(1_200, series.volume());
    }
}

package io.kengine.protocol.wire.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kengine.protocol.wire.WireSamples;
import io.kengine.protocol.wire.json.JsonCodec;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** write → read gives the same record, and write → read → write the same bytes, for every REST codec. */
class RestRoundTripTest {

    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of(OrderCodecs.CREATE_ORDER_V2_REQUEST, WireSamples.createOrder()),
                Arguments.of(OrderCodecs.CREATE_ORDER_V2_REQUEST, WireSamples.batchCreate().orders().get(1)),
                Arguments.of(OrderCodecs.CREATE_ORDER_V2_RESPONSE, WireSamples.createOrderResponse()),
                Arguments.of(OrderCodecs.BATCH_CREATE_ORDERS_V2_REQUEST, WireSamples.batchCreate()),
                Arguments.of(OrderCodecs.BATCH_CREATE_ORDERS_V2_RESPONSE, WireSamples.batchCreateResponse()),
                Arguments.of(OrderCodecs.AMEND_ORDER_V2_REQUEST, WireSamples.amend()),
                Arguments.of(OrderCodecs.AMEND_ORDER_V2_RESPONSE, WireSamples.amendResponse()),
                Arguments.of(OrderCodecs.DECREASE_ORDER_V2_REQUEST, WireSamples.decrease()),
                Arguments.of(OrderCodecs.DECREASE_ORDER_V2_RESPONSE, WireSamples.decreaseResponse()),
                Arguments.of(OrderCodecs.CANCEL_ORDER_V2_RESPONSE, WireSamples.cancelResponse()),
                Arguments.of(OrderCodecs.BATCH_CANCEL_ORDERS_V2_REQUEST, WireSamples.batchCancel()),
                Arguments.of(OrderCodecs.BATCH_CANCEL_ORDERS_V2_RESPONSE, WireSamples.batchCancelResponse()),
                Arguments.of(PortfolioCodecs.ORDER, WireSamples.order()),
                Arguments.of(PortfolioCodecs.GET_ORDERS_RESPONSE, new GetOrdersResponse(List.of(WireSamples.order()), "c1")),
                Arguments.of(PortfolioCodecs.GET_ORDER_RESPONSE, new GetOrderResponse(WireSamples.order())),
                Arguments.of(PortfolioCodecs.GET_BALANCE_RESPONSE, WireSamples.balance()),
                Arguments.of(PortfolioCodecs.GET_POSITIONS_RESPONSE, WireSamples.positions()),
                Arguments.of(PortfolioCodecs.GET_FILLS_RESPONSE, new GetFillsResponse(List.of(WireSamples.portfolioFill()), "")),
                Arguments.of(MarketCodecs.MARKET, WireSamples.market()),
                Arguments.of(MarketCodecs.MARKET, WireSamples.settledMarket()),
                Arguments.of(MarketCodecs.GET_MARKETS_RESPONSE,
                        new GetMarketsResponse(List.of(WireSamples.market(), WireSamples.settledMarket()), "abc")),
                Arguments.of(MarketCodecs.GET_MARKET_RESPONSE, new GetMarketResponse(WireSamples.market())),
                Arguments.of(MarketCodecs.ORDERBOOK_RESPONSE, WireSamples.orderbook()),
                Arguments.of(MarketCodecs.ORDERBOOK_RESPONSE, new OrderbookResponse(List.of(), List.of())),
                Arguments.of(MarketCodecs.EVENT, WireSamples.event()),
                Arguments.of(MarketCodecs.GET_EVENTS_RESPONSE, new GetEventsResponse(List.of(WireSamples.event()), null)),
                Arguments.of(MarketCodecs.GET_EVENT_RESPONSE,
                        new GetEventResponse(WireSamples.event(), List.of(WireSamples.market()))),
                Arguments.of(MarketCodecs.SERIES, WireSamples.series()),
                Arguments.of(MarketCodecs.GET_SERIES_RESPONSE, new GetSeriesResponse(WireSamples.series())),
                Arguments.of(MarketCodecs.GET_SERIES_LIST_RESPONSE, new GetSeriesListResponse(List.of(WireSamples.series()))),
                Arguments.of(MarketCodecs.EXCHANGE_STATUS, WireSamples.exchangeStatus()),
                Arguments.of(ErrorCodecs.ERROR_BODY, ErrorBody.of(WireSamples.apiError())),
                Arguments.of(ErrorCodecs.ERROR_BODY, ErrorBody.TOO_MANY_REQUESTS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    <T> void roundTrips(JsonCodec<T> codec, T value) {
        String json = codec.toJson(value);
        assertEquals(value, codec.fromJson(json), json);
        assertEquals(value, codec.fromJson(codec.toBytes(value)));
        assertEquals(json, codec.toJson(codec.fromJson(json)));
    }

    @Test
    void everyCodecConstantIsExercised() throws IllegalAccessException {
        Set<Object> used = new HashSet<>();
        samples().forEach(a -> used.add(a.get()[0]));
        for (Class<?> holder : List.of(OrderCodecs.class, PortfolioCodecs.class, MarketCodecs.class, ErrorCodecs.class)) {
            for (Field f : holder.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getType() == JsonCodec.class) {
                    assertEquals(true, used.contains(f.get(null)), "no round trip for " + holder.getSimpleName() + "." + f.getName());
                }
            }
        }
    }

    @Test
    void writesKalshiSpellings() {
        assertEquals("{\"ticker\":\"" + WireSamples.TICKER + "\",\"side\":\"ask\",\"count\":\"10.50\","
                        + "\"price\":\"0.5625\",\"time_in_force\":\"good_till_canceled\","
                        + "\"self_trade_prevention_type\":\"maker\",\"client_order_id\":\"my-order-1\","
                        + "\"expiration_time\":1700000000,\"post_only\":true,\"reduce_only\":false,"
                        + "\"cancel_order_on_pause\":true,\"subaccount\":2,\"order_group_id\":\"og_123\","
                        + "\"exchange_index\":1}",
                OrderCodecs.CREATE_ORDER_V2_REQUEST.toJson(WireSamples.createOrder()));
        assertEquals("{\"orderbook_fp\":{\"yes_dollars\":[[\"0.4100\",\"5.00\"],[\"0.4200\",\"13.00\"]],"
                        + "\"no_dollars\":[[\"0.5605\",\"17.25\"]]}}",
                MarketCodecs.ORDERBOOK_RESPONSE.toJson(WireSamples.orderbook()));
        assertEquals("{\"error\":\"too many requests\"}", ErrorCodecs.ERROR_BODY.toJson(ErrorBody.TOO_MANY_REQUESTS));
        assertEquals("{\"error\":{\"code\":\"order_already_exists\",\"message\":\"order already exists\"}}",
                ErrorCodecs.ERROR_BODY.toJson(ErrorBody.of(ApiErrorCodes.ORDER_ALREADY_EXISTS, "order already exists")));
        assertEquals("{\"balance\":12345,\"balance_dollars\":\"123.4567\",\"portfolio_value\":50000,"
                        + "\"updated_ts\":1754000000,\"balance_breakdown\":[{\"exchange_index\":0,\"balance\":10000},"
                        + "{\"exchange_index\":1,\"balance\":2345}]}",
                PortfolioCodecs.GET_BALANCE_RESPONSE.toJson(WireSamples.balance()));
    }

    @Test
    void orderWritesDerivedAndDeprecatedFields() {
        String json = PortfolioCodecs.ORDER.toJson(WireSamples.order());
        for (String expected : List.of("\"side\":\"no\"", "\"action\":\"buy\"", "\"outcome_side\":\"no\"",
                "\"book_side\":\"ask\"", "\"type\":\"limit\"", "\"yes_price_dollars\":\"0.5625\"",
                "\"no_price_dollars\":\"0.4375\"", "\"fill_count_fp\":\"3.00\"", "\"taker_fees_dollars\":\"0.0175\"",
                "\"created_time\":\"2023-11-14T21:56:40Z\"", "\"last_update_time\":\"2023-11-14T22:05:00.123Z\"")) {
            assertEquals(true, json.contains(expected), expected + " in " + json);
        }
    }
}

package io.kengine.protocol.wire.rest;

import io.kengine.protocol.wire.json.JsonCodec;
import io.kengine.protocol.wire.json.JsonObject;
import io.kengine.protocol.wire.json.JsonOut;
import io.kengine.protocol.wire.model.BookSide;
import io.kengine.protocol.wire.model.SelfTradePrevention;
import io.kengine.protocol.wire.model.TimeInForce;

/**
 * Bodies of the V2 order endpoints (kalshi-api.md §3.1, 3.3–3.7). Requests are read strictly on the
 * fields the order cannot exist without (a server answers 400 naming the field); replies require
 * only the fields their meaning depends on, so a client survives Kalshi dropping an informational one.
 */
public final class OrderCodecs {
    private OrderCodecs() {
    }

    public static final JsonCodec<CreateOrderV2Request> CREATE_ORDER_V2_REQUEST = JsonCodec.of(
            "CreateOrderV2Request", OrderCodecs::writeCreate, OrderCodecs::readCreate);

    public static final JsonCodec<CreateOrderV2Response> CREATE_ORDER_V2_RESPONSE = JsonCodec.of(
            "CreateOrderV2Response",
            (r, o) -> o.str("order_id", r.orderId()).str("client_order_id", r.clientOrderId())
                    .count("fill_count", r.fillCount()).count("remaining_count", r.remainingCount())
                    .decimalString("average_fill_price", r.averageFillPrice())
                    .decimalString("average_fee_paid", r.averageFeePaid()).num("ts_ms", r.tsMs()),
            in -> new CreateOrderV2Response(in.str("order_id"), in.optStr("client_order_id"),
                    in.count("fill_count"), in.count("remaining_count"), in.optDecimal("average_fill_price"),
                    in.optDecimal("average_fee_paid"), in.optNum("ts_ms")));

    public static final JsonCodec<BatchCreateOrdersV2Request> BATCH_CREATE_ORDERS_V2_REQUEST = JsonCodec.of(
            "BatchCreateOrdersV2Request",
            (r, o) -> o.objects("orders", r.orders(), OrderCodecs::writeCreate),
            in -> new BatchCreateOrdersV2Request(in.objects("orders", OrderCodecs::readCreate)));

    public static final JsonCodec<BatchCreateOrdersV2Response> BATCH_CREATE_ORDERS_V2_RESPONSE = JsonCodec.of(
            "BatchCreateOrdersV2Response",
            (r, o) -> o.objects("orders", r.orders(), OrderCodecs::writeBatchCreateResult),
            in -> new BatchCreateOrdersV2Response(in.objects("orders", OrderCodecs::readBatchCreateResult)));

    public static final JsonCodec<AmendOrderV2Request> AMEND_ORDER_V2_REQUEST = JsonCodec.of(
            "AmendOrderV2Request",
            (r, o) -> o.str("ticker", r.ticker()).enumValue("side", r.side()).price("price", r.price())
                    .count("count", r.count()).str("client_order_id", r.clientOrderId())
                    .str("updated_client_order_id", r.updatedClientOrderId())
                    .integer("exchange_index", r.exchangeIndex()),
            in -> new AmendOrderV2Request(in.str("ticker"), in.enumOf("side", BookSide.class), in.price("price"),
                    in.count("count"), in.optStr("client_order_id"), in.optStr("updated_client_order_id"),
                    in.optInteger("exchange_index")));

    public static final JsonCodec<AmendOrderV2Response> AMEND_ORDER_V2_RESPONSE = JsonCodec.of(
            "AmendOrderV2Response",
            (r, o) -> o.str("order_id", r.orderId()).str("client_order_id", r.clientOrderId())
                    .count("remaining_count", r.remainingCount()).count("fill_count", r.fillCount())
                    .decimalString("average_fill_price", r.averageFillPrice())
                    .decimalString("average_fee_paid", r.averageFeePaid()).num("ts_ms", r.tsMs()),
            in -> new AmendOrderV2Response(in.str("order_id"), in.optStr("client_order_id"),
                    in.count("remaining_count"), in.optCount("fill_count"), in.optDecimal("average_fill_price"),
                    in.optDecimal("average_fee_paid"), in.optNum("ts_ms")));

    public static final JsonCodec<DecreaseOrderV2Request> DECREASE_ORDER_V2_REQUEST = JsonCodec.of(
            "DecreaseOrderV2Request",
            (r, o) -> o.count("reduce_by", r.reduceBy()).count("reduce_to", r.reduceTo())
                    .integer("exchange_index", r.exchangeIndex()).str("market_ticker", r.marketTicker()),
            in -> new DecreaseOrderV2Request(in.optCount("reduce_by"), in.optCount("reduce_to"),
                    in.optInteger("exchange_index"), in.optStr("market_ticker")));

    public static final JsonCodec<DecreaseOrderV2Response> DECREASE_ORDER_V2_RESPONSE = JsonCodec.of(
            "DecreaseOrderV2Response",
            (r, o) -> o.str("order_id", r.orderId()).str("client_order_id", r.clientOrderId())
                    .count("remaining_count", r.remainingCount()).num("ts_ms", r.tsMs()),
            in -> new DecreaseOrderV2Response(in.str("order_id"), in.optStr("client_order_id"),
                    in.count("remaining_count"), in.optNum("ts_ms")));

    public static final JsonCodec<CancelOrderV2Response> CANCEL_ORDER_V2_RESPONSE = JsonCodec.of(
            "CancelOrderV2Response",
            (r, o) -> o.str("order_id", r.orderId()).str("client_order_id", r.clientOrderId())
                    .count("reduced_by", r.reducedBy()).num("ts_ms", r.tsMs()),
            in -> new CancelOrderV2Response(in.str("order_id"), in.optStr("client_order_id"),
                    in.count("reduced_by"), in.optNum("ts_ms")));

    public static final JsonCodec<BatchCancelOrdersV2Request> BATCH_CANCEL_ORDERS_V2_REQUEST = JsonCodec.of(
            "BatchCancelOrdersV2Request",
            (r, o) -> o.objects("orders", r.orders(), (c, oo) -> oo.str("order_id", c.orderId())
                    .integer("subaccount", c.subaccount()).integer("exchange_index", c.exchangeIndex())
                    .str("market_ticker", c.marketTicker())),
            in -> new BatchCancelOrdersV2Request(in.objects("orders", c -> new BatchCancelOrder(c.str("order_id"),
                    c.optInteger("subaccount"), c.optInteger("exchange_index"), c.optStr("market_ticker")))));

    public static final JsonCodec<BatchCancelOrdersV2Response> BATCH_CANCEL_ORDERS_V2_RESPONSE = JsonCodec.of(
            "BatchCancelOrdersV2Response",
            (r, o) -> o.objects("orders", r.orders(), (c, oo) -> oo.str("order_id", c.orderId())
                    .str("client_order_id", c.clientOrderId()).count("reduced_by", c.reducedBy())
                    .num("ts_ms", c.tsMs()).object("error", c.error(), ErrorCodecs::writeApiError)),
            in -> new BatchCancelOrdersV2Response(in.objects("orders", c -> new BatchCancelOrderResult(
                    c.optStr("order_id"), c.optStr("client_order_id"), c.optCount("reduced_by"), c.optNum("ts_ms"),
                    readError(c)))));

    private static void writeCreate(CreateOrderV2Request r, JsonOut o) {
        o.str("ticker", r.ticker()).enumValue("side", r.side()).count("count", r.count()).price("price", r.price())
                .enumValue("time_in_force", r.timeInForce())
                .enumValue("self_trade_prevention_type", r.selfTradePrevention())
                .str("client_order_id", r.clientOrderId()).num("expiration_time", r.expirationTimeSec())
                .bool("post_only", r.postOnly()).bool("reduce_only", r.reduceOnly())
                .bool("cancel_order_on_pause", r.cancelOrderOnPause()).integer("subaccount", r.subaccount())
                .str("order_group_id", r.orderGroupId()).integer("exchange_index", r.exchangeIndex());
    }

    private static CreateOrderV2Request readCreate(JsonObject in) {
        return new CreateOrderV2Request(in.str("ticker"), in.enumOf("side", BookSide.class), in.count("count"),
                in.price("price"), in.enumOf("time_in_force", TimeInForce.class),
                in.enumOf("self_trade_prevention_type", SelfTradePrevention.class), in.optStr("client_order_id"),
                in.optNum("expiration_time"), in.optBool("post_only"), in.optBool("reduce_only"),
                in.optBool("cancel_order_on_pause"), in.optInteger("subaccount"), in.optStr("order_group_id"),
                in.optInteger("exchange_index"));
    }

    private static void writeBatchCreateResult(BatchCreateOrderResult r, JsonOut o) {
        o.str("order_id", r.orderId()).str("client_order_id", r.clientOrderId())
                .count("fill_count", r.fillCount()).count("remaining_count", r.remainingCount())
                .decimalString("average_fill_price", r.averageFillPrice())
                .decimalString("average_fee_paid", r.averageFeePaid()).num("ts_ms", r.tsMs())
                .object("error", r.error(), ErrorCodecs::writeApiError);
    }

    private static BatchCreateOrderResult readBatchCreateResult(JsonObject in) {
        return new BatchCreateOrderResult(in.optStr("order_id"), in.optStr("client_order_id"),
                in.optCount("fill_count"), in.optCount("remaining_count"), in.optDecimal("average_fill_price"),
                in.optDecimal("average_fee_paid"), in.optNum("ts_ms"), readError(in));
    }

    private static ApiError readError(JsonObject in) {
        JsonObject e = in.optObj("error");
        return e == null ? null : ErrorCodecs.readApiError(e);
    }
}

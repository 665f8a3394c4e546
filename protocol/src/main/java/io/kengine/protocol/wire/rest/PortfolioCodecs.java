package io.kengine.protocol.wire.rest;

import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.json.JsonCodec;
import io.kengine.protocol.wire.json.JsonObject;
import io.kengine.protocol.wire.json.JsonOut;
import io.kengine.protocol.wire.json.KalshiFields;
import io.kengine.protocol.wire.model.OrderStatus;
import io.kengine.protocol.wire.model.SelfTradePrevention;

/**
 * Portfolio reads (kalshi-api.md §3.2, 3.8–3.11): orders, balance, positions, fills. Readers accept
 * the Nov-2025 integer fields (cents, whole contracts) where the reference records them.
 */
public final class PortfolioCodecs {
    private PortfolioCodecs() {
    }

    public static final JsonCodec<Order> ORDER = JsonCodec.of("Order",
            PortfolioCodecs::writeOrder, PortfolioCodecs::readOrder);

    public static final JsonCodec<GetOrdersResponse> GET_ORDERS_RESPONSE = JsonCodec.of("GetOrdersResponse",
            (r, o) -> o.objects("orders", r.orders(), PortfolioCodecs::writeOrder).str("cursor", r.cursor()),
            in -> new GetOrdersResponse(in.objects("orders", PortfolioCodecs::readOrder), in.optStr("cursor")));

    public static final JsonCodec<GetOrderResponse> GET_ORDER_RESPONSE = JsonCodec.of("GetOrderResponse",
            (r, o) -> o.object("order", r.order(), PortfolioCodecs::writeOrder),
            in -> new GetOrderResponse(readOrder(in.obj("order"))));

    public static final JsonCodec<GetBalanceResponse> GET_BALANCE_RESPONSE = JsonCodec.of("GetBalanceResponse",
            (r, o) -> o.moneyAsCents("balance", r.balance()).money("balance_dollars", r.balance())
                    .moneyAsCents("portfolio_value", r.portfolioValue()).num("updated_ts", r.updatedTs())
                    .objects("balance_breakdown", r.balanceBreakdown(), (b, oo) -> oo
                            .integer("exchange_index", b.exchangeIndex()).moneyAsCents("balance", b.balance())),
            in -> {
                long balance = in.moneyOrCents("balance_dollars", "balance");
                if (balance == Wire.ABSENT) {
                    throw in.missing("balance");
                }
                return new GetBalanceResponse(balance, in.optCentsAsMoney("portfolio_value"), in.optNum("updated_ts"),
                        in.optObjects("balance_breakdown", b -> new GetBalanceResponse.Breakdown(
                                b.optInteger("exchange_index"), b.optCentsAsMoney("balance"))));
            });

    public static final JsonCodec<GetPositionsResponse> GET_POSITIONS_RESPONSE = JsonCodec.of("GetPositionsResponse",
            (r, o) -> o.str("cursor", r.cursor())
                    .objects("market_positions", r.marketPositions(), PortfolioCodecs::writeMarketPosition)
                    .objects("event_positions", r.eventPositions(), PortfolioCodecs::writeEventPosition),
            in -> new GetPositionsResponse(in.optObjects("market_positions", PortfolioCodecs::readMarketPosition),
                    in.optObjects("event_positions", PortfolioCodecs::readEventPosition), in.optStr("cursor")));

    public static final JsonCodec<GetFillsResponse> GET_FILLS_RESPONSE = JsonCodec.of("GetFillsResponse",
            (r, o) -> o.objects("fills", r.fills(), PortfolioCodecs::writeFill).str("cursor", r.cursor()),
            in -> new GetFillsResponse(in.objects("fills", PortfolioCodecs::readFill), in.optStr("cursor")));

    // ---------------------------------------------------------------- order

    private static void writeOrder(Order r, JsonOut o) {
        o.str("order_id", r.orderId()).str("user_id", r.userId()).str("client_order_id", r.clientOrderId())
                .str("ticker", r.ticker());
        KalshiFields.writeOutcome(o, r.outcomeSide());
        o.str("type", "limit").enumValue("status", r.status())
                .price("yes_price_dollars", r.yesPrice()).price("no_price_dollars", KalshiFields.complement(r.yesPrice()))
                .count("fill_count_fp", r.fillCount()).count("remaining_count_fp", r.remainingCount())
                .count("initial_count_fp", r.initialCount())
                .money("taker_fill_cost_dollars", r.takerFillCost()).money("maker_fill_cost_dollars", r.makerFillCost())
                .money("taker_fees_dollars", r.takerFees()).money("maker_fees_dollars", r.makerFees())
                .rfc3339("expiration_time", r.expirationTimeMs()).rfc3339("created_time", r.createdTimeMs())
                .rfc3339("last_update_time", r.lastUpdateTimeMs())
                .enumValue("self_trade_prevention_type", r.selfTradePrevention())
                .str("order_group_id", r.orderGroupId()).bool("cancel_order_on_pause", r.cancelOrderOnPause())
                .integer("subaccount_number", r.subaccountNumber()).integer("exchange_index", r.exchangeIndex());
    }

    private static Order readOrder(JsonObject in) {
        return new Order(in.str("order_id"), in.optStr("user_id"), in.optStr("client_order_id"), in.str("ticker"),
                KalshiFields.outcome(in, true), in.enumOf("status", OrderStatus.class), KalshiFields.yesPrice(in),
                in.countOr("fill_count_fp", "fill_count"), in.countOr("remaining_count_fp", "remaining_count"),
                in.countOr("initial_count_fp", "initial_count"),
                in.moneyOrCents("taker_fill_cost_dollars", "taker_fill_cost"),
                in.moneyOrCents("maker_fill_cost_dollars", "maker_fill_cost"),
                in.moneyOrCents("taker_fees_dollars", "taker_fees"), in.moneyOrCents("maker_fees_dollars", "maker_fees"),
                in.optMillis("expiration_time"), in.optMillis("created_time"), in.optMillis("last_update_time"),
                in.optEnum("self_trade_prevention_type", SelfTradePrevention.class), in.optStr("order_group_id"),
                in.optBool("cancel_order_on_pause"), in.optInteger("subaccount_number"),
                in.optInteger("exchange_index"));
    }

    // ---------------------------------------------------------------- positions

    private static void writeMarketPosition(PortfolioMarketPosition p, JsonOut o) {
        o.str("ticker", p.ticker()).integer("exchange_index", p.exchangeIndex())
                .money("total_traded_dollars", p.totalTraded()).count("position_fp", p.position())
                .money("market_exposure_dollars", p.marketExposure()).money("realized_pnl_dollars", p.realizedPnl())
                .money("fees_paid_dollars", p.feesPaid()).rfc3339("last_updated_ts", p.lastUpdatedMs());
    }

    private static PortfolioMarketPosition readMarketPosition(JsonObject in) {
        return new PortfolioMarketPosition(in.str("ticker"), in.optInteger("exchange_index"),
                in.optMoney("total_traded_dollars"), in.signedCountOr("position_fp", "position"),
                in.optMoney("market_exposure_dollars"), in.optMoney("realized_pnl_dollars"),
                in.optMoney("fees_paid_dollars"), in.optMillis("last_updated_ts"));
    }

    private static void writeEventPosition(PortfolioEventPosition p, JsonOut o) {
        o.str("event_ticker", p.eventTicker()).money("total_cost_dollars", p.totalCost())
                .count("total_cost_shares_fp", p.totalCostShares()).money("event_exposure_dollars", p.eventExposure())
                .money("realized_pnl_dollars", p.realizedPnl()).money("fees_paid_dollars", p.feesPaid());
    }

    private static PortfolioEventPosition readEventPosition(JsonObject in) {
        return new PortfolioEventPosition(in.str("event_ticker"), in.optMoney("total_cost_dollars"),
                in.optSignedCount("total_cost_shares_fp"), in.optMoney("event_exposure_dollars"),
                in.optMoney("realized_pnl_dollars"), in.optMoney("fees_paid_dollars"));
    }

    // ---------------------------------------------------------------- fills

    private static void writeFill(PortfolioFill f, JsonOut o) {
        o.str("fill_id", f.fillId()).str("trade_id", f.fillId()).str("order_id", f.orderId())
                .str("ticker", f.ticker()).str("market_ticker", f.ticker()).integer("exchange_index", f.exchangeIndex());
        KalshiFields.writeOutcome(o, f.outcomeSide());
        o.count("count_fp", f.count()).price("yes_price_dollars", f.yesPrice())
                .price("no_price_dollars", KalshiFields.complement(f.yesPrice())).bool("is_taker", f.isTaker())
                .rfc3339("created_time", f.createdTimeMs()).money("fee_cost", f.feeCost())
                .integer("subaccount_number", f.subaccountNumber()).epochSeconds("ts", f.createdTimeMs());
    }

    private static PortfolioFill readFill(JsonObject in) {
        String id = in.optStr("fill_id");
        String ticker = in.optStr("ticker");
        long created = in.optMillis("created_time");
        if (created == Wire.ABSENT) {
            created = in.optSecondsAsMillis("ts"); // legacy name; unit UNCONFIRMED, taken as seconds
        }
        return new PortfolioFill(id != null ? id : in.optStr("trade_id"), in.optStr("order_id"),
                ticker != null ? ticker : in.str("market_ticker"), in.optInteger("exchange_index"),
                KalshiFields.outcome(in, true), KalshiFields.yesPrice(in), in.countOr("count_fp", "count"),
                in.bool("is_taker"), created, in.optMoney("fee_cost"), in.optInteger("subaccount_number"));
    }
}

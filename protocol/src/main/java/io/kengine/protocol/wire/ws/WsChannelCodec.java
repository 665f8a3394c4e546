package io.kengine.protocol.wire.ws;

import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.json.JsonObject;
import io.kengine.protocol.wire.json.KalshiFields;
import io.kengine.protocol.wire.json.JsonOut;
import io.kengine.protocol.wire.json.JsonValue;
import io.kengine.protocol.wire.model.Action;
import io.kengine.protocol.wire.model.BookSide;
import io.kengine.protocol.wire.model.OrderStatus;
import io.kengine.protocol.wire.model.OutcomeSide;
import io.kengine.protocol.wire.model.PriceLevel;
import io.kengine.protocol.wire.model.SelfTradePrevention;
import java.util.List;

/**
 * Channel data messages: {@code {"type", "sid", "seq"?, "msg": {...}}}. Writers produce the current
 * schema (fixed-point strings, plus the deprecated fields the schema still requires, derived from the
 * current ones); readers also accept the legacy integer fields of the 2026-01 schema.
 */
final class WsChannelCodec {
    private WsChannelCodec() {
    }

    private static void envelope(JsonOut out, String type, long sid, long seq) {
        out.str("type", type).num("sid", sid).num("seq", seq);
    }

    // ---------------------------------------------------------------- orderbook

    static void writeSnapshot(OrderbookSnapshot m, JsonOut out) {
        envelope(out, m.type(), m.sid(), m.seq());
        out.object("msg", m, (s, o) -> o.str("market_ticker", s.marketTicker()).str("market_id", s.marketId())
                .levels("yes_dollars_fp", s.yes().isEmpty() ? null : s.yes())
                .levels("no_dollars_fp", s.no().isEmpty() ? null : s.no()));
    }

    static OrderbookSnapshot readSnapshot(JsonObject in) {
        JsonObject msg = in.obj("msg");
        return new OrderbookSnapshot(in.num("sid"), in.optNum("seq"), msg.str("market_ticker"),
                msg.optStr("market_id"), side(msg, "yes"), side(msg, "no"));
    }

    /** {@code <side>_dollars_fp} (current), else {@code <side>_dollars} (price strings, integer counts), else {@code <side>} (cents). */
    private static List<PriceLevel> side(JsonObject msg, String side) {
        if (msg.has(side + "_dollars_fp")) {
            return KalshiFields.levels(msg, side + "_dollars_fp", false);
        }
        if (msg.has(side + "_dollars")) {
            return KalshiFields.levels(msg, side + "_dollars", false);
        }
        return KalshiFields.levels(msg, side, true);
    }

    static void writeDelta(OrderbookDelta m, JsonOut out) {
        envelope(out, m.type(), m.sid(), m.seq());
        out.object("msg", m, (d, o) -> o.str("market_ticker", d.marketTicker()).str("market_id", d.marketId())
                .price("price_dollars", d.price()).count("delta_fp", d.delta()).enumValue("side", d.side())
                .str("client_order_id", d.clientOrderId()).integer("subaccount", d.subaccount())
                .rfc3339("ts", d.tsMs()).num("ts_ms", d.tsMs()));
    }

    static OrderbookDelta readDelta(JsonObject in) {
        JsonObject msg = in.obj("msg");
        long price = msg.priceOr("price_dollars", "price");
        if (price == Wire.ABSENT) {
            throw msg.missing("price_dollars");
        }
        long delta = msg.signedCountOr("delta_fp", "delta");
        if (delta == Wire.ABSENT) {
            throw msg.missing("delta_fp");
        }
        return new OrderbookDelta(in.num("sid"), in.optNum("seq"), msg.str("market_ticker"), msg.optStr("market_id"),
                price, delta, msg.enumOf("side", OutcomeSide.class), msg.optStr("client_order_id"),
                msg.optInteger("subaccount"), tsMillis(msg));
    }

    /** {@code ts_ms}, else {@code ts} as RFC 3339 (delta) or Unix seconds (ticker, trade, fill). */
    private static long tsMillis(JsonObject msg) {
        long ms = msg.optNum("ts_ms");
        if (ms != Wire.ABSENT) {
            return ms;
        }
        JsonValue ts = msg.get("ts");
        if (ts == null) {
            return msg.optMillis("time");
        }
        return ts.isString() ? ts.asRfc3339Millis() : msg.optSecondsAsMillis("ts");
    }

    // ---------------------------------------------------------------- ticker, trade

    static void writeTicker(Ticker m, JsonOut out) {
        envelope(out, m.type(), m.sid(), Wire.ABSENT);
        out.object("msg", m, (t, o) -> o.str("market_ticker", t.marketTicker()).str("market_id", t.marketId())
                .price("price_dollars", t.price()).price("yes_bid_dollars", t.yesBid())
                .price("yes_ask_dollars", t.yesAsk()).count("volume_fp", t.volume())
                .count("open_interest_fp", t.openInterest()).num("dollar_volume", t.dollarVolume())
                .num("dollar_open_interest", t.dollarOpenInterest()).count("yes_bid_size_fp", t.yesBidSize())
                .count("yes_ask_size_fp", t.yesAskSize()).count("last_trade_size_fp", t.lastTradeSize())
                .epochSeconds("ts", t.tsMs()).num("ts_ms", t.tsMs()).rfc3339("time", t.tsMs()));
    }

    static Ticker readTicker(JsonObject in) {
        JsonObject msg = in.obj("msg");
        return new Ticker(in.num("sid"), msg.str("market_ticker"), msg.optStr("market_id"),
                msg.priceOr("price_dollars", "price"), msg.priceOr("yes_bid_dollars", "yes_bid"),
                msg.priceOr("yes_ask_dollars", "yes_ask"), msg.optCount("yes_bid_size_fp"),
                msg.optCount("yes_ask_size_fp"), msg.optCount("last_trade_size_fp"),
                msg.countOr("volume_fp", "volume"), msg.countOr("open_interest_fp", "open_interest"),
                msg.optNum("dollar_volume"), msg.optNum("dollar_open_interest"), tsMillis(msg));
    }

    static void writeTrade(Trade m, JsonOut out) {
        envelope(out, m.type(), m.sid(), Wire.ABSENT);
        out.object("msg", m, (t, o) -> o.str("trade_id", t.tradeId()).str("market_ticker", t.marketTicker())
                .price("yes_price_dollars", t.yesPrice()).price("no_price_dollars", KalshiFields.complement(t.yesPrice()))
                .count("count_fp", t.count()).enumValue("taker_side", t.takerOutcomeSide())
                .enumValue("taker_outcome_side", t.takerOutcomeSide())
                .enumValue("taker_book_side", t.takerOutcomeSide() == null ? null : t.takerOutcomeSide().bookSide())
                .bool("is_block_trade", t.isBlockTrade()).epochSeconds("ts", t.tsMs()).num("ts_ms", t.tsMs()));
    }

    static Trade readTrade(JsonObject in) {
        JsonObject msg = in.obj("msg");
        long yes = KalshiFields.yesPrice(msg);
        OutcomeSide taker = msg.optEnum("taker_outcome_side", OutcomeSide.class);
        if (taker == null) {
            BookSide book = msg.optEnum("taker_book_side", BookSide.class);
            taker = book != null ? book.outcomeSide() : msg.optEnum("taker_side", OutcomeSide.class);
        }
        return new Trade(in.num("sid"), msg.optStr("trade_id"), msg.str("market_ticker"), yes,
                msg.countOr("count_fp", "count"), taker, msg.optBool("is_block_trade"), tsMillis(msg));
    }

    // ---------------------------------------------------------------- private channels

    static void writeFill(Fill m, JsonOut out) {
        envelope(out, m.type(), m.sid(), Wire.ABSENT);
        out.object("msg", m, (f, o) -> o.str("trade_id", f.tradeId()).str("order_id", f.orderId())
                .str("market_ticker", f.marketTicker()).integer("exchange_index", f.exchangeIndex())
                .bool("is_taker", f.isTaker()).enumValue("side", f.outcomeSide())
                .price("yes_price_dollars", f.yesPrice()).count("count_fp", f.count())
                .money("fee_cost", f.feeCost()).enumValue("action", f.outcomeSide() == null ? null : Action.BUY)
                .epochSeconds("ts", f.tsMs()).num("ts_ms", f.tsMs()).str("client_order_id", f.clientOrderId())
                .count("post_position_fp", f.postPosition()).enumValue("purchased_side", f.outcomeSide())
                .enumValue("outcome_side", f.outcomeSide())
                .enumValue("book_side", f.outcomeSide() == null ? null : f.outcomeSide().bookSide())
                .integer("subaccount", f.subaccount()));
    }

    static Fill readFill(JsonObject in) {
        JsonObject msg = in.obj("msg");
        return new Fill(in.num("sid"), msg.optStr("trade_id"), msg.optStr("order_id"), msg.str("market_ticker"),
                msg.optInteger("exchange_index"), msg.bool("is_taker"), KalshiFields.outcome(msg, true),
                msg.priceOr("yes_price_dollars", "yes_price"), msg.countOr("count_fp", "count"),
                msg.optMoney("fee_cost"), msg.signedCountOr("post_position_fp", "post_position"),
                msg.optStr("client_order_id"), msg.optInteger("subaccount"), tsMillis(msg));
    }

    static void writeUserOrder(UserOrder m, JsonOut out) {
        envelope(out, m.type(), m.sid(), Wire.ABSENT);
        out.object("msg", m, (u, o) -> o.str("order_id", u.orderId()).str("user_id", u.userId())
                .str("ticker", u.ticker()).enumValue("status", u.status()).enumValue("side", u.outcomeSide())
                .bool("is_yes", u.outcomeSide() == null ? null : u.outcomeSide() == OutcomeSide.YES)
                .enumValue("outcome_side", u.outcomeSide())
                .enumValue("book_side", u.outcomeSide() == null ? null : u.outcomeSide().bookSide())
                .price("yes_price_dollars", u.yesPrice()).count("fill_count_fp", u.fillCount())
                .count("remaining_count_fp", u.remainingCount()).count("initial_count_fp", u.initialCount())
                .money("taker_fill_cost_dollars", u.takerFillCost()).money("maker_fill_cost_dollars", u.makerFillCost())
                .money("taker_fees_dollars", u.takerFees()).money("maker_fees_dollars", u.makerFees())
                .str("client_order_id", u.clientOrderId()).str("order_group_id", u.orderGroupId())
                .enumValue("self_trade_prevention_type", u.selfTradePrevention())
                .rfc3339("created_time", u.createdTsMs()).num("created_ts_ms", u.createdTsMs())
                .rfc3339("last_update_time", u.lastUpdatedTsMs()).num("last_updated_ts_ms", u.lastUpdatedTsMs())
                .rfc3339("expiration_time", u.expirationTsMs()).num("expiration_ts_ms", u.expirationTsMs())
                .integer("subaccount_number", u.subaccountNumber()));
    }

    static UserOrder readUserOrder(JsonObject in) {
        JsonObject msg = in.obj("msg");
        // user_order has no legacy action: a bare "side" is taken as the outcome side (UNCONFIRMED for sells).
        return new UserOrder(in.num("sid"), msg.str("order_id"), msg.optStr("user_id"), msg.str("ticker"),
                msg.enumOf("status", OrderStatus.class), KalshiFields.outcome(msg, false), msg.optPrice("yes_price_dollars"),
                msg.optCount("fill_count_fp"), msg.optCount("remaining_count_fp"), msg.optCount("initial_count_fp"),
                msg.optMoney("taker_fill_cost_dollars"), msg.optMoney("maker_fill_cost_dollars"),
                msg.optMoney("taker_fees_dollars"), msg.optMoney("maker_fees_dollars"), msg.optStr("client_order_id"),
                msg.optStr("order_group_id"), msg.optEnum("self_trade_prevention_type", SelfTradePrevention.class),
                msOr(msg, "created_ts_ms", "created_time"), msOr(msg, "last_updated_ts_ms", "last_update_time"),
                msOr(msg, "expiration_ts_ms", "expiration_time"), msg.optInteger("subaccount_number"));
    }

    private static long msOr(JsonObject msg, String msName, String rfc3339Name) {
        long ms = msg.optNum(msName);
        return ms != Wire.ABSENT ? ms : msg.optMillis(rfc3339Name);
    }

    static void writePosition(MarketPosition m, JsonOut out) {
        envelope(out, m.type(), m.sid(), Wire.ABSENT);
        out.object("msg", m, (p, o) -> o.str("user_id", p.userId()).str("market_ticker", p.marketTicker())
                .count("position_fp", p.position()).money("position_cost_dollars", p.positionCost())
                .money("realized_pnl_dollars", p.realizedPnl()).money("fees_paid_dollars", p.feesPaid())
                .money("position_fee_cost_dollars", p.positionFeeCost()).count("volume_fp", p.volume())
                .integer("subaccount", p.subaccount()));
    }

    static MarketPosition readPosition(JsonObject in) {
        JsonObject msg = in.obj("msg");
        return new MarketPosition(in.num("sid"), msg.optStr("user_id"), msg.str("market_ticker"),
                msg.signedCountOr("position_fp", "position"), legacyMoney(msg, "position_cost"),
                legacyMoney(msg, "realized_pnl"), legacyMoney(msg, "fees_paid"), legacyMoney(msg, "position_fee_cost"),
                msg.countOr("volume_fp", "volume"), msg.optInteger("subaccount"));
    }

    /** {@code <name>_dollars}, else the legacy integer {@code <name>} in centi-cents, which is already $0.0001. */
    private static long legacyMoney(JsonObject msg, String name) {
        long v = msg.optMoney(name + "_dollars");
        return v != Wire.ABSENT ? v : msg.optNum(name);
    }

    // ---------------------------------------------------------------- lifecycle

    static void writeLifecycle(MarketLifecycleV2 m, JsonOut out) {
        envelope(out, m.type(), m.sid(), Wire.ABSENT);
        out.object("msg", m, (l, o) -> o.str("market_ticker", l.marketTicker()).str("event_type", l.eventType())
                .integer("exchange_index", l.exchangeIndex()).num("open_ts", l.openTsSec())
                .num("close_ts", l.closeTsSec()).str("result", l.result())
                .num("determination_ts", l.determinationTsSec()).price("settlement_value", l.settlementValue())
                .num("settled_ts", l.settledTsSec()).bool("is_deactivated", l.isDeactivated())
                .str("price_level_structure", l.priceLevelStructure())
                .objects("price_ranges", l.priceRanges(), KalshiFields::writeRange)
                .str("strike_type", l.strikeType()).decimal("floor_strike", l.floorStrike())
                .decimal("cap_strike", l.capStrike()).str("yes_sub_title", l.yesSubTitle())
                .object("additional_metadata", l.additionalMetadata(), WsChannelCodec::writeMetadata));
    }

    private static void writeMetadata(MarketMetadata m, JsonOut o) {
        o.str("name", m.name()).str("title", m.title()).str("yes_sub_title", m.yesSubTitle())
                .str("no_sub_title", m.noSubTitle()).str("rules_primary", m.rulesPrimary())
                .str("rules_secondary", m.rulesSecondary()).bool("can_close_early", m.canCloseEarly())
                .str("event_ticker", m.eventTicker()).num("expected_expiration_ts", m.expectedExpirationTsSec())
                .str("strike_type", m.strikeType()).decimal("floor_strike", m.floorStrike())
                .decimal("cap_strike", m.capStrike());
    }

    private static MarketMetadata readMetadata(JsonObject m) {
        return new MarketMetadata(m.optStr("name"), m.optStr("title"), m.optStr("yes_sub_title"),
                m.optStr("no_sub_title"), m.optStr("rules_primary"), m.optStr("rules_secondary"),
                m.optBool("can_close_early"), m.optStr("event_ticker"), m.optNum("expected_expiration_ts"),
                m.optStr("strike_type"), m.optDecimal("floor_strike"), m.optDecimal("cap_strike"));
    }

    static MarketLifecycleV2 readLifecycle(JsonObject in) {
        JsonObject msg = in.obj("msg");
        JsonObject meta = msg.optObj("additional_metadata");
        return new MarketLifecycleV2(in.num("sid"), msg.str("market_ticker"), msg.str("event_type"),
                msg.optInteger("exchange_index"), msg.optNum("open_ts"), msg.optNum("close_ts"), msg.optStr("result"),
                msg.optNum("determination_ts"), msg.optPrice("settlement_value"), msg.optNum("settled_ts"),
                msg.optBool("is_deactivated"), msg.optStr("price_level_structure"),
                msg.optObjects("price_ranges", KalshiFields::readRange), msg.optStr("strike_type"),
                msg.optDecimal("floor_strike"), msg.optDecimal("cap_strike"), msg.optStr("yes_sub_title"),
                meta == null ? null : readMetadata(meta));
    }

    static void writeEventLifecycle(EventLifecycle m, JsonOut out) {
        envelope(out, m.type(), m.sid(), Wire.ABSENT);
        out.object("msg", m, (e, o) -> o.str("event_ticker", e.eventTicker()).integer("exchange_index", e.exchangeIndex())
                .str("title", e.title()).str("subtitle", e.subtitle())
                .str("collateral_return_type", e.collateralReturnType()).str("series_ticker", e.seriesTicker())
                .num("strike_date", e.strikeDateSec()).str("strike_period", e.strikePeriod()));
    }

    static EventLifecycle readEventLifecycle(JsonObject in) {
        JsonObject msg = in.obj("msg");
        return new EventLifecycle(in.num("sid"), msg.str("event_ticker"), msg.optInteger("exchange_index"),
                msg.optStr("title"), msg.optStr("subtitle"), msg.optStr("collateral_return_type"),
                msg.optStr("series_ticker"), msg.optNum("strike_date"), msg.optStr("strike_period"));
    }

    static void writeFeeUpdate(EventFeeUpdate m, JsonOut out) {
        envelope(out, m.type(), m.sid(), Wire.ABSENT);
        out.object("msg", m, (e, o) -> o.str("event_ticker", e.eventTicker())
                .strOrNull("fee_type_override", e.feeTypeOverride())
                .decimalOrNull("fee_multiplier_override", e.feeMultiplierOverride()));
    }

    static EventFeeUpdate readFeeUpdate(JsonObject in) {
        JsonObject msg = in.obj("msg");
        return new EventFeeUpdate(in.num("sid"), msg.str("event_ticker"), msg.optStr("fee_type_override"),
                msg.optDecimal("fee_multiplier_override"));
    }

    static void writeOrderGroup(OrderGroupUpdate m, JsonOut out) {
        envelope(out, m.type(), m.sid(), m.seq());
        out.object("msg", m, (g, o) -> o.str("event_type", g.eventType()).str("order_group_id", g.orderGroupId())
                .count("contracts_limit_fp", g.contractsLimit()).num("ts_ms", g.tsMs()));
    }

    static OrderGroupUpdate readOrderGroup(JsonObject in) {
        JsonObject msg = in.obj("msg");
        return new OrderGroupUpdate(in.num("sid"), in.optNum("seq"), msg.str("event_type"), msg.str("order_group_id"),
                msg.optCount("contracts_limit_fp"), msg.optNum("ts_ms"));
    }
}

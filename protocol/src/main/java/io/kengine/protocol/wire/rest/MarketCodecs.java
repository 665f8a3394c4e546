package io.kengine.protocol.wire.rest;

import io.kengine.protocol.wire.json.JsonCodec;
import io.kengine.protocol.wire.json.JsonObject;
import io.kengine.protocol.wire.json.JsonOut;
import io.kengine.protocol.wire.json.KalshiFields;
import io.kengine.protocol.wire.model.PriceLevel;
import java.util.List;

/**
 * Market data reads (kalshi-api.md §3.12): markets, order book, events, series, exchange status.
 * Readers accept the integer cent / count fields markets carried before 2026 where the reference
 * records them.
 */
public final class MarketCodecs {
    private MarketCodecs() {
    }

    public static final JsonCodec<Market> MARKET = JsonCodec.of("Market",
            MarketCodecs::writeMarket, MarketCodecs::readMarket);

    public static final JsonCodec<GetMarketsResponse> GET_MARKETS_RESPONSE = JsonCodec.of("GetMarketsResponse",
            (r, o) -> o.objects("markets", r.markets(), MarketCodecs::writeMarket).str("cursor", r.cursor()),
            in -> new GetMarketsResponse(in.objects("markets", MarketCodecs::readMarket), in.optStr("cursor")));

    public static final JsonCodec<GetMarketResponse> GET_MARKET_RESPONSE = JsonCodec.of("GetMarketResponse",
            (r, o) -> o.object("market", r.market(), MarketCodecs::writeMarket),
            in -> new GetMarketResponse(readMarket(in.obj("market"))));

    public static final JsonCodec<OrderbookResponse> ORDERBOOK_RESPONSE = JsonCodec.of("OrderbookResponse",
            (r, o) -> o.object("orderbook_fp", r, (b, oo) -> oo.levels("yes_dollars", b.yes())
                    .levels("no_dollars", b.no())),
            MarketCodecs::readOrderbook);

    public static final JsonCodec<EventData> EVENT = JsonCodec.of("EventData",
            MarketCodecs::writeEvent, MarketCodecs::readEvent);

    public static final JsonCodec<GetEventsResponse> GET_EVENTS_RESPONSE = JsonCodec.of("GetEventsResponse",
            (r, o) -> o.objects("events", r.events(), MarketCodecs::writeEvent).str("cursor", r.cursor()),
            in -> new GetEventsResponse(in.objects("events", MarketCodecs::readEvent), in.optStr("cursor")));

    public static final JsonCodec<GetEventResponse> GET_EVENT_RESPONSE = JsonCodec.of("GetEventResponse",
            (r, o) -> o.object("event", r.event(), MarketCodecs::writeEvent)
                    .objects("markets", r.markets(), MarketCodecs::writeMarket),
            in -> new GetEventResponse(readEvent(in.obj("event")), in.optObjects("markets", MarketCodecs::readMarket)));

    public static final JsonCodec<Series> SERIES = JsonCodec.of("Series",
            MarketCodecs::writeSeries, MarketCodecs::readSeries);

    public static final JsonCodec<GetSeriesResponse> GET_SERIES_RESPONSE = JsonCodec.of("GetSeriesResponse",
            (r, o) -> o.object("series", r.series(), MarketCodecs::writeSeries),
            in -> new GetSeriesResponse(readSeries(in.obj("series"))));

    public static final JsonCodec<GetSeriesListResponse> GET_SERIES_LIST_RESPONSE = JsonCodec.of(
            "GetSeriesListResponse",
            (r, o) -> o.objects("series", r.series(), MarketCodecs::writeSeries),
            in -> new GetSeriesListResponse(in.objects("series", MarketCodecs::readSeries)));

    public static final JsonCodec<ExchangeStatus> EXCHANGE_STATUS = JsonCodec.of("ExchangeStatus",
            (r, o) -> o.bool("exchange_active", r.exchangeActive()).bool("trading_active", r.tradingActive())
                    .bool("intra_exchange_transfers_active", r.intraExchangeTransfersActive())
                    .rfc3339("exchange_estimated_resume_time", r.exchangeEstimatedResumeTimeMs()),
            in -> new ExchangeStatus(in.bool("exchange_active"), in.bool("trading_active"),
                    in.optBool("intra_exchange_transfers_active"), in.optMillis("exchange_estimated_resume_time")));

    // ---------------------------------------------------------------- market

    private static void writeMarket(Market m, JsonOut o) {
        o.str("ticker", m.ticker()).str("event_ticker", m.eventTicker()).str("market_type", m.marketType())
                .str("yes_sub_title", m.yesSubTitle()).str("no_sub_title", m.noSubTitle()).str("status", m.status())
                .rfc3339("open_time", m.openTimeMs()).rfc3339("close_time", m.closeTimeMs())
                .rfc3339("expected_expiration_time", m.expectedExpirationTimeMs())
                .rfc3339("latest_expiration_time", m.latestExpirationTimeMs())
                .integer("settlement_timer_seconds", m.settlementTimerSeconds())
                .price("yes_bid_dollars", m.yesBid()).count("yes_bid_size_fp", m.yesBidSize())
                .price("yes_ask_dollars", m.yesAsk()).count("yes_ask_size_fp", m.yesAskSize())
                .price("no_bid_dollars", m.noBid()).price("no_ask_dollars", m.noAsk())
                .price("last_price_dollars", m.lastPrice()).price("previous_yes_bid_dollars", m.previousYesBid())
                .price("previous_yes_ask_dollars", m.previousYesAsk()).price("previous_price_dollars", m.previousPrice())
                .count("volume_fp", m.volume()).count("volume_24h_fp", m.volume24h())
                .count("open_interest_fp", m.openInterest()).money("notional_value_dollars", m.notionalValue())
                .str("result", m.result()).bool("can_close_early", m.canCloseEarly())
                .price("settlement_value_dollars", m.settlementValue()).rfc3339("settlement_ts", m.settlementTimeMs())
                .str("expiration_value", m.expirationValue()).str("strike_type", m.strikeType())
                .decimal("floor_strike", m.floorStrike()).decimal("cap_strike", m.capStrike())
                .str("rules_primary", m.rulesPrimary()).str("rules_secondary", m.rulesSecondary())
                .str("price_level_structure", m.priceLevelStructure())
                .objects("price_ranges", m.priceRanges(), KalshiFields::writeRange)
                .rfc3339("fee_waiver_expiration_time", m.feeWaiverExpirationTimeMs())
                .bool("is_provisional", m.isProvisional()).integer("exchange_index", m.exchangeIndex());
    }

    private static Market readMarket(JsonObject in) {
        return new Market(in.str("ticker"), in.optStr("event_ticker"), in.optStr("market_type"),
                in.optStr("yes_sub_title"), in.optStr("no_sub_title"), in.optStr("status"),
                in.optMillis("open_time"), in.optMillis("close_time"), in.optMillis("expected_expiration_time"),
                in.optMillis("latest_expiration_time"), in.optInteger("settlement_timer_seconds"),
                in.priceOr("yes_bid_dollars", "yes_bid"), in.optCount("yes_bid_size_fp"),
                in.priceOr("yes_ask_dollars", "yes_ask"), in.optCount("yes_ask_size_fp"),
                in.priceOr("no_bid_dollars", "no_bid"), in.priceOr("no_ask_dollars", "no_ask"),
                in.priceOr("last_price_dollars", "last_price"), in.priceOr("previous_yes_bid_dollars", "previous_yes_bid"),
                in.priceOr("previous_yes_ask_dollars", "previous_yes_ask"),
                in.priceOr("previous_price_dollars", "previous_price"), in.countOr("volume_fp", "volume"),
                in.countOr("volume_24h_fp", "volume_24h"), in.countOr("open_interest_fp", "open_interest"),
                in.moneyOrCents("notional_value_dollars", "notional_value"), in.optStr("result"),
                in.optBool("can_close_early"), in.optPrice("settlement_value_dollars"), in.optMillis("settlement_ts"),
                in.optStr("expiration_value"), in.optStr("strike_type"), in.optDecimal("floor_strike"),
                in.optDecimal("cap_strike"), in.optStr("rules_primary"), in.optStr("rules_secondary"),
                in.optStr("price_level_structure"), in.optObjects("price_ranges", KalshiFields::readRange),
                in.optMillis("fee_waiver_expiration_time"), in.optBool("is_provisional"),
                in.optInteger("exchange_index"));
    }

    // ---------------------------------------------------------------- order book

    /** {@code orderbook_fp} (current), else the 2025 {@code orderbook} with {@code *_dollars} or integer cents. */
    private static OrderbookResponse readOrderbook(JsonObject in) {
        JsonObject fp = in.optObj("orderbook_fp");
        if (fp != null) {
            return new OrderbookResponse(KalshiFields.levels(fp, "yes_dollars", false),
                    KalshiFields.levels(fp, "no_dollars", false));
        }
        JsonObject legacy = in.optObj("orderbook");
        if (legacy == null) {
            throw in.missing("orderbook_fp");
        }
        return new OrderbookResponse(legacySide(legacy, "yes"), legacySide(legacy, "no"));
    }

    private static List<PriceLevel> legacySide(JsonObject book, String side) {
        return book.has(side + "_dollars") ? KalshiFields.levels(book, side + "_dollars", false)
                : KalshiFields.levels(book, side, true);
    }

    // ---------------------------------------------------------------- events, series

    private static void writeEvent(EventData e, JsonOut o) {
        o.str("event_ticker", e.eventTicker()).str("series_ticker", e.seriesTicker()).str("title", e.title())
                .str("sub_title", e.subTitle()).str("collateral_return_type", e.collateralReturnType())
                .bool("mutually_exclusive", e.mutuallyExclusive()).rfc3339("strike_date", e.strikeDateMs())
                .str("strike_period", e.strikePeriod()).objects("markets", e.markets(), MarketCodecs::writeMarket)
                .str("fee_type_override", e.feeTypeOverride()).decimal("fee_multiplier_override", e.feeMultiplierOverride())
                .integer("exchange_index", e.exchangeIndex());
    }

    private static EventData readEvent(JsonObject in) {
        return new EventData(in.str("event_ticker"), in.optStr("series_ticker"), in.optStr("title"),
                in.optStr("sub_title"), in.optStr("collateral_return_type"), in.optBool("mutually_exclusive"),
                in.optMillis("strike_date"), in.optStr("strike_period"),
                in.optObjects("markets", MarketCodecs::readMarket), in.optStr("fee_type_override"),
                in.optDecimal("fee_multiplier_override"), in.optInteger("exchange_index"));
    }

    private static void writeSeries(Series s, JsonOut o) {
        o.str("ticker", s.ticker()).str("frequency", s.frequency()).str("title", s.title())
                .str("category", s.category()).strings("tags", s.tags())
                .objects("settlement_sources", s.settlementSources(),
                        (src, oo) -> oo.str("name", src.name()).str("url", src.url()))
                .str("contract_url", s.contractUrl()).str("contract_terms_url", s.contractTermsUrl())
                .str("fee_type", s.feeType()).decimal("fee_multiplier", s.feeMultiplier())
                .strings("additional_prohibitions", s.additionalProhibitions()).count("volume_fp", s.volume())
                .integer("exchange_index", s.exchangeIndex());
    }

    private static Series readSeries(JsonObject in) {
        return new Series(in.str("ticker"), in.optStr("frequency"), in.optStr("title"), in.optStr("category"),
                in.optStrings("tags"), in.optObjects("settlement_sources",
                        src -> new Series.SettlementSource(src.optStr("name"), src.optStr("url"))),
                in.optStr("contract_url"), in.optStr("contract_terms_url"), in.optStr("fee_type"),
                in.optDecimal("fee_multiplier"), in.optStrings("additional_prohibitions"),
                in.countOr("volume_fp", "volume"), in.optInteger("exchange_index"));
    }
}

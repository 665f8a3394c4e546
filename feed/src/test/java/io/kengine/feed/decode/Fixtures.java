package io.kengine.feed.decode;

import java.util.List;

/**
 * Frames from Kalshi's documentation: the AsyncAPI examples (YAML rewritten as JSON, values unchanged),
 * kalshi-api.md §4.3/§4.5 verbatim (elisions included), and the legacy shapes §4.5 records.
 */
final class Fixtures {
    private Fixtures() {
    }

    static final String UUID = "9b0f6b43-5b68-4f9f-9f02-9a2d1b8ac1a1";

    // ---------------------------------------------------------------- AsyncAPI examples (current schema)

    static final String SNAPSHOT = "{\"type\":\"orderbook_snapshot\",\"sid\":2,\"seq\":2,\"msg\":{\"market_ticker\":\"FED-23DEC-T3.00\","
            + "\"market_id\":\"" + UUID + "\",\"yes_dollars_fp\":[[\"0.0800\",\"300.00\"],[\"0.2200\",\"333.00\"]],"
            + "\"no_dollars_fp\":[[\"0.5400\",\"20.00\"],[\"0.5600\",\"146.00\"]]}}";
    static final String DELTA = "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":3,\"msg\":{\"market_ticker\":\"FED-23DEC-T3.00\","
            + "\"market_id\":\"" + UUID + "\",\"price_dollars\":\"0.960\",\"delta_fp\":\"-54.00\",\"side\":\"yes\","
            + "\"ts\":\"2022-11-22T20:44:01Z\",\"ts_ms\":1669149841000}}";
    static final String TICKER = "{\"type\":\"ticker\",\"sid\":11,\"msg\":{\"market_ticker\":\"FED-23DEC-T3.00\","
            + "\"market_id\":\"" + UUID + "\",\"price_dollars\":\"0.480\",\"yes_bid_dollars\":\"0.450\","
            + "\"yes_ask_dollars\":\"0.530\",\"volume_fp\":\"33896.00\",\"open_interest_fp\":\"20422.00\","
            + "\"dollar_volume\":16948,\"dollar_open_interest\":10211,\"yes_bid_size_fp\":\"300.00\","
            + "\"yes_ask_size_fp\":\"150.00\",\"last_trade_size_fp\":\"25.00\",\"ts\":1669149841,\"ts_ms\":1669149841000,"
            + "\"time\":\"2022-11-22T20:44:01Z\"}}";
    static final String TRADE = "{\"type\":\"trade\",\"sid\":11,\"msg\":{\"trade_id\":\"d91bc706-ee49-470d-82d8-11418bda6fed\","
            + "\"market_ticker\":\"HIGHNY-22DEC23-B53.5\",\"yes_price_dollars\":\"0.360\",\"no_price_dollars\":\"0.640\","
            + "\"count_fp\":\"136.00\",\"taker_side\":\"no\",\"is_block_trade\":false,\"ts\":1669149841,\"ts_ms\":1669149841000}}";
    static final String FILL = "{\"type\":\"fill\",\"sid\":13,\"msg\":{\"trade_id\":\"d91bc706-ee49-470d-82d8-11418bda6fed\","
            + "\"order_id\":\"ee587a1c-8b87-4dcf-b721-9f6f790619fa\",\"market_ticker\":\"HIGHNY-22DEC23-B53.5\","
            + "\"exchange_index\":2,\"is_taker\":true,\"side\":\"yes\",\"yes_price_dollars\":\"0.750\",\"count_fp\":\"278.00\","
            + "\"action\":\"buy\",\"ts\":1671899397,\"ts_ms\":1671899397000,\"post_position_fp\":\"500.00\","
            + "\"purchased_side\":\"yes\",\"subaccount\":3}}";
    static final String USER_ORDER = "{\"type\":\"user_order\",\"sid\":22,\"msg\":{\"order_id\":\"ee587a1c-8b87-4dcf-b721-9f6f790619fa\","
            + "\"user_id\":\"a1b2c3d4-e5f6-7890-abcd-ef1234567890\",\"ticker\":\"FED-23DEC-T3.00\",\"status\":\"resting\","
            + "\"side\":\"yes\",\"is_yes\":true,\"yes_price_dollars\":\"0.3500\",\"fill_count_fp\":\"0.00\","
            + "\"remaining_count_fp\":\"10.00\",\"initial_count_fp\":\"10.00\",\"taker_fill_cost_dollars\":\"0.0000\","
            + "\"maker_fill_cost_dollars\":\"0.0000\",\"client_order_id\":\"my-order-1\",\"order_group_id\":\"og_123\","
            + "\"self_trade_prevention_type\":\"taker_at_cross\",\"created_time\":\"2024-12-01T10:00:00Z\","
            + "\"created_ts_ms\":1733047200000,\"expiration_time\":\"2024-12-01T11:00:00Z\",\"expiration_ts_ms\":1733050800000,"
            + "\"subaccount_number\":0}}";
    static final String SUBSCRIBED = "{\"id\":1,\"type\":\"subscribed\",\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":1}}";
    static final String UNSUBSCRIBED = "{\"id\":102,\"sid\":2,\"seq\":7,\"type\":\"unsubscribed\"}";
    static final String UPDATE_OK = "{\"id\":123,\"sid\":456,\"seq\":222,\"type\":\"ok\",\"msg\":{\"market_tickers\":[\"MARKET-1\",\"MARKET-2\",\"MARKET-3\"]}}";
    static final String LIST = "{\"id\":3,\"type\":\"ok\",\"msg\":[{\"channel\":\"orderbook_delta\",\"sid\":1},"
            + "{\"channel\":\"ticker\",\"sid\":2},{\"channel\":\"fill\",\"sid\":3}]}";
    static final String ERROR_ALREADY = "{\"id\":123,\"type\":\"error\",\"msg\":{\"code\":6,\"msg\":\"Already subscribed\"}}";
    static final String ERROR_UNKNOWN_CHANNEL = "{\"id\":124,\"type\":\"error\",\"msg\":{\"code\":8,\"msg\":\"Unknown channel name\"}}";
    static final String ERROR_PARAMS = "{\"id\":125,\"type\":\"error\",\"msg\":{\"code\":2,\"msg\":\"Params required\"}}";
    static final String ERROR_AUTH = "{\"id\":126,\"type\":\"error\",\"msg\":{\"code\":9,\"msg\":\"Authentication required\"}}";
    static final String ERROR_MARKET = "{\"id\":127,\"type\":\"error\",\"msg\":{\"code\":16,\"msg\":\"Market not found\","
            + "\"market_ticker\":\"INVALID-MARKET\"}}";

    // ---------------------------------------------------------------- kalshi-api.md §4.5 verbatim

    static final String DOC_SNAPSHOT = "{\"type\":\"orderbook_snapshot\",\"sid\":2,\"seq\":2,\n"
            + " \"msg\":{\"market_ticker\":\"FED-23DEC-T3.00\",\"market_id\":\"9b0f…\",\n"
            + "        \"yes_dollars_fp\":[[\"0.0800\",\"300.00\"],[\"0.2200\",\"333.00\"]],\n"
            + "        \"no_dollars_fp\":[[\"0.5400\",\"20.00\"],[\"0.5600\",\"146.00\"]]}}";
    static final String DOC_DELTA = "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":3,\n"
            + " \"msg\":{\"market_ticker\":\"FED-23DEC-T3.00\",\"market_id\":\"9b0f…\",\"price_dollars\":\"0.960\",\n"
            + "        \"delta_fp\":\"-54.00\",\"side\":\"yes\",\"client_order_id\":\"…(only if your order caused it)\",\n"
            + "        \"subaccount\":3,\"ts\":\"2022-11-22T20:44:01Z\",\"ts_ms\":1669149841000}}";

    // ---------------------------------------------------------------- legacy shapes (2026-01 schema, captures)

    static final String LEGACY_SNAPSHOT_CENTS = "{\"type\":\"orderbook_snapshot\",\"sid\":2,\"seq\":1,"
            + "\"msg\":{\"market_ticker\":\"FED-23DEC-T3.00\",\"yes\":[[8,300],[22,333]],\"no\":[[54,20],[56,146]]}}";
    static final String LEGACY_SNAPSHOT_DOLLARS = "{\"type\":\"orderbook_snapshot\",\"sid\":2,\"seq\":1,"
            + "\"msg\":{\"market_ticker\":\"FED-23DEC-T3.00\",\"yes\":[[8,300]],\"yes_dollars\":[[\"0.080\",300]]}}";
    /** Jan 22 – Mar 12 2026: legacy and fixed-point both sent; the fixed-point ones win. */
    static final String TRANSITION_SNAPSHOT = "{\"type\":\"orderbook_snapshot\",\"sid\":2,\"seq\":1,"
            + "\"msg\":{\"market_ticker\":\"FED-23DEC-T3.00\",\"yes\":[[8,300]],\"yes_dollars\":[[\"0.080\",300]],"
            + "\"yes_dollars_fp\":[[\"0.0800\",\"300.50\"]],\"no\":[[54,20]],\"no_dollars\":[[\"0.540\",20]],"
            + "\"no_dollars_fp\":[[\"0.5400\",\"20.00\"]]}}";
    static final String LEGACY_DELTA = "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":3,"
            + "\"msg\":{\"market_ticker\":\"FED-23DEC-T3.00\",\"price\":96,\"delta\":-54,\"side\":\"no\",\"client_order_id\":\"c1\"}}";
    static final String LEGACY_DELTA_WITH_DOLLARS = "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":3,"
            + "\"msg\":{\"market_ticker\":\"FED-23DEC-T3.00\",\"price\":96,\"price_dollars\":\"0.960\",\"delta\":-54,\"side\":\"yes\"}}";
    static final String LEGACY_TICKER = "{\"type\":\"ticker\",\"sid\":11,\"msg\":{\"market_ticker\":\"FED-23DEC-T3.00\","
            + "\"price\":48,\"yes_bid\":45,\"yes_ask\":53,\"volume\":33896,\"open_interest\":20422,"
            + "\"dollar_volume\":16948,\"dollar_open_interest\":10211,\"ts\":1669149841,\"Clock\":987654}}";
    static final String LEGACY_TRADE = "{\"type\":\"trade\",\"sid\":11,\"msg\":{\"trade_id\":\"d91bc706-ee49-470d-82d8-11418bda6fed\","
            + "\"market_ticker\":\"HIGHNY-22DEC23-B53.5\",\"yes_price\":36,\"no_price\":64,\"count\":136,\"taker_side\":\"no\","
            + "\"ts\":1669149841}}";
    static final String LEGACY_FILL = "{\"type\":\"fill\",\"sid\":13,\"msg\":{\"trade_id\":\"d91bc706-ee49-470d-82d8-11418bda6fed\","
            + "\"order_id\":\"ee587a1c-8b87-4dcf-b721-9f6f790619fa\",\"market_ticker\":\"HIGHNY-22DEC23-B53.5\",\"is_taker\":true,"
            + "\"side\":\"yes\",\"yes_price\":75,\"count\":278,\"action\":\"sell\",\"ts\":1671899397,\"post_position\":-500}}";
    static final String LEGACY_USER_ORDER = "{\"type\":\"user_order\",\"sid\":22,\"msg\":{\"order_id\":\"ee587a1c-8b87-4dcf-b721-9f6f790619fa\","
            + "\"ticker\":\"FED-23DEC-T3.00\",\"status\":\"executed\",\"side\":\"no\",\"is_yes\":false,\"yes_price_dollars\":\"0.3500\","
            + "\"created_time\":\"2024-12-01T10:00:00Z\"}}";

    // ---------------------------------------------------------------- variants

    /** Numbers where strings are documented and strings where numbers (third parties report both). */
    static final String NUMERIC_DELTA = "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":3,"
            + "\"msg\":{\"market_ticker\":\"T\",\"price_dollars\":0.96,\"delta_fp\":-54.5,\"side\":\"yes\"}}";
    static final String NUMERIC_SNAPSHOT = "{\"type\":\"orderbook_snapshot\",\"sid\":2,\"seq\":1,"
            + "\"msg\":{\"market_ticker\":\"T\",\"yes_dollars_fp\":[[0.08,300],[\"0.22\",\"333.5\"]]}}";
    static final String STRING_CENTS_TRADE = "{\"type\":\"trade\",\"sid\":1,\"msg\":{\"market_ticker\":\"T\","
            + "\"yes_price\":\"36\",\"count_fp\":\"1\",\"taker_book_side\":\"ask\"}}";
    static final String NO_PRICE_ONLY_TRADE = "{\"type\":\"trade\",\"sid\":1,\"msg\":{\"market_ticker\":\"T\","
            + "\"no_price_dollars\":\"0.6400\",\"count_fp\":\"2.50\",\"taker_outcome_side\":\"yes\",\"ts_ms\":5}}";
    static final String UNKNOWN_FIELDS = "{\"future\":{\"a\":[1,2,{\"b\":null}]},\"type\":\"orderbook_delta\",\"sid\":2,"
            + "\"seq\":3,\"extra\":true,\"msg\":{\"market_ticker\":\"T\",\"price_dollars\":\"0.5\",\"delta_fp\":\"1.00\","
            + "\"side\":\"yes\",\"last_update_reason\":\"PostOnlyCrossCancel\",\"nested\":{\"x\":1.5e10,\"s\":\"a\\\"b\\u00e9\"}}}";
    static final String NULLS = "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":null,"
            + "\"msg\":{\"market_ticker\":\"T\",\"market_id\":null,\"price_dollars\":\"0.5\",\"delta_fp\":\"1\","
            + "\"side\":\"yes\",\"client_order_id\":null,\"ts_ms\":null}}";
    static final String TS_RFC3339_ONLY = "{\"type\":\"orderbook_delta\",\"sid\":2,\"seq\":4,\"msg\":{\"market_ticker\":\"T\","
            + "\"price_dollars\":\"0.0001\",\"delta_fp\":\"0.01\",\"side\":\"no\",\"ts\":\"2026-03-09T14:30:00.1234+05:30\"}}";
    static final String TICKER_TIME_ONLY = "{\"type\":\"ticker\",\"sid\":11,\"msg\":{\"market_ticker\":\"T\","
            + "\"yes_bid_dollars\":\"0\",\"yes_ask_dollars\":\"1.0000\",\"time\":\"2024-02-29T23:59:59.999Z\"}}";
    static final String FILL_OUTCOME = "{\"type\":\"fill\",\"sid\":13,\"msg\":{\"trade_id\":\"t-1\",\"order_id\":\"o-1\","
            + "\"market_ticker\":\"KXBTCD-25AUG0517-T114999.99\",\"is_taker\":false,\"side\":\"yes\",\"action\":\"buy\","
            + "\"outcome_side\":\"no\",\"book_side\":\"bid\",\"yes_price_dollars\":\"0.7512\",\"count_fp\":\"2.78\","
            + "\"fee_cost\":\"0.0131\",\"post_position_fp\":\"-5.00\",\"client_order_id\":\"my-order-1\",\"ts_ms\":1671899397123}}";
    static final String EMPTY_SNAPSHOT = "{\"type\":\"orderbook_snapshot\",\"sid\":5,\"seq\":1,\"msg\":{\"market_ticker\":\"T\"}}";
    static final String WHITESPACE = " \r\n\t{ \"type\" : \"orderbook_delta\" ,\n \"sid\" : 2 , \"seq\" : 9 , \"msg\" : { "
            + "\"market_ticker\" : \"T\" , \"price_dollars\" : \"0.50\" , \"delta_fp\" : \"-1\" , \"side\" : \"no\" } } \n";

    // ---------------------------------------------------------------- market_lifecycle_v2

    /** AsyncAPI example marketCreated, verbatim (additional_metadata included). */
    static final String LIFECYCLE = "{\"type\":\"market_lifecycle_v2\",\"sid\":13,\"msg\":{\"market_ticker\":\"INXD-23SEP14-B4487\","
            + "\"event_type\":\"created\",\"exchange_index\":0,\"open_ts\":1694635200,\"close_ts\":1694721600,"
            + "\"price_level_structure\":\"linear_cent\",\"additional_metadata\":{\"name\":\"S&P 500 daily return on Sep 14\","
            + "\"title\":\"S&P 500 closes up by 0.02% or more\",\"yes_sub_title\":\"S&P 500 closes up 0.02%+\","
            + "\"no_sub_title\":\"S&P 500 closes up <0.02%\",\"rules_primary\":\"The S&P 500 index level at 4:00 PM ET...\","
            + "\"rules_secondary\":\"\",\"can_close_early\":true,\"event_ticker\":\"INXD-23SEP14\","
            + "\"expected_expiration_ts\":1694721600,\"strike_type\":\"greater\",\"floor_strike\":4487}}}";
    /** AsyncAPI example priceLevelStructureUpdated. */
    static final String LIFECYCLE_PRICE_LEVELS = "{\"type\":\"market_lifecycle_v2\",\"sid\":13,\"msg\":{"
            + "\"market_ticker\":\"INXD-23SEP14-B4487\",\"event_type\":\"price_level_structure_updated\","
            + "\"price_level_structure\":\"deci_cent\",\"price_ranges\":[{\"start\":\"0.0000\",\"end\":\"1.0000\",\"step\":\"0.0010\"}]}}";
    /** AsyncAPI examples metadataUpdated and metadataUpdatedSubtitle. */
    static final String LIFECYCLE_METADATA = "{\"type\":\"market_lifecycle_v2\",\"sid\":13,\"msg\":{"
            + "\"market_ticker\":\"KXBTC-25APR30-T0915-B95000\",\"event_type\":\"metadata_updated\",\"strike_type\":\"between\","
            + "\"floor_strike\":95000,\"cap_strike\":95250}}";
    static final String LIFECYCLE_SUBTITLE = "{\"type\":\"market_lifecycle_v2\",\"sid\":13,\"msg\":{"
            + "\"market_ticker\":\"KXBTC15M-26APR160100-00\",\"event_type\":\"metadata_updated\",\"yes_sub_title\":\"above $95,000\"}}";
    /** The other event types with the fields the schema says each carries (no AsyncAPI example for them). */
    static final String LIFECYCLE_DEACTIVATED = "{\"type\":\"market_lifecycle_v2\",\"sid\":13,\"msg\":{"
            + "\"market_ticker\":\"FED-23DEC-T3.00\",\"event_type\":\"deactivated\",\"is_deactivated\":true}}";
    static final String LIFECYCLE_ACTIVATED = "{\"type\":\"market_lifecycle_v2\",\"sid\":13,\"msg\":{"
            + "\"market_ticker\":\"FED-23DEC-T3.00\",\"event_type\":\"activated\",\"is_deactivated\":false}}";
    static final String LIFECYCLE_CLOSE_DATE = "{\"type\":\"market_lifecycle_v2\",\"sid\":13,\"msg\":{"
            + "\"market_ticker\":\"FED-23DEC-T3.00\",\"event_type\":\"close_date_updated\",\"close_ts\":1702591200}}";
    static final String LIFECYCLE_DETERMINED = "{\"type\":\"market_lifecycle_v2\",\"sid\":13,\"msg\":{"
            + "\"market_ticker\":\"FED-23DEC-T3.00\",\"event_type\":\"determined\",\"result\":\"yes\","
            + "\"determination_ts\":1702594800,\"settlement_value\":\"1.0000\"}}";
    static final String LIFECYCLE_SETTLED = "{\"type\":\"market_lifecycle_v2\",\"sid\":13,\"msg\":{"
            + "\"market_ticker\":\"FED-23DEC-T3.00\",\"event_type\":\"settled\",\"settled_ts\":1702598400}}";
    /** Variants: a scalar result with a number settlement value and string strikes; nulls; a seq sent anyway; "" result. */
    static final String LIFECYCLE_SCALAR = "{\"type\":\"market_lifecycle_v2\",\"sid\":13,\"msg\":{"
            + "\"market_ticker\":\"T\",\"event_type\":\"determined\",\"result\":\"scalar\",\"determination_ts\":1702594800,"
            + "\"settlement_value\":0.4375,\"floor_strike\":\"4487.25\",\"cap_strike\":1.5e3}}";
    static final String LIFECYCLE_NULLS = "{\"type\":\"market_lifecycle_v2\",\"sid\":13,\"seq\":99,\"msg\":{"
            + "\"market_ticker\":\"T\",\"event_type\":\"created\",\"open_ts\":null,\"close_ts\":1702591200,\"result\":\"\","
            + "\"settlement_value\":null,\"is_deactivated\":null,\"price_ranges\":[{\"start\":\"0\",\"end\":\"0.1\",\"step\":\"0.001\"},"
            + "{\"start\":0.1,\"end\":\"0.9000\",\"step\":\"0.01\",\"note\":null},{\"start\":\"0.9\",\"end\":\"1\",\"step\":\"0.001\"}],"
            + "\"additional_metadata\":{\"name\":null,\"custom_strike\":{\"a\":[1]},\"future\":1}}}";
    /** A type added after this decoder: decoded, not refused, and publishes nothing. */
    static final String LIFECYCLE_FUTURE = "{\"type\":\"market_lifecycle_v2\",\"sid\":13,\"msg\":{"
            + "\"market_ticker\":\"FED-23DEC-T3.00\",\"event_type\":\"rulebook_amended\",\"ts_ms\":5}}";

    // ---------------------------------------------------------------- message types this decoder does not handle

    static final String RFQ = "{\"type\":\"rfq_created\",\"sid\":15,\"msg\":{\"id\":\"rfq_123\"}}";
    static final String POSITION = "{\"type\":\"market_position\",\"sid\":14,\"msg\":{\"user_id\":\"user123\","
            + "\"market_ticker\":\"FED-23DEC-T3.00\",\"position_fp\":\"100.00\",\"position_cost_dollars\":\"50.0000\","
            + "\"realized_pnl_dollars\":\"10.0000\",\"fees_paid_dollars\":\"1.0000\",\"position_fee_cost_dollars\":\"0.5000\","
            + "\"volume_fp\":\"15.00\"}}";
    /** Same payload as market_lifecycle_v2, on a channel the feed does not subscribe: left to WsCodec. */
    static final String MVE_LIFECYCLE = "{\"type\":\"multivariate_market_lifecycle\",\"sid\":14,\"msg\":{"
            + "\"market_ticker\":\"KXMVE-TEST-EVENT-M1\",\"event_type\":\"created\",\"exchange_index\":0,"
            + "\"open_ts\":1773936000,\"close_ts\":1774022400}}";
    /** Also on the market_lifecycle_v2 channel (AsyncAPI examples). */
    static final String EVENT_LIFECYCLE = "{\"type\":\"event_lifecycle\",\"sid\":5,\"msg\":{"
            + "\"event_ticker\":\"KXQUICKSETTLE-26JAN25H2150\",\"exchange_index\":0,"
            + "\"title\":\"What will 1+1 equal on Jan 25 at 21:50?\",\"subtitle\":\"Jan 25 at 21:50\","
            + "\"collateral_return_type\":\"MECNET\",\"series_ticker\":\"KXQUICKSETTLE\"}}";
    static final String EVENT_FEE_UPDATE = "{\"type\":\"event_fee_update\",\"sid\":5,\"msg\":{"
            + "\"event_ticker\":\"KXBTCD-26MAY2018\",\"fee_type_override\":null,\"fee_multiplier_override\":null}}";
    static final String ORDER_GROUP = "{\"type\":\"order_group_updates\",\"sid\":21,\"seq\":7,\"msg\":{\"event_type\":\"limit_updated\","
            + "\"order_group_id\":\"og_123\",\"contracts_limit_fp\":\"150.00\"}}";

    static List<String> hot() {
        return List.of(SNAPSHOT, DELTA, TICKER, TRADE, FILL, USER_ORDER, DOC_SNAPSHOT, DOC_DELTA,
                LEGACY_SNAPSHOT_CENTS, LEGACY_SNAPSHOT_DOLLARS, TRANSITION_SNAPSHOT, LEGACY_DELTA, LEGACY_DELTA_WITH_DOLLARS,
                LEGACY_TICKER, LEGACY_TRADE, LEGACY_FILL, LEGACY_USER_ORDER, NUMERIC_DELTA, NUMERIC_SNAPSHOT,
                STRING_CENTS_TRADE, NO_PRICE_ONLY_TRADE, UNKNOWN_FIELDS, NULLS, TS_RFC3339_ONLY, TICKER_TIME_ONLY,
                FILL_OUTCOME, EMPTY_SNAPSHOT, WHITESPACE);
    }

    static List<String> control() {
        return List.of(SUBSCRIBED, UNSUBSCRIBED, UPDATE_OK, LIST, ERROR_ALREADY, ERROR_UNKNOWN_CHANNEL, ERROR_PARAMS,
                ERROR_AUTH, ERROR_MARKET);
    }

    static List<String> lifecycle() {
        return List.of(LIFECYCLE, LIFECYCLE_PRICE_LEVELS, LIFECYCLE_METADATA, LIFECYCLE_SUBTITLE, LIFECYCLE_DEACTIVATED,
                LIFECYCLE_ACTIVATED, LIFECYCLE_CLOSE_DATE, LIFECYCLE_DETERMINED, LIFECYCLE_SETTLED, LIFECYCLE_SCALAR,
                LIFECYCLE_NULLS, LIFECYCLE_FUTURE);
    }

    static List<String> unknown() {
        return List.of(RFQ, POSITION, ORDER_GROUP, MVE_LIFECYCLE, EVENT_LIFECYCLE, EVENT_FEE_UPDATE);
    }
}

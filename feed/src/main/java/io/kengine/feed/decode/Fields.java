package io.kengine.feed.decode;

/**
 * The field names the decoder looks at, as ids into {@link JsonScanner}'s slots: the envelope
 * ({@code ROOT}) and the union of every handled message's {@code msg} object ({@code MSG}). A name
 * not listed is skipped (after full syntax and duplicate checks).
 */
final class Fields {
    private Fields() {
    }

    // ---------------------------------------------------------------- envelope
    static final int R_TYPE = 0;
    static final int R_SID = 1;
    static final int R_SEQ = 2;
    static final int R_ID = 3;
    static final int R_MSG = 4;
    static final FieldTable ROOT = new FieldTable("type", "sid", "seq", "id", "msg");

    // ---------------------------------------------------------------- msg (order = ids)
    static final int MARKET_TICKER = 0;
    static final int MARKET_ID = 1;
    static final int TICKER = 2;
    static final int TS = 3;
    static final int TS_MS = 4;
    static final int TIME = 5;
    static final int CLIENT_ORDER_ID = 6;
    static final int SUBACCOUNT = 7;
    static final int YES_DOLLARS_FP = 8;
    static final int NO_DOLLARS_FP = 9;
    static final int YES_DOLLARS = 10;
    static final int NO_DOLLARS = 11;
    static final int YES = 12;
    static final int NO = 13;
    static final int PRICE_DOLLARS = 14;
    static final int PRICE = 15;
    static final int DELTA_FP = 16;
    static final int DELTA = 17;
    static final int SIDE = 18;
    static final int YES_BID_DOLLARS = 19;
    static final int YES_BID = 20;
    static final int YES_ASK_DOLLARS = 21;
    static final int YES_ASK = 22;
    static final int YES_BID_SIZE_FP = 23;
    static final int YES_ASK_SIZE_FP = 24;
    static final int LAST_TRADE_SIZE_FP = 25;
    static final int VOLUME_FP = 26;
    static final int VOLUME = 27;
    static final int OPEN_INTEREST_FP = 28;
    static final int OPEN_INTEREST = 29;
    static final int DOLLAR_VOLUME = 30;
    static final int DOLLAR_OPEN_INTEREST = 31;
    static final int TRADE_ID = 32;
    static final int YES_PRICE_DOLLARS = 33;
    static final int YES_PRICE = 34;
    static final int NO_PRICE_DOLLARS = 35;
    static final int NO_PRICE = 36;
    static final int COUNT_FP = 37;
    static final int COUNT = 38;
    static final int TAKER_OUTCOME_SIDE = 39;
    static final int TAKER_BOOK_SIDE = 40;
    static final int TAKER_SIDE = 41;
    static final int IS_BLOCK_TRADE = 42;
    static final int ORDER_ID = 43;
    static final int EXCHANGE_INDEX = 44;
    static final int IS_TAKER = 45;
    static final int FEE_COST = 46;
    static final int POST_POSITION_FP = 47;
    static final int POST_POSITION = 48;
    static final int OUTCOME_SIDE = 49;
    static final int BOOK_SIDE = 50;
    static final int PURCHASED_SIDE = 51;
    static final int ACTION = 52;
    static final int USER_ID = 53;
    static final int STATUS = 54;
    static final int FILL_COUNT_FP = 55;
    static final int REMAINING_COUNT_FP = 56;
    static final int INITIAL_COUNT_FP = 57;
    static final int TAKER_FILL_COST_DOLLARS = 58;
    static final int MAKER_FILL_COST_DOLLARS = 59;
    static final int TAKER_FEES_DOLLARS = 60;
    static final int MAKER_FEES_DOLLARS = 61;
    static final int ORDER_GROUP_ID = 62;
    static final int SELF_TRADE_PREVENTION_TYPE = 63;
    static final int CREATED_TS_MS = 64;
    static final int CREATED_TIME = 65;
    static final int LAST_UPDATED_TS_MS = 66;
    static final int LAST_UPDATE_TIME = 67;
    static final int EXPIRATION_TS_MS = 68;
    static final int EXPIRATION_TIME = 69;
    static final int SUBACCOUNT_NUMBER = 70;
    static final int CODE = 71;
    static final int MSG = 72;
    static final int CHANNEL = 73;
    static final int SID = 74;
    static final int MARKET_TICKERS = 75;
    static final int MARKET_IDS = 76;
    // market_lifecycle_v2
    static final int EVENT_TYPE = 77;
    static final int OPEN_TS = 78;
    static final int CLOSE_TS = 79;
    static final int RESULT = 80;
    static final int DETERMINATION_TS = 81;
    static final int SETTLEMENT_VALUE = 82;
    static final int SETTLED_TS = 83;
    static final int IS_DEACTIVATED = 84;
    static final int PRICE_LEVEL_STRUCTURE = 85;
    static final int PRICE_RANGES = 86;
    static final int STRIKE_TYPE = 87;
    static final int FLOOR_STRIKE = 88;
    static final int CAP_STRIKE = 89;
    static final int YES_SUB_TITLE = 90;
    static final int ADDITIONAL_METADATA = 91;

    static final FieldTable MSG_TABLE = new FieldTable(
            "market_ticker", "market_id", "ticker", "ts", "ts_ms", "time", "client_order_id", "subaccount",
            "yes_dollars_fp", "no_dollars_fp", "yes_dollars", "no_dollars", "yes", "no",
            "price_dollars", "price", "delta_fp", "delta", "side",
            "yes_bid_dollars", "yes_bid", "yes_ask_dollars", "yes_ask", "yes_bid_size_fp", "yes_ask_size_fp",
            "last_trade_size_fp", "volume_fp", "volume", "open_interest_fp", "open_interest", "dollar_volume",
            "dollar_open_interest",
            "trade_id", "yes_price_dollars", "yes_price", "no_price_dollars", "no_price", "count_fp", "count",
            "taker_outcome_side", "taker_book_side", "taker_side", "is_block_trade",
            "order_id", "exchange_index", "is_taker", "fee_cost", "post_position_fp", "post_position",
            "outcome_side", "book_side", "purchased_side", "action",
            "user_id", "status", "fill_count_fp", "remaining_count_fp", "initial_count_fp",
            "taker_fill_cost_dollars", "maker_fill_cost_dollars", "taker_fees_dollars", "maker_fees_dollars",
            "order_group_id", "self_trade_prevention_type", "created_ts_ms", "created_time",
            "last_updated_ts_ms", "last_update_time", "expiration_ts_ms", "expiration_time", "subaccount_number",
            "code", "msg", "channel", "sid", "market_tickers", "market_ids",
            "event_type", "open_ts", "close_ts", "result", "determination_ts", "settlement_value", "settled_ts",
            "is_deactivated", "price_level_structure", "price_ranges", "strike_type", "floor_strike", "cap_strike",
            "yes_sub_title", "additional_metadata");

    static {
        // The ids above are positions in MSG_TABLE: a mismatch would read the wrong field silently.
        if (!"market_ids".equals(MSG_TABLE.name(MARKET_IDS)) || !"order_id".equals(MSG_TABLE.name(ORDER_ID))
                || !"subaccount_number".equals(MSG_TABLE.name(SUBACCOUNT_NUMBER))
                || !"trade_id".equals(MSG_TABLE.name(TRADE_ID)) || !"market_ids".equals(MSG_TABLE.name(MARKET_IDS))
                || !"settled_ts".equals(MSG_TABLE.name(SETTLED_TS))
                || !"additional_metadata".equals(MSG_TABLE.name(ADDITIONAL_METADATA))
                || MSG_TABLE.size() != ADDITIONAL_METADATA + 1) {
            throw new ExceptionInInitializerError("Fields ids out of step with MSG_TABLE");
        }
    }
}

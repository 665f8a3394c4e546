package io.kengine.sim.server;

import java.util.HashMap;
import java.util.Map;

/**
 * The WebSocket channels a client may name in {@code subscribe} (reference §4.4). The simulator
 * feeds the first seven; the rest are accepted (a real client may ask for them) and stay silent.
 */
public enum WsChannel {
    ORDERBOOK_DELTA("orderbook_delta", true, true, false, true),
    TICKER("ticker", false, false, false, true),
    TRADE("trade", false, false, false, true),
    FILL("fill", false, false, true, true),
    MARKET_POSITIONS("market_positions", false, false, true, true),
    USER_ORDERS("user_orders", false, false, true, true),
    MARKET_LIFECYCLE_V2("market_lifecycle_v2", false, false, false, false),
    MULTIVARIATE_MARKET_LIFECYCLE("multivariate_market_lifecycle", false, false, false, false),
    COMMUNICATIONS("communications", false, false, true, false),
    ORDER_GROUP_UPDATES("order_group_updates", true, false, true, false),
    CFBENCHMARKS_VALUE("cfbenchmarks_value", true, false, false, false),
    PYTH_VALUE("pyth_value", true, false, false, false);

    private static final Map<String, WsChannel> BY_NAME = new HashMap<>();

    static {
        for (WsChannel c : values()) {
            BY_NAME.put(c.wireName, c);
        }
    }

    private final String wireName;
    private final boolean seq;
    private final boolean marketRequired;
    private final boolean privateToOwner;
    private final boolean marketFilter;

    WsChannel(String wireName, boolean seq, boolean marketRequired, boolean privateToOwner, boolean marketFilter) {
        this.wireName = wireName;
        this.seq = seq;
        this.marketRequired = marketRequired;
        this.privateToOwner = privateToOwner;
        this.marketFilter = marketFilter;
    }

    public static WsChannel byName(String name) {
        return BY_NAME.get(name);
    }

    public String wireName() {
        return wireName;
    }

    /** Data messages carry {@code seq} (consecutive per subscription). */
    public boolean hasSeq() {
        return seq;
    }

    /** Subscribing needs {@code market_ticker(s)} (error 14 without). */
    public boolean marketRequired() {
        return marketRequired;
    }

    /** Messages go only to connections of the account they concern. */
    public boolean privateToOwner() {
        return privateToOwner;
    }

    /** Accepts {@code market_ticker(s)} filters (otherwise the channel carries everything). */
    public boolean marketFilter() {
        return marketFilter;
    }
}

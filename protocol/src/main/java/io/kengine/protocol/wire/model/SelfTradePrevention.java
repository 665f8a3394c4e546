package io.kengine.protocol.wire.model;

import io.kengine.protocol.wire.json.WireEnum;

/**
 * TAKER_AT_CROSS cancels the incoming order (fills so far kept); MAKER cancels the resting order and
 * keeps matching (kalshi-api.md §3.1).
 */
public enum SelfTradePrevention implements WireEnum {
    TAKER_AT_CROSS("taker_at_cross"),
    MAKER("maker");

    private final String wireName;

    SelfTradePrevention(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}

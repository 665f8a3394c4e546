package io.kengine.protocol.wire.model;

import io.kengine.protocol.wire.json.WireEnum;

/** Deprecated legacy {@code action}; still written where Kalshi's schema requires it. */
public enum Action implements WireEnum {
    BUY("buy"),
    SELL("sell");

    private final String wireName;

    Action(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}

package io.kengine.protocol.wire.model;

import io.kengine.protocol.wire.json.WireEnum;

/** Good-till-time is {@link #GOOD_TILL_CANCELED} plus an expiration time; IoC may not carry one. */
public enum TimeInForce implements WireEnum {
    FILL_OR_KILL("fill_or_kill"),
    GOOD_TILL_CANCELED("good_till_canceled"),
    IMMEDIATE_OR_CANCEL("immediate_or_cancel");

    private final String wireName;

    TimeInForce(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}

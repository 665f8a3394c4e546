package io.kengine.protocol.wire.model;

import io.kengine.protocol.wire.json.WireEnum;

/** Order status; {@link #PENDING} was removed in Nov 2025 and is kept only to read old data. */
public enum OrderStatus implements WireEnum {
    RESTING("resting"),
    CANCELED("canceled"),
    EXECUTED("executed"),
    PENDING("pending");

    private final String wireName;

    OrderStatus(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }
}

package io.kengine.protocol.wire.model;

import io.kengine.protocol.wire.json.WireEnum;

/** V2 order side on the single YES book: BID buys YES, ASK sells YES (≡ buys NO at 1 − price). */
public enum BookSide implements WireEnum {
    BID("bid"),
    ASK("ask");

    private final String wireName;

    BookSide(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** BID is YES, ASK is NO. */
    public OutcomeSide outcomeSide() {
        return this == BID ? OutcomeSide.YES : OutcomeSide.NO;
    }
}

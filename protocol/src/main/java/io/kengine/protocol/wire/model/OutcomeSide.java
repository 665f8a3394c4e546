package io.kengine.protocol.wire.model;

import io.kengine.protocol.wire.json.WireEnum;

/**
 * Kalshi's yes/no: the side of a book level ({@code orderbook_delta.side}) or the outcome an order
 * or fill positions its owner for ({@code outcome_side}). buy-yes and sell-no are YES; buy-no and
 * sell-yes are NO (kalshi-api.md §5).
 */
public enum OutcomeSide implements WireEnum {
    YES("yes"),
    NO("no");

    private final String wireName;

    OutcomeSide(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /** The same direction in book vocabulary: YES is BID, NO is ASK. */
    public BookSide bookSide() {
        return this == YES ? BookSide.BID : BookSide.ASK;
    }

    /** The deprecated {@code side} + {@code action} pair mapped to the outcome (§5): buy-yes, sell-no → YES. */
    public static OutcomeSide fromLegacy(OutcomeSide side, Action action) {
        boolean buy = action == null || action == Action.BUY;
        return buy ? side : (side == YES ? NO : YES);
    }
}

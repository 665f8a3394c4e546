package io.kengine.sim.exchange;

/**
 * The two bid ladders Kalshi publishes for one book: YES bids at the YES price, NO bids at the NO price.
 * A resting ask at YES price p is a NO bid at 1 − p.
 */
public enum Ladder {
    YES("yes"),
    NO("no");

    private final String wireName;

    Ladder(String wireName) {
        this.wireName = wireName;
    }

    /** The {@code side} value of {@code orderbook_delta}. */
    public String wireName() {
        return wireName;
    }

    /** The ladder an order of this side rests on. */
    public static Ladder of(Side side) {
        return side == Side.BID ? YES : NO;
    }
}

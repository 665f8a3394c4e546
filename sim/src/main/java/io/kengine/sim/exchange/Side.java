package io.kengine.sim.exchange;

/** Side of an order on the single YES-leg book (Kalshi V2 {@code side}): bid buys YES, ask sells YES (≡ buys NO at 1 − price). */
public enum Side {
    BID("bid"),
    ASK("ask");

    private final String wireName;

    Side(String wireName) {
        this.wireName = wireName;
    }

    /** Kalshi's V2 value: {@code bid} / {@code ask}. */
    public String wireName() {
        return wireName;
    }

    public Side opposite() {
        return this == BID ? ASK : BID;
    }

    /** Signed position change of a fill of {@code count} on this side: + buys YES, − sells YES. */
    public long signed(long count) {
        return this == BID ? count : -count;
    }

    public static Side fromWire(String s) {
        for (Side v : values()) {
            if (v.wireName.equals(s)) {
                return v;
            }
        }
        return null;
    }
}

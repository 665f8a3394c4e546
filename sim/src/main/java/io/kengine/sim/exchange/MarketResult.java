package io.kengine.sim.exchange;

/** A determined market's {@code result}; YES settles at $1 per YES contract, NO at $0, SCALAR at the settlement value. */
public enum MarketResult {
    YES("yes"),
    NO("no"),
    SCALAR("scalar");

    private final String wireName;

    MarketResult(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}

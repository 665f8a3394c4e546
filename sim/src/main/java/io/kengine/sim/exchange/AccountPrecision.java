package io.kengine.sim.exchange;

/**
 * The precision an account's balance is kept at before and after every fill (Kalshi's fee-rounding page):
 * $0.01 for ordinary members, $0.0001 for direct members. Values in micro-dollars ($0.000001).
 */
public enum AccountPrecision {
    CENT(Money.MICROS_PER_CENT),
    CENTICENT(Money.MICROS_PER_MONEY_UNIT);

    private final long micros;

    AccountPrecision(long micros) {
        this.micros = micros;
    }

    /** The balance grid in micro-dollars (10 000 for a cent, 100 for $0.0001). */
    public long micros() {
        return micros;
    }
}

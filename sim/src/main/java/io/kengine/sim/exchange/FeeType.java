package io.kengine.sim.exchange;

/**
 * A series' {@code fee_type}. Maker rates are fractions of the taker rate: 0.25 for
 * {@code quadratic_with_maker_fees}, 0.5 for {@code quadratic_with_combo_maker_fees} (Series doc);
 * {@code quadratic} has no maker fee. {@code flat} is Kalshi's "Specific Trading Fees" table, which we do not
 * have: here it is a configurable per-contract taker fee (UNCONFIRMED).
 */
public enum FeeType {
    QUADRATIC("quadratic"),
    QUADRATIC_WITH_MAKER_FEES("quadratic_with_maker_fees"),
    QUADRATIC_WITH_COMBO_MAKER_FEES("quadratic_with_combo_maker_fees"),
    FLAT("flat");

    private final String wireName;

    FeeType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static FeeType fromWire(String s) {
        for (FeeType v : values()) {
            if (v.wireName.equals(s)) {
                return v;
            }
        }
        return null;
    }
}

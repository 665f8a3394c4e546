package io.kengine.pricing.fees;

import io.kengine.config.ParameterDef;
import io.kengine.pricing.text.Glob;
import io.kengine.pricing.text.RuleText;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.units.FixedPoint;

import java.util.List;

/**
 * Kalshi's quadratic trading fee: fee = round-up(rate × C × P × (1 − P)) for one order of C contracts
 * at price P (shared/reference/kalshi-api.md §6): taker rate 0.07 on every series, maker rate 0.0175
 * only on series that charge maker fees; rounded up once per order to a cent (configurable: fills are
 * rounded to $0.0001 and the balance to the cent, so the cent is the conservative cushion). Exact
 * integer arithmetic, no double; allocation-free.
 */
public final class FeeModel {
    public static final String TAKER_RATE_KEY = "pricing.fees.takerRate";
    public static final String MAKER_RATE_KEY = "pricing.fees.makerRate";
    public static final String ROUNDING_KEY = "pricing.fees.rounding";
    public static final String MAKER_SERIES_KEY = "pricing.fees.makerSeries";
    public static final ParameterDef TAKER_RATE = ParameterDef.price(TAKER_RATE_KEY, "0.0700",
        "Kalshi taker fee rate: fee = rate x C x P x (1-P), rounded up");
    public static final ParameterDef MAKER_RATE = ParameterDef.price(MAKER_RATE_KEY, "0.0175",
        "Kalshi maker fee rate on series that charge maker fees");
    public static final ParameterDef ROUNDING = ParameterDef.price(ROUNDING_KEY, "0.0100",
        "fees are rounded up to a multiple of this per order (Kalshi: the cent)").withMin("0.0001");
    public static final ParameterDef MAKER_SERIES = ParameterDef.text(MAKER_SERIES_KEY, RuleText.NONE,
        "ticker or series patterns that charge maker fees, e.g. KXFED*;KXNBA* (none: no maker fees)",
        RuleText::canonicalPatterns);
    public static final List<ParameterDef> PARAMETERS = List.of(TAKER_RATE, MAKER_RATE, ROUNDING, MAKER_SERIES);

    private static final long SPLIT = 1_000_000L;

    private long takerRate = TAKER_RATE.parse(TAKER_RATE.defaultValue());
    private long makerRate = MAKER_RATE.parse(MAKER_RATE.defaultValue());
    private long rounding = ROUNDING.parse(ROUNDING.defaultValue());
    private List<Glob> makerSeries = RuleText.patterns(MAKER_SERIES.defaultValue());

    /** Fee of a taker order of {@code quantity} (0.01 contracts) at {@code price} ($0.0001), in $0.0001. */
    public long takerFee(long price, long quantity) {
        return fee(takerRate, price, quantity, rounding);
    }

    /** Fee of a resting order that fills; 0 on markets without maker fees. */
    public long makerFee(boolean chargesMakerFees, long price, long quantity) {
        return chargesMakerFees ? fee(makerRate, price, quantity, rounding) : 0;
    }

    /** Maker fee per contract ($0.0001, rounded up) when an order of {@code quantity} fills whole. */
    public long makerPerContract(boolean chargesMakerFees, long price, long quantity) {
        return perContract(makerFee(chargesMakerFees, price, quantity), quantity);
    }

    public long takerPerContract(long price, long quantity) {
        return perContract(takerFee(price, quantity), quantity);
    }

    /**
     * True when the maker fee per contract (rounded up) of an order of {@code quantity} at {@code price}
     * is at most {@code room}. Fast path without the exact fee: per contract the fee is at most
     * rate·P(1−P) + one rounding unit spread over the order, i.e. (room − ⌈a/1e8⌉)·q ≥ 100·unit suffices.
     */
    public boolean makerFeeWithin(boolean chargesMakerFees, long price, long quantity, long room) {
        if (!chargesMakerFees || price <= 0 || price >= FixedPoint.PRICE_ONE) {
            return room >= 0;
        }
        if (quantity <= 0 || room < 0) {
            return room >= 0;
        }
        long a = makerRate * price * (FixedPoint.PRICE_ONE - price);
        long spare = room - (a / 100_000_000L + 1);
        if (spare > 0 && spare <= Long.MAX_VALUE / quantity && spare * quantity >= rounding * FixedPoint.COUNT_ONE) {
            return true;
        }
        // k ≥ ⌈x/q⌉ ⇔ k·q ≥ x, with x = fee × 100
        long fee = fee(makerRate, price, quantity, rounding);
        return Math.multiplyHigh(room, quantity) != 0 || room * quantity >= fee * FixedPoint.COUNT_ONE;
    }

    /** Whether a market (ticker, series) is on a series configured as charging maker fees. */
    public boolean chargesMakerFees(CharSequence ticker, CharSequence series) {
        return RuleText.anyMatches(makerSeries, ticker, series);
    }

    static long perContract(long fee, long quantity) {
        if (quantity <= 0 || fee <= 0) {
            return 0;
        }
        return (fee * FixedPoint.COUNT_ONE + quantity - 1) / quantity; // both positive: plain division rounds down
    }

    /**
     * round-up(rate × C × P × (1 − P)) to a multiple of {@code unit}, all fixed point: with rate in
     * 1e-4, P in 1e-4 and C in 1e-2 the fee in $0.0001 is a·q / 1e10 where a = rate·p·(1e4 − p) ≤ 2.5e11.
     */
    public static long fee(long rate, long price, long quantity, long unit) {
        if (quantity <= 0 || price <= 0 || price >= FixedPoint.PRICE_ONE || rate <= 0) {
            return 0;
        }
        long a = rate * price * (FixedPoint.PRICE_ONE - price);
        long d = 10_000_000_000L * unit;
        long hi = Math.multiplyHigh(a, quantity);
        long lo = a * quantity;
        long n;
        if (hi == 0 && lo >= 0) {
            // ceil(lo / (1e10·unit)) = ceil(ceil(lo / 1e10) / unit): the constant divisor compiles to a
            // multiply, and the cent (the default) and $0.0001 skip the variable division too
            long units = lo / 10_000_000_000L;
            if (lo - units * 10_000_000_000L != 0) {
                units++;
            }
            if (unit == 1) {
                return units;
            }
            if (unit == 100) {
                long cents = units / 100;
                return (units - cents * 100 != 0 ? cents + 1 : cents) * 100;
            }
            n = units / unit + (units % unit != 0 ? 1 : 0);
        } else {
            // orders beyond ~370k contracts: split q = qh·M + ql so nothing overflows
            long qh = quantity / SPLIT;
            long ql = quantity % SPLIT;
            long y = a * ql;
            long z = Math.multiplyExact(a, qh) + y / SPLIT;
            long yr = y % SPLIT;
            long e = d / SPLIT;
            n = z / e + (((z % e) * SPLIT + yr) > 0 ? 1 : 0);
        }
        return n * unit;
    }

    /** Applies a ConfigChange for one of this model's keys; false when the key is not ours. */
    public boolean apply(ConfigChangeEvent c) {
        if (c.keyEquals(TAKER_RATE_KEY)) {
            takerRate = TAKER_RATE.parse(c.value());
        } else if (c.keyEquals(MAKER_RATE_KEY)) {
            makerRate = MAKER_RATE.parse(c.value());
        } else if (c.keyEquals(ROUNDING_KEY)) {
            rounding = ROUNDING.parse(c.value());
        } else if (c.keyEquals(MAKER_SERIES_KEY)) {
            makerSeries = RuleText.patterns(MAKER_SERIES.canonical(c.value()));
        } else {
            return false;
        }
        return true;
    }

    public long takerRate() {
        return takerRate;
    }

    public long makerRate() {
        return makerRate;
    }
}

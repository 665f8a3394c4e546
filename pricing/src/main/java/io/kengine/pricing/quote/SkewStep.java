package io.kengine.pricing.quote;

import io.kengine.config.ParameterDef;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.units.FixedPoint;

import java.util.List;

/**
 * Step 3: inventory skew. Both sides move against the position by {@code perContract} per contract held,
 * capped at {@code max}: long YES → lower bid and ask (buy less eagerly, sell more eagerly). An engine
 * that priced inventory itself (Avellaneda–Stoikov) hands its shift over; the cap still applies.
 * Sets the centre (reservation price) and the raw, ungridded bid and ask.
 */
public final class SkewStep {
    public static final String PER_CONTRACT_KEY = "pricing.skew.perContract";
    public static final String MAX_KEY = "pricing.skew.max";
    public static final ParameterDef PER_CONTRACT = ParameterDef.price(PER_CONTRACT_KEY, "0.0005",
        "inventory skew: shift both quote sides against the position by this much per contract held");
    public static final ParameterDef MAX = ParameterDef.price(MAX_KEY, "0.0500",
        "cap on the inventory skew shift");
    public static final List<ParameterDef> PARAMETERS = List.of(PER_CONTRACT, MAX);

    private long perContract = PER_CONTRACT.parse(PER_CONTRACT.defaultValue());
    private long max = MAX.parse(MAX.defaultValue());

    public void apply(MarketInputs in, QuoteDraft d) {
        long shift;
        if (d.engineSkew) {
            shift = d.engineShift;
        } else {
            shift = linear(in.position);
        }
        d.shift = Math.max(-max, Math.min(max, shift));
        d.center = d.fair - d.shift;
        d.bidPrice = d.center - d.halfSpread;
        d.askPrice = d.center + d.halfSpread;
    }

    /** position (0.01 contracts) × perContract, saturating well beyond any cap. */
    private long linear(long position) {
        long capped = Math.max(-1_000_000_000_000L, Math.min(1_000_000_000_000L, position));
        long s = capped * perContract;
        // round away from zero: any held contract leans the quote
        return s >= 0 ? (s + FixedPoint.COUNT_ONE - 1) / FixedPoint.COUNT_ONE : -((-s + FixedPoint.COUNT_ONE - 1) / FixedPoint.COUNT_ONE);
    }

    public boolean apply(ConfigChangeEvent c) {
        if (c.keyEquals(PER_CONTRACT_KEY)) {
            perContract = PER_CONTRACT.parse(c.value());
        } else if (c.keyEquals(MAX_KEY)) {
            max = MAX.parse(c.value());
        } else {
            return false;
        }
        return true;
    }
}

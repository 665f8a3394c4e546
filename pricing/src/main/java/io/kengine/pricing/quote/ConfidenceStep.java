package io.kengine.pricing.quote;

import io.kengine.config.ParameterDef;
import io.kengine.protocol.event.ConfigChangeEvent;

import java.util.List;

/** Step 2: widen the half-spread by (1 − confidence) × scale: an unsure fair value is quoted wider. */
public final class ConfidenceStep {
    public static final String WIDEN_KEY = "pricing.confidence.widen";
    public static final ParameterDef WIDEN = ParameterDef.price(WIDEN_KEY, "0.0200",
        "extra half-spread at zero confidence in the fair value, scaled by (1 - confidence)");
    public static final List<ParameterDef> PARAMETERS = List.of(WIDEN);

    private long widen = WIDEN.parse(WIDEN.defaultValue());

    public void apply(MarketInputs in, QuoteDraft d) {
        int c = Math.max(0, Math.min(10_000, d.confidenceBps));
        // round up: half a tick of doubt still widens
        d.halfSpread += ((10_000L - c) * widen + 9_999) / 10_000;
    }

    public boolean apply(ConfigChangeEvent c) {
        if (c.keyEquals(WIDEN_KEY)) {
            widen = WIDEN.parse(c.value());
            return true;
        }
        return false;
    }
}

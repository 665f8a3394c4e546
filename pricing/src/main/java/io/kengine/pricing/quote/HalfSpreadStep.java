package io.kengine.pricing.quote;

import io.kengine.pricing.fees.FeeModel;
import io.kengine.protocol.units.FixedPoint;

/**
 * Step 1: half-spread = the engine's base edge + a fee cushion, the maker fee per contract a fill of
 * the engine's size at the fair price would pay (our quotes are post-only, so maker). The fee is
 * quadratic in price and barely moves within a spread, so the fair price stands in for the side's price;
 * {@link EdgeStep} re-checks with the final price and size.
 */
public final class HalfSpreadStep {
    private final FeeModel fees;

    public HalfSpreadStep(FeeModel fees) {
        this.fees = fees;
    }

    public void apply(MarketInputs in, QuoteDraft d) {
        long p = Math.max(1, Math.min(FixedPoint.PRICE_ONE - 1, d.fair));
        long size = Math.max(FixedPoint.COUNT_ONE, d.engineSize);
        d.halfSpread = Math.max(0, d.baseEdge) + fees.makerPerContract(in.makerFees, p, size);
    }
}

package io.kengine.pricing.quote;

import io.kengine.config.ParameterDef;
import io.kengine.pricing.fees.FeeModel;
import io.kengine.protocol.event.ConfigChangeEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * The quote construction every engine shares, as small pure steps in a fixed order (Hummingbot's
 * proposal pipeline): half-spread (edge + fee cushion) → confidence widening → inventory skew →
 * size → tick grid / bounds / post-only → edge after costs. The engine has already put the fair
 * value, base edge, size, regime and lifetime into the draft.
 */
public final class QuotePipeline {
    public static final List<ParameterDef> PARAMETERS;

    static {
        List<ParameterDef> all = new ArrayList<>(ConfidenceStep.PARAMETERS);
        all.addAll(SkewStep.PARAMETERS);
        all.addAll(SizeStep.PARAMETERS);
        all.addAll(EdgeStep.PARAMETERS);
        PARAMETERS = List.copyOf(all);
    }

    private final HalfSpreadStep halfSpread;
    private final ConfidenceStep confidence = new ConfidenceStep();
    private final SkewStep skew = new SkewStep();
    private final SizeStep size = new SizeStep();
    private final GridStep grid = new GridStep();
    private final EdgeStep edge;

    public QuotePipeline(FeeModel fees) {
        this.halfSpread = new HalfSpreadStep(fees);
        this.edge = new EdgeStep(fees);
    }

    public void run(MarketInputs in, QuoteDraft d) {
        halfSpread.apply(in, d);
        confidence.apply(in, d);
        skew.apply(in, d);
        size.apply(in, d);
        grid.apply(in, d);
        edge.apply(in, d);
    }

    public boolean apply(ConfigChangeEvent c) {
        return confidence.apply(c) || skew.apply(c) || size.apply(c) || edge.apply(c);
    }
}

package io.kengine.config;

import java.util.List;

/** Parameters like the ones pricing and risk declare, matching the shipped engine.yaml. */
final class SampleParams {
    static final List<ParameterDef> DEFS = List.of(
        ParameterDef.price("pricing.m0.edge", "0.0200", "M0 quoting edge around fair value")
            .withMax("0.5000"),
        ParameterDef.count("pricing.m0.size", "10.00", "M0 contracts per quote").withMin("0.01"),
        ParameterDef.count("risk.maxOrderSize", "100.00", "largest single order").withMin("0.01"),
        ParameterDef.count("risk.maxPosition", "500.00", "largest position").withMin("0.01"),
        ParameterDef.text("pricing.engines", "*=m0", "engine per ticker pattern", t -> t),
        ParameterDef.money("risk.r1.dailyLossLimit", "200.0000", "daily loss that halts"),
        ParameterDef.enumOf("risk.tokens.tier", List.of("basic", "advanced", "expert", "premier", "paragon", "prime",
            "prestige"), "basic", "Kalshi usage tier"));

    static final ParameterSchema SCHEMA = ParameterSchema.of(DEFS,
        List.of(ParameterConstraint.notAbove("risk.maxOrderSize", "risk.maxPosition")));

    private SampleParams() {
    }
}

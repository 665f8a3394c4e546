package io.kengine.engine;

import io.kengine.config.ParameterDef;
import io.kengine.pricing.PricingStage;
import io.kengine.risk.RiskStage;

import java.util.ArrayList;
import java.util.List;

/** Every tunable the business stages declare, in a stable order (the order they are journaled in). */
public final class StrategyParameters {
    private StrategyParameters() {
    }

    public static List<ParameterDef> all() {
        List<ParameterDef> all = new ArrayList<>(PricingStage.PARAMETERS);
        all.addAll(RiskStage.PARAMETERS);
        all.addAll(io.kengine.gateway.orders.OrdersParameters.ALL);
        return List.copyOf(all);
    }
}

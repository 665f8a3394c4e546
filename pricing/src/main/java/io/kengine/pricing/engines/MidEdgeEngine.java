package io.kengine.pricing.engines;

import io.kengine.pricing.MidEdgePricingStage;
import io.kengine.pricing.quote.MarketInputs;
import io.kengine.pricing.quote.QuoteDraft;
import io.kengine.protocol.event.ConfigChangeEvent;

/**
 * M0: fair = mid of the YES book, quote mid ± edge. Reads the same keys as the original
 * {@link MidEdgePricingStage} ({@code pricing.m0.edge}, {@code pricing.m0.size}) so configs and
 * what-if replays written for it keep working.
 */
public final class MidEdgeEngine implements PricingEngine {
    private long edge = MidEdgePricingStage.EDGE.parse(MidEdgePricingStage.EDGE.defaultValue());
    private long size = MidEdgePricingStage.SIZE.parse(MidEdgePricingStage.SIZE.defaultValue());

    @Override
    public long impliedFair(MarketInputs in) {
        return in.twoSided() ? (in.bestBid + in.bestAsk) / 2 : MarketInputs.NO_PRICE;
    }

    @Override
    public void shape(MarketInputs in, QuoteDraft d) {
        d.baseEdge = edge;
        d.engineSize = size;
    }

    @Override
    public boolean apply(ConfigChangeEvent c) {
        if (c.keyEquals(MidEdgePricingStage.EDGE_KEY)) {
            edge = MidEdgePricingStage.EDGE.parse(c.value());
        } else if (c.keyEquals(MidEdgePricingStage.SIZE_KEY)) {
            size = MidEdgePricingStage.SIZE.parse(c.value());
        } else {
            return false;
        }
        return true;
    }

    public long edge() {
        return edge;
    }

    public long size() {
        return size;
    }
}

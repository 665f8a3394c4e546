package io.kengine.pricing.engines;

import io.kengine.config.ParameterDef;
import io.kengine.pricing.crosscontract.CrossContract;
import io.kengine.pricing.quote.MarketInputs;
import io.kengine.pricing.quote.QuoteDraft;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.units.FixedPoint;

import java.util.List;

/**
 * M3 as a quoting engine: fair = microprice (mid when undefined), moved by the cross-contract
 * relations of {@link CrossContract} (ladder bounds, pair-implied value); fixed edge and size.
 * M3's baskets are proposed by the stage for every market of a configured set or ladder, whichever
 * engine quotes it.
 */
public final class CrossContractEngine implements PricingEngine {
    public static final String EDGE_KEY = "pricing.m3.edge";
    public static final String SIZE_KEY = "pricing.m3.size";
    public static final ParameterDef EDGE = ParameterDef.price(EDGE_KEY, "0.0200", "M3 half-spread around the cross-contract fair value").withMax("0.5000");
    public static final ParameterDef SIZE = ParameterDef.count(SIZE_KEY, "10.00", "M3 quote size per side, contracts").withMin("0.01");
    public static final List<ParameterDef> PARAMETERS = List.of(EDGE, SIZE);

    private final CrossContract cross;
    private long edge = EDGE.parse(EDGE.defaultValue());
    private long size = SIZE.parse(SIZE.defaultValue());

    public CrossContractEngine(CrossContract cross) {
        this.cross = cross;
    }

    @Override
    public long impliedFair(MarketInputs in) {
        if (!in.twoSided()) {
            return MarketInputs.NO_PRICE;
        }
        long base = in.microprice != MarketInputs.NO_VALUE ? in.microprice : (in.bestBid + in.bestAsk) / 2;
        long f = cross.adjust(in.marketId, base);
        return Math.max(1, Math.min(FixedPoint.PRICE_ONE - 1, f));
    }

    @Override
    public void shape(MarketInputs in, QuoteDraft d) {
        d.baseEdge = edge;
        d.engineSize = size;
    }

    @Override
    public boolean apply(ConfigChangeEvent c) {
        if (c.keyEquals(EDGE_KEY)) {
            edge = EDGE.parse(c.value());
        } else if (c.keyEquals(SIZE_KEY)) {
            size = SIZE.parse(c.value());
        } else {
            return false;
        }
        return true;
    }
}

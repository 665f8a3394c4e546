package io.kengine.pricing.quote;

import io.kengine.config.ParameterDef;
import io.kengine.pricing.fees.FeeModel;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.stage.QuoteReason;

import java.util.List;

/**
 * Step 6: a side is quoted only if its final price, net of the maker fee a fill of its final size
 * would pay, still has at least {@code pricing.minEdge} against the centre. Sizing may have cut the
 * size below the engine's (a small order pays a larger per-contract rounding), so this is where a fee
 * that eats the whole edge shows: {@link QuoteReason#FEE_EATS_EDGE}; no edge even before fees:
 * {@link QuoteReason#NO_EDGE}.
 */
public final class EdgeStep {
    public static final String MIN_EDGE_KEY = "pricing.minEdge";
    public static final ParameterDef MIN_EDGE = ParameterDef.price(MIN_EDGE_KEY, "0.0001",
        "least edge per contract a quote side must keep after fees against the (skewed) fair value");
    public static final List<ParameterDef> PARAMETERS = List.of(MIN_EDGE);

    private final FeeModel fees;
    private long minEdge = MIN_EDGE.parse(MIN_EDGE.defaultValue());

    public EdgeStep(FeeModel fees) {
        this.fees = fees;
    }

    public void apply(MarketInputs in, QuoteDraft d) {
        if (d.bidLive()) {
            int r = verdict(in, d.center - d.bidPrice, d.bidPrice, d.bidQty);
            if (r != QuoteReason.QUOTED) {
                d.dropBid(r);
            }
        }
        if (d.askLive()) {
            int r = verdict(in, d.askPrice - d.center, d.askPrice, d.askQty);
            if (r != QuoteReason.QUOTED) {
                d.dropAsk(r);
            }
        }
    }

    private int verdict(MarketInputs in, long gross, long price, long qty) {
        if (gross < minEdge) {
            return QuoteReason.NO_EDGE;
        }
        return fees.makerFeeWithin(in.makerFees, price, qty, gross - minEdge) ? QuoteReason.QUOTED : QuoteReason.FEE_EATS_EDGE;
    }

    public boolean apply(ConfigChangeEvent c) {
        if (c.keyEquals(MIN_EDGE_KEY)) {
            minEdge = MIN_EDGE.parse(c.value());
            return true;
        }
        return false;
    }
}

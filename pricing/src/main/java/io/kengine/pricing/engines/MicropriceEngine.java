package io.kengine.pricing.engines;

import io.kengine.config.ParameterDef;
import io.kengine.pricing.quote.MarketInputs;
import io.kengine.pricing.quote.QuoteDraft;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.units.FixedPoint;

import java.util.List;

/**
 * M1: fair = microprice, shifted toward the side the order flow leans to: by {@code imbalanceWeight}
 * at a fully one-sided depth imbalance and {@code flowWeight} at one-directional recent taker flow.
 * Optionally Avellaneda–Stoikov with horizon = time to close (capped): reservation r = s − q·γ·σ²·T
 * and half-spread δ/2, δ = γ·σ²·T + (2/γ)·ln(1 + γ/κ); s, σ in dollars, q contracts, T seconds.
 * Doubles only inside the model; the results are rounded to $0.0001 before they reach the pipeline.
 */
public final class MicropriceEngine implements PricingEngine {
    public static final String EDGE_KEY = "pricing.m1.edge";
    public static final String SIZE_KEY = "pricing.m1.size";
    public static final String IMBALANCE_KEY = "pricing.m1.imbalanceWeight";
    public static final String FLOW_KEY = "pricing.m1.flowWeight";
    public static final String AS_KEY = "pricing.m1.as.enabled";
    public static final String GAMMA_KEY = "pricing.m1.as.gamma";
    public static final String KAPPA_KEY = "pricing.m1.as.kappa";
    public static final String HORIZON_KEY = "pricing.m1.as.maxHorizonMs";
    public static final ParameterDef EDGE = ParameterDef.price(EDGE_KEY, "0.0150", "M1 half-spread around the adjusted microprice").withMax("0.5000");
    public static final ParameterDef SIZE = ParameterDef.count(SIZE_KEY, "10.00", "M1 quote size per side, contracts").withMin("0.01");
    public static final ParameterDef IMBALANCE = ParameterDef.price(IMBALANCE_KEY, "0.0050",
        "M1 fair-value shift at a fully one-sided depth imbalance");
    public static final ParameterDef FLOW = ParameterDef.price(FLOW_KEY, "0.0050",
        "M1 fair-value shift at fully one-directional recent taker flow");
    public static final ParameterDef AS = ParameterDef.bool(AS_KEY, "false",
        "M1: Avellaneda-Stoikov reservation price and spread instead of the fixed edge and linear skew");
    public static final ParameterDef GAMMA = ParameterDef.price(GAMMA_KEY, "0.1000",
        "M1 Avellaneda-Stoikov risk aversion gamma (per contract per dollar)").withMin("0.0001");
    public static final ParameterDef KAPPA = ParameterDef.integer(KAPPA_KEY, "100",
        "M1 Avellaneda-Stoikov order-arrival decay kappa (per dollar)").withMin(1);
    public static final ParameterDef HORIZON = ParameterDef.durationMs(HORIZON_KEY, "1h",
        "M1 Avellaneda-Stoikov horizon: time to close, capped at this");
    public static final List<ParameterDef> PARAMETERS = List.of(EDGE, SIZE, IMBALANCE, FLOW, AS, GAMMA, KAPPA, HORIZON);

    private long edge = EDGE.parse(EDGE.defaultValue());
    private long size = SIZE.parse(SIZE.defaultValue());
    private long imbalanceWeight = IMBALANCE.parse(IMBALANCE.defaultValue());
    private long flowWeight = FLOW.parse(FLOW.defaultValue());
    private boolean as = AS.parse(AS.defaultValue()) != 0;
    private double gamma = GAMMA.parse(GAMMA.defaultValue()) / 10_000.0;
    private double kappa = KAPPA.parse(KAPPA.defaultValue());
    private long horizonMs = HORIZON.parse(HORIZON.defaultValue());
    /** (2/γ)·ln(1 + γ/κ), the inventory-free part of the AS spread: changes only with γ and κ. */
    private double arrivalSpread = arrival(gamma, kappa);

    private static double arrival(double gamma, double kappa) {
        return (2 / gamma) * Math.log1p(gamma / kappa);
    }

    @Override
    public long impliedFair(MarketInputs in) {
        if (!in.twoSided()) {
            return MarketInputs.NO_PRICE;
        }
        long base = in.microprice != MarketInputs.NO_VALUE ? in.microprice : (in.bestBid + in.bestAsk) / 2;
        double imbalance = in.imbalanceDepthBps == MarketInputs.NO_VALUE ? 0 : in.imbalanceDepthBps / 10_000.0;
        double shift = imbalanceWeight * imbalance + flowWeight * in.tradeFlow;
        long fair = base + Math.round(shift);
        // the flow may lean the fair value, never past the touch
        return Math.max(in.bestBid, Math.min(in.bestAsk, fair));
    }

    @Override
    public void shape(MarketInputs in, QuoteDraft d) {
        d.engineSize = size;
        if (!as) {
            d.baseEdge = edge;
            return;
        }
        double sigma = in.volatility / 1_000_000.0;
        long ttc = in.timeToCloseMs == MarketInputs.NO_VALUE ? horizonMs : Math.min(in.timeToCloseMs, horizonMs);
        double t = ttc / 1000.0;
        double q = in.position / (double) FixedPoint.COUNT_ONE;
        double risk = gamma * sigma * sigma * t;
        double delta = risk + arrivalSpread;
        d.baseEdge = Math.round(delta / 2 * FixedPoint.PRICE_ONE);
        d.engineSkew = true;
        d.engineShift = Math.round(q * risk * FixedPoint.PRICE_ONE);
    }

    @Override
    public boolean apply(ConfigChangeEvent c) {
        if (c.keyEquals(EDGE_KEY)) {
            edge = EDGE.parse(c.value());
        } else if (c.keyEquals(SIZE_KEY)) {
            size = SIZE.parse(c.value());
        } else if (c.keyEquals(IMBALANCE_KEY)) {
            imbalanceWeight = IMBALANCE.parse(c.value());
        } else if (c.keyEquals(FLOW_KEY)) {
            flowWeight = FLOW.parse(c.value());
        } else if (c.keyEquals(AS_KEY)) {
            as = AS.parse(c.value()) != 0;
        } else if (c.keyEquals(GAMMA_KEY)) {
            gamma = GAMMA.parse(c.value()) / 10_000.0;
            arrivalSpread = arrival(gamma, kappa);
        } else if (c.keyEquals(KAPPA_KEY)) {
            kappa = KAPPA.parse(c.value());
            arrivalSpread = arrival(gamma, kappa);
        } else if (c.keyEquals(HORIZON_KEY)) {
            horizonMs = HORIZON.parse(c.value());
        } else {
            return false;
        }
        return true;
    }
}

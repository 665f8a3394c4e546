package io.kengine.pricing.regime;

import io.kengine.config.ParameterDef;
import io.kengine.pricing.quote.MarketInputs;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.stage.Regime;

import java.util.List;

/**
 * M2's classification of one market at one instant, a pure function of the book's features:
 * EVENT inside a configured event window or within {@code closeWithinMs} of the close; ACTIVE when
 * the spread, the mid volatility or the trade intensity reaches its threshold; otherwise CALM.
 */
public final class RegimeClassifier {
    public static final String SPREAD_KEY = "pricing.m2.active.spread";
    public static final String VOLATILITY_KEY = "pricing.m2.active.volatility";
    public static final String INTENSITY_KEY = "pricing.m2.active.tradeIntensity";
    public static final String CLOSE_KEY = "pricing.m2.event.closeWithinMs";
    public static final ParameterDef SPREAD = ParameterDef.price(SPREAD_KEY, "0.0400",
        "M2: a spread at least this wide makes the market active");
    public static final ParameterDef VOLATILITY = ParameterDef.longInteger(VOLATILITY_KEY, "2000",
        "M2: mid volatility (in $0.000001 per sqrt-second, the book's unit) at which the market is active").withMin(0);
    public static final ParameterDef INTENSITY = ParameterDef.longInteger(INTENSITY_KEY, "200",
        "M2: trade intensity (trades per second x 1000, the book's unit) at which the market is active").withMin(0);
    public static final ParameterDef CLOSE = ParameterDef.durationMs(CLOSE_KEY, "15m",
        "M2: the last stretch before the close is the event regime (0: never)");
    public static final List<ParameterDef> PARAMETERS = List.of(SPREAD, VOLATILITY, INTENSITY, CLOSE);

    private long spread = SPREAD.parse(SPREAD.defaultValue());
    private long volatility = VOLATILITY.parse(VOLATILITY.defaultValue());
    private long intensity = INTENSITY.parse(INTENSITY.defaultValue());
    private long closeWithinMs = CLOSE.parse(CLOSE.defaultValue());

    public int classify(MarketInputs in, boolean inEventWindow) {
        if (inEventWindow || (closeWithinMs > 0 && in.timeToCloseMs != MarketInputs.NO_VALUE
            && in.timeToCloseMs <= closeWithinMs)) {
            return Regime.EVENT;
        }
        boolean wide = in.twoSided() && in.bestAsk - in.bestBid >= spread;
        if (wide || in.volatility >= volatility || in.tradeIntensity >= intensity) {
            return Regime.ACTIVE;
        }
        return Regime.CALM;
    }

    public boolean apply(ConfigChangeEvent c) {
        if (c.keyEquals(SPREAD_KEY)) {
            spread = SPREAD.parse(c.value());
        } else if (c.keyEquals(VOLATILITY_KEY)) {
            volatility = VOLATILITY.parse(c.value());
        } else if (c.keyEquals(INTENSITY_KEY)) {
            intensity = INTENSITY.parse(c.value());
        } else if (c.keyEquals(CLOSE_KEY)) {
            closeWithinMs = CLOSE.parse(c.value());
        } else {
            return false;
        }
        return true;
    }
}

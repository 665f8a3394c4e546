package io.kengine.pricing.engines;

import io.kengine.config.ParameterDef;
import io.kengine.pricing.quote.MarketInputs;
import io.kengine.pricing.quote.QuoteDraft;
import io.kengine.pricing.regime.EventWindows;
import io.kengine.pricing.regime.RegimeClassifier;
import io.kengine.pricing.regime.RegimeTracker;
import io.kengine.pricing.text.RuleText;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.stage.Regime;

import java.util.ArrayList;
import java.util.List;

/**
 * M2: fair = microprice (mid when undefined); the market's regime (calm / active / event, see
 * {@link RegimeClassifier}, with {@link RegimeTracker}'s hysteresis) picks the edge, size and quote
 * lifetime. The regime goes on the quote ({@code QuoteNote.meta}); the stage journals each change.
 * A regime configured with size 0 pauses quoting (reason EVENT_WINDOW for the event regime).
 */
public final class RegimeEngine implements PricingEngine {
    public static final String WINDOWS_KEY = "pricing.m2.eventWindows";
    public static final String DWELL_KEY = "pricing.m2.minDwellMs";
    public static final ParameterDef WINDOWS = ParameterDef.text(WINDOWS_KEY, RuleText.NONE,
        "M2 event windows: pattern@startMs-endMs;... in epoch ms (none: no windows)", EventWindows::canonical);
    public static final ParameterDef DWELL = ParameterDef.durationMs(DWELL_KEY, "5s",
        "M2: a calmer regime takes over only after holding this long");

    private static final String[] NAMES = {null, "calm", "active", "event"};
    private static final String[][] DEFAULTS = {null, {"0.0150", "20.00", "30000"}, {"0.0300", "10.00", "5000"},
        {"0.0600", "2.00", "1000"}};
    private static final ParameterDef[] EDGE = new ParameterDef[4];
    private static final ParameterDef[] SIZE = new ParameterDef[4];
    private static final ParameterDef[] LIFETIME = new ParameterDef[4];
    public static final List<ParameterDef> PARAMETERS;

    static {
        List<ParameterDef> all = new ArrayList<>();
        for (int r = Regime.CALM; r <= Regime.EVENT; r++) {
            String p = "pricing.m2." + NAMES[r] + ".";
            EDGE[r] = ParameterDef.price(p + "edge", DEFAULTS[r][0], "M2 half-spread in the " + NAMES[r] + " regime").withMax("0.5000");
            SIZE[r] = ParameterDef.count(p + "size", DEFAULTS[r][1], "M2 quote size in the " + NAMES[r] + " regime (0: do not quote)");
            LIFETIME[r] = ParameterDef.durationMs(p + "lifetimeMs", DEFAULTS[r][2],
                "M2 quote lifetime in the " + NAMES[r] + " regime (0: no limit)").withMax(Integer.MAX_VALUE);
            all.add(EDGE[r]);
            all.add(SIZE[r]);
            all.add(LIFETIME[r]);
        }
        all.add(WINDOWS);
        all.add(DWELL);
        all.addAll(RegimeClassifier.PARAMETERS);
        PARAMETERS = List.copyOf(all);
    }

    private final RegimeClassifier classifier = new RegimeClassifier();
    private final RegimeTracker tracker;
    private final long[] windowMask;
    private final long[] edge = new long[4];
    private final long[] size = new long[4];
    private final int[] lifetime = new int[4];
    private EventWindows windows = new EventWindows(WINDOWS.defaultValue());
    private long dwellNanos = DWELL.parse(DWELL.defaultValue()) * 1_000_000L;

    public RegimeEngine(int maxMarkets) {
        tracker = new RegimeTracker(maxMarkets);
        windowMask = new long[maxMarkets];
        for (int r = Regime.CALM; r <= Regime.EVENT; r++) {
            edge[r] = EDGE[r].parse(EDGE[r].defaultValue());
            size[r] = SIZE[r].parse(SIZE[r].defaultValue());
            lifetime[r] = (int) LIFETIME[r].parse(LIFETIME[r].defaultValue());
        }
    }

    /** A market was defined (or the windows changed): which event windows apply to it. */
    public void define(int market, CharSequence ticker, CharSequence series) {
        windowMask[market] = windows.maskFor(ticker, series);
    }

    @Override
    public long impliedFair(MarketInputs in) {
        if (!in.twoSided()) {
            return MarketInputs.NO_PRICE;
        }
        return in.microprice != MarketInputs.NO_VALUE ? in.microprice : (in.bestBid + in.bestAsk) / 2;
    }

    @Override
    public void shape(MarketInputs in, QuoteDraft d) {
        boolean window = windows.inside(windowMask[in.marketId], in.nowNanos / 1_000_000L);
        int r = tracker.update(in.marketId, classifier.classify(in, window), in.nowNanos, dwellNanos);
        d.regime = r;
        d.baseEdge = edge[r];
        d.engineSize = size[r];
        d.lifetimeMs = lifetime[r];
    }

    public int regime(int market) {
        return tracker.current(market);
    }

    /** True when the rules changed which markets the windows cover (the stage redefines all markets). */
    @Override
    public boolean apply(ConfigChangeEvent c) {
        for (int r = Regime.CALM; r <= Regime.EVENT; r++) {
            if (c.keyEquals(EDGE[r].key())) {
                edge[r] = EDGE[r].parse(c.value());
                return true;
            } else if (c.keyEquals(SIZE[r].key())) {
                size[r] = SIZE[r].parse(c.value());
                return true;
            } else if (c.keyEquals(LIFETIME[r].key())) {
                lifetime[r] = (int) LIFETIME[r].parse(c.value());
                return true;
            }
        }
        if (c.keyEquals(WINDOWS_KEY)) {
            windows = new EventWindows(WINDOWS.canonical(c.value()));
            return true;
        } else if (c.keyEquals(DWELL_KEY)) {
            dwellNanos = DWELL.parse(c.value()) * 1_000_000L;
            return true;
        }
        return classifier.apply(c);
    }

    public boolean isWindowsKey(ConfigChangeEvent c) {
        return c.keyEquals(WINDOWS_KEY);
    }
}

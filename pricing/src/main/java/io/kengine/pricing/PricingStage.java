package io.kengine.pricing;

import io.kengine.config.ParameterDef;
import io.kengine.pricing.crosscontract.CrossContract;
import io.kengine.pricing.decision.DecisionQueue;
import io.kengine.pricing.engines.CrossContractEngine;
import io.kengine.pricing.engines.EngineKind;
import io.kengine.pricing.engines.MicropriceEngine;
import io.kengine.pricing.engines.MidEdgeEngine;
import io.kengine.pricing.engines.PricingEngine;
import io.kengine.pricing.engines.RegimeEngine;
import io.kengine.pricing.fairvalue.ExternalFairValues;
import io.kengine.pricing.fees.FeeModel;
import io.kengine.pricing.market.Markets;
import io.kengine.pricing.market.TradeFlow;
import io.kengine.pricing.market.UniformGrids;
import io.kengine.pricing.quote.MarketInputs;
import io.kengine.pricing.quote.QuoteDraft;
import io.kengine.pricing.quote.QuotePipeline;
import io.kengine.pricing.text.EngineRules;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.FairValueEvent;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.MarketDefinitionEvent;
import io.kengine.protocol.event.MarketLifecycleEvent;
import io.kengine.protocol.event.TradeEvent;
import io.kengine.protocol.stage.BasketNote;
import io.kengine.protocol.stage.BookFeaturesNote;
import io.kengine.protocol.stage.BookTrust;
import io.kengine.protocol.stage.DecisionKind;
import io.kengine.protocol.stage.DecisionNote;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.QuoteReason;
import io.kengine.protocol.stage.Stage;
import io.kengine.protocol.stage.TopOfBookNote;
import io.kengine.protocol.stage.TradeDedup;
import io.kengine.protocol.units.FixedPoint;

import java.util.ArrayList;
import java.util.List;

/**
 * The pricing stage of the ring: for each book change it picks the market's engine (M0–M3, by
 * {@code pricing.engines}), the fair value (external when fresh and confident, else market-implied),
 * runs the shared {@link QuotePipeline} and writes the wanted quote into {@link QuoteNote#PRICING};
 * for markets of configured exclusive sets and ladders it also looks for a taker basket
 * ({@link BasketNote}); regime changes, expired fair values and baskets go to the
 * {@link DecisionNote#PRICING} region. All three notes are cleared on every event first.
 *
 * <p>Inputs, all journaled events: book notes (TopOfBook + BookFeatures) of the event's market,
 * MarketDefinition / MarketLifecycle (tickers, grid, status, close), Fill (our position), Trade
 * (taker flow for M1), FairValue, ConfigChange and Timer (expiry sweep). Time is the event's only.
 * Steady state allocates nothing: per-market arrays, one reused draft and inputs object.
 */
public final class PricingStage implements Stage {
    public static final int DEFAULT_MAX_MARKETS = 4096;
    public static final String ENGINES_KEY = "pricing.engines";
    public static final String NEAR_CLOSE_KEY = "pricing.nearCloseMs";
    public static final String FLOW_HALF_LIFE_KEY = "pricing.m1.flowHalfLifeMs";
    public static final ParameterDef ENGINES = ParameterDef.text(ENGINES_KEY, "*=m0",
        "engine per market: pattern=engine;... first match on ticker or series wins (m0, m1, m2, m3, off)",
        EngineRules::canonical);
    public static final ParameterDef NEAR_CLOSE = ParameterDef.durationMs(NEAR_CLOSE_KEY, "0",
        "stop quoting a market this close to its close time (0: never)");
    public static final ParameterDef FLOW_HALF_LIFE = ParameterDef.durationMs(FLOW_HALF_LIFE_KEY, "30s",
        "M1: half-life of the recent taker-flow average").withMin(1);
    /** Every parameter of the pricing stage, in a stable order. */
    public static final List<ParameterDef> PARAMETERS;

    static {
        List<ParameterDef> all = new ArrayList<>(List.of(ENGINES, NEAR_CLOSE));
        all.addAll(MidEdgePricingStage.PARAMETERS);
        all.addAll(MicropriceEngine.PARAMETERS);
        all.add(FLOW_HALF_LIFE);
        all.addAll(RegimeEngine.PARAMETERS);
        all.addAll(CrossContractEngine.PARAMETERS);
        all.addAll(CrossContract.PARAMETERS);
        all.addAll(FeeModel.PARAMETERS);
        all.addAll(QuotePipeline.PARAMETERS);
        all.addAll(ExternalFairValues.PARAMETERS);
        PARAMETERS = List.copyOf(all);
    }

    private final TopOfBookNote top = new TopOfBookNote();
    private final BookFeaturesNote features = new BookFeaturesNote();
    private final QuoteNote quote = new QuoteNote();
    private final DecisionNote decisionNote = new DecisionNote();
    private final BasketNote basket = new BasketNote();
    private final ConfigChangeEvent config = new ConfigChangeEvent();
    private final MarketDefinitionEvent definition = new MarketDefinitionEvent();
    private final MarketLifecycleEvent lifecycle = new MarketLifecycleEvent();
    private final FillEvent fill = new FillEvent();
    // a fill delivered twice (the fill channel after a reconnect, the reconciler's REST fills) moves the
    // position once, as in risk; without the exchange's post-position a repeat would skew every later quote
    private final TradeDedup fillsSeen = new TradeDedup(1 << 12);
    private final TradeEvent trade = new TradeEvent();
    private final FairValueEvent fairValue = new FairValueEvent();

    private final Markets markets;
    private final TradeFlow flow;
    private final FeeModel fees = new FeeModel();
    private final QuotePipeline pipeline = new QuotePipeline(fees);
    private final ExternalFairValues fairValues;
    private final CrossContract cross;
    private final MidEdgeEngine m0 = new MidEdgeEngine();
    private final MicropriceEngine m1 = new MicropriceEngine();
    private final RegimeEngine m2;
    private final CrossContractEngine m3;
    private final PricingEngine[] engines;
    private final DecisionQueue decisions = new DecisionQueue();
    private final UniformGrids uniformGrids = new UniformGrids();
    private final MarketInputs in = new MarketInputs();
    private final QuoteDraft draft = new QuoteDraft();

    private final int[] engineOf;
    private final boolean[] makerFees;
    private final int[] lastRegime;
    private EngineRules rules = new EngineRules(ENGINES.defaultValue());
    private int undefinedEngine;
    private long nearCloseMs = NEAR_CLOSE.parse(NEAR_CLOSE.defaultValue());

    private long quotesWritten;
    private long pulls;
    private long crossedBooks;

    /** Defaults for every parameter, {@link #DEFAULT_MAX_MARKETS} market ids. */
    public PricingStage() {
        this(DEFAULT_MAX_MARKETS);
    }

    public PricingStage(int maxMarkets) {
        markets = new Markets(maxMarkets);
        flow = new TradeFlow(maxMarkets);
        flow.halfLifeMs(FLOW_HALF_LIFE.parse(FLOW_HALF_LIFE.defaultValue()));
        fairValues = new ExternalFairValues(maxMarkets);
        cross = new CrossContract(fees, markets);
        m2 = new RegimeEngine(maxMarkets);
        m3 = new CrossContractEngine(cross);
        engines = new PricingEngine[] {m0, m1, m2, m3};
        engineOf = new int[maxMarkets];
        makerFees = new boolean[maxMarkets];
        lastRegime = new int[maxMarkets];
        undefinedEngine = rules.select("", "");
    }

    @Override
    public void onEvent(EventSlot slot, boolean endOfBatch) {
        quote.wrap(slot, QuoteNote.PRICING).clear();
        decisionNote.wrap(slot, DecisionNote.PRICING).clear();
        basket.wrap(slot).clear();
        decisions.begin(decisionNote);
        long now = slot.timestampNanos();
        // 1. the event's own state change; which market (if any) it asks to requote
        int requote = -1;
        switch (slot.type()) {
            case EventType.CONFIG_CHANGE:
                applyConfig(slot);
                break;
            case EventType.MARKET_DEFINITION:
                requote = onDefinition(slot);
                break;
            case EventType.MARKET_LIFECYCLE:
                requote = onLifecycle(slot);
                break;
            case EventType.FILL:
                requote = onFill(slot);
                break;
            case EventType.FAIR_VALUE:
                requote = onFairValue(slot);
                break;
            case EventType.TRADE:
                trade.wrap(slot.event(), 0);
                if (markets.inRange(slot.marketId())) {
                    flow.onTrade(slot.marketId(), trade.takerSide(), trade.count(), now);
                }
                break;
            default:
                break;
        }
        // 2. the book stage's notes: any event may carry a changed book (a timer announces a stale one)
        if (onBook(slot, now)) {
            return; // the book's own decision wins the one quote note; the requote waits for its next update
        }
        // 3. the requote the event asked for, or on a timer one newly expired fair value
        if (requote >= 0) {
            if (!markets.isOpen(requote)) {
                pull(requote, QuoteReason.MARKET_NOT_OPEN);
            } else if (markets.hasTop(requote)) {
                price(requote, now);
            }
        } else if (slot.type() == EventType.TIMER) {
            onTimer(now);
        }
    }

    /** Remembers the notes' book; prices it when it changed. @return true when a quote was written */
    private boolean onBook(EventSlot slot, long now) {
        top.wrap(slot);
        features.wrap(slot);
        if (!top.isValid()) {
            return false;
        }
        int m = top.marketId();
        if (!markets.inRange(m)) {
            return false;
        }
        markets.rememberBook(m, top, features);
        if (!top.isChanged()) {
            return false;
        }
        cross.observe(m);
        price(m, now);
        cross.onBook(m, now, slot.sequence(), basket, decisions);
        return true;
    }

    private int onDefinition(EventSlot slot) {
        int m = slot.marketId();
        if (!markets.inRange(m)) {
            return -1;
        }
        definition.wrap(slot.event(), 0);
        if (markets.define(m, definition)) {
            String ticker = markets.ticker(m);
            String series = markets.series(m);
            engineOf[m] = rules.select(ticker, series);
            makerFees[m] = fees.chargesMakerFees(ticker, series);
            m2.define(m, ticker, series);
            cross.define(m);
        }
        // a definition that closes the market pulls; an open one waits for its book
        return markets.isOpen(m) ? -1 : m;
    }

    private int onLifecycle(EventSlot slot) {
        int m = slot.marketId();
        if (!markets.inRange(m)) {
            return -1;
        }
        lifecycle.wrap(slot.event(), 0);
        markets.lifecycle(m, lifecycle);
        return m;
    }

    private int onFill(EventSlot slot) {
        int m = slot.marketId();
        if (!markets.inRange(m)) {
            return -1;
        }
        if (!fillsSeen.firstTime(slot.event(), FillEvent.TRADE_ID_OFFSET)) {
            return -1; // already applied: no position change, nothing to requote
        }
        fill.wrap(slot.event(), 0);
        long post = fill.postPosition();
        long p;
        if (post != FillEvent.NULL_LONG) {
            p = post; // the exchange's own figure: idempotent under a replayed or duplicated fill
        } else {
            p = markets.position(m) + (fill.side() == Codes.BID ? fill.count() : -fill.count());
        }
        markets.position(m, p);
        return m;
    }

    private int onFairValue(EventSlot slot) {
        int m = slot.marketId();
        if (!markets.inRange(m)) {
            return -1;
        }
        fairValue.wrap(slot.event(), 0);
        fairValues.onFairValue(m, fairValue);
        return m;
    }

    /** A timer: journal one newly expired fair value (and requote its market); the rest on later ticks. */
    private void onTimer(long now) {
        int m = fairValues.firstUnreportedExpiry(now, markets.limit());
        if (m < 0) {
            return;
        }
        if (markets.hasTop(m)) {
            price(m, now);
        } else if (fairValues.reportExpiry(m, now)) {
            decisions.add(DecisionKind.FAIR_VALUE_EXPIRED, QuoteReason.FAIR_VALUE_STALE, m, fairValues.price(m), 0);
        }
    }

    private void price(int m, long now) {
        if (fairValues.reportExpiry(m, now)) {
            decisions.add(DecisionKind.FAIR_VALUE_EXPIRED, QuoteReason.FAIR_VALUE_STALE, m, fairValues.price(m), 0);
        }
        if (!markets.isOpen(m)) {
            pull(m, QuoteReason.MARKET_NOT_OPEN);
            return;
        }
        if (!markets.trusted(m)) {
            pull(m, markets.trust(m) == BookTrust.STALE.code() ? QuoteReason.STALE_BOOK : QuoteReason.NO_BOOK);
            return;
        }
        fillInputs(m, now);
        if (in.twoSided() && in.bestBid >= in.bestAsk) {
            // YES bid + NO bid ≥ $1 would have matched: a broken book, not an opportunity
            crossedBooks++;
            pull(m, QuoteReason.BOOK_CROSSED);
            return;
        }
        if (nearCloseMs > 0 && in.timeToCloseMs != MarketInputs.NO_VALUE && in.timeToCloseMs <= nearCloseMs) {
            pull(m, QuoteReason.NEAR_CLOSE);
            return;
        }
        int kind = markets.isDefined(m) ? engineOf[m] : undefinedEngine;
        if (kind == EngineKind.NONE) {
            pull(m, QuoteReason.NOT_CONFIGURED);
            return;
        }
        if (kind == EngineKind.M1) {
            in.tradeFlow = flow.flow(m);
        }
        PricingEngine engine = engines[kind];
        draft.reset(m);
        long implied = engine.impliedFair(in);
        switch (fairValues.judge(m, now)) {
            case ExternalFairValues.USE:
                draft.fair = fairValues.price(m);
                draft.confidenceBps = fairValues.confidenceBps(m);
                break;
            case ExternalFairValues.STOP_STALE:
                pull(m, QuoteReason.FAIR_VALUE_STALE);
                return;
            case ExternalFairValues.STOP_LOW_CONFIDENCE:
                pull(m, QuoteReason.LOW_CONFIDENCE);
                return;
            default:
                if (implied == MarketInputs.NO_PRICE) {
                    pull(m, QuoteReason.NO_BOOK);
                    return;
                }
                draft.fair = implied;
                break;
        }
        engine.shape(in, draft);
        if (kind == EngineKind.M2 && draft.regime != lastRegime[m]) {
            decisions.add(DecisionKind.REGIME_CHANGE, QuoteReason.NONE, m, lastRegime[m], draft.regime);
            lastRegime[m] = draft.regime;
        }
        if (draft.engineSize <= 0) {
            int reason = draft.regime == io.kengine.protocol.stage.Regime.EVENT ? QuoteReason.EVENT_WINDOW : QuoteReason.NO_SIZE;
            pull(m, reason);
            quote.meta(draft.regime, draft.lifetimeMs);
            return;
        }
        pipeline.run(in, draft);
        draft.writeTo(quote);
        quotesWritten++;
    }

    private void fillInputs(int m, long now) {
        MarketInputs i = in;
        i.marketId = m;
        i.nowNanos = now;
        i.bestBid = markets.bid(m);
        i.bestAsk = markets.ask(m);
        i.bestBidQty = markets.bidQty(m);
        i.bestAskQty = markets.askQty(m);
        i.mid = i.twoSided() ? (i.bestBid + i.bestAsk) / 2 : MarketInputs.NO_VALUE;
        long micro = markets.microprice(m);
        i.microprice = micro < 0 ? MarketInputs.NO_VALUE : micro;
        i.imbalanceDepthBps = markets.imbalanceDepth(m);
        i.volatility = markets.volatility(m);
        i.tradeIntensity = markets.tradeIntensity(m);
        long close = markets.closeTimeMs(m);
        i.timeToCloseMs = close > 0 ? Math.max(0, close - now / 1_000_000L) : MarketInputs.NO_VALUE;
        i.tradeFlow = 0; // set by price() for M1 only: the only reader
        i.position = markets.position(m);
        if (markets.grid(m) != null) {
            i.grid = markets.grid(m);
            i.minInside = markets.minInside(m);
            i.maxInside = markets.maxInside(m);
        } else {
            i.grid = uniformGrids.of(markets.tick(m));
            i.minInside = i.grid.ceil(1);
            i.maxInside = i.grid.floor(FixedPoint.PRICE_ONE - 1);
        }
        i.makerFees = makerFees[m];
        i.fractional = !markets.isDefined(m) || markets.fractional(m);
    }

    private void pull(int m, int reason) {
        quote.set(m, QuoteNote.FLAG_PRESENT | QuoteNote.FLAG_PULL, 0, 0, reason, 0, 0, reason, TopOfBookNote.NO_PRICE);
        quote.meta(lastRegime[m], 0);
        pulls++;
        quotesWritten++;
    }

    private void applyConfig(EventSlot slot) {
        config.wrap(slot.event(), 0);
        ConfigChangeEvent c = config;
        if (c.keyEquals(ENGINES_KEY)) {
            rules = new EngineRules(ENGINES.canonical(c.value()));
            undefinedEngine = rules.select("", "");
            for (int m = 0; m < markets.limit(); m++) {
                if (markets.isDefined(m)) {
                    engineOf[m] = rules.select(markets.ticker(m), markets.series(m));
                }
            }
        } else if (c.keyEquals(NEAR_CLOSE_KEY)) {
            nearCloseMs = NEAR_CLOSE.parse(c.value());
        } else if (c.keyEquals(FLOW_HALF_LIFE_KEY)) {
            flow.halfLifeMs(FLOW_HALF_LIFE.parse(c.value()));
        } else if (c.keyEquals(FeeModel.MAKER_SERIES_KEY)) {
            fees.apply(c);
            for (int m = 0; m < markets.limit(); m++) {
                makerFees[m] = markets.isDefined(m) && fees.chargesMakerFees(markets.ticker(m), markets.series(m));
            }
        } else if (c.keyEquals(RegimeEngine.WINDOWS_KEY)) {
            m2.apply(c);
            for (int m = 0; m < markets.limit(); m++) {
                if (markets.isDefined(m)) {
                    m2.define(m, markets.ticker(m), markets.series(m));
                }
            }
        } else if (!(fees.apply(c) || pipeline.apply(c) || m0.apply(c) || m1.apply(c) || m2.apply(c)
            || m3.apply(c) || cross.apply(c))) {
            fairValues.apply(c); // or a key of another stage: ignored
        }
    }

    /** The M0 engine (its edge and size, as {@link MidEdgePricingStage} exposed them). */
    public MidEdgeEngine m0() {
        return m0;
    }

    public RegimeEngine m2() {
        return m2;
    }

    public CrossContract crossContract() {
        return cross;
    }

    public long position(int market) {
        return markets.position(market);
    }

    /** Fills ignored because their trade id was already applied. */
    public long duplicateFills() {
        return fillsSeen.duplicates();
    }

    public long quotesWritten() {
        return quotesWritten;
    }

    public long pulls() {
        return pulls;
    }

    public long crossedBooks() {
        return crossedBooks;
    }

    public long basketsProposed() {
        return cross.basketsProposed();
    }

    public long decisionsDropped() {
        return decisions.dropped();
    }
}

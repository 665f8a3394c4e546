package io.kengine.pricing.crosscontract;

import io.kengine.config.ParameterDef;
import io.kengine.pricing.decision.DecisionQueue;
import io.kengine.pricing.fees.FeeModel;
import io.kengine.pricing.market.Markets;
import io.kengine.pricing.text.Glob;
import io.kengine.pricing.text.RuleText;
import io.kengine.protocol.event.ConfigChangeEvent;
import io.kengine.protocol.stage.BasketNote;
import io.kengine.protocol.stage.DecisionKind;
import io.kengine.protocol.stage.QuoteReason;

import java.util.List;

/**
 * M3's cross-contract state and scans: event groups (exclusive sets, threshold ladders), correlated
 * pairs, and on each book update of a grouped market the basket search. A basket goes into the slot's
 * BasketNote with a group id derived from the event's sequence (replay gives the same id) and a
 * BASKET_PROPOSED decision; risk approves or blocks it in place, the gateway sends and unwinds.
 * A group proposes at most once per cooldown (event time), so a basket risk blocked is not re-proposed
 * on every tick of the same book.
 *
 * <p>The YES/NO complement of one market is no basket: a YES bid and a NO bid summing to $1 or more
 * match on the exchange, so on a live book that is an integrity failure, handled when quoting (the
 * book is refused as crossed).
 */
public final class CrossContract {
    public static final String EXCLUSIVE_KEY = "pricing.m3.exclusiveEvents";
    public static final String LADDER_KEY = "pricing.m3.ladderEvents";
    public static final String PAIRS_KEY = "pricing.m3.pairs";
    public static final String MIN_EDGE_KEY = "pricing.m3.minBasketEdge";
    public static final String MAX_SIZE_KEY = "pricing.m3.maxBasketSize";
    public static final String COOLDOWN_KEY = "pricing.m3.cooldownMs";
    public static final String BASKETS_KEY = "pricing.m3.baskets";
    public static final String PAIR_WEIGHT_KEY = "pricing.m3.pairWeight";
    public static final String PAIR_ALPHA_KEY = "pricing.m3.pairAlpha";
    public static final ParameterDef EXCLUSIVE = ParameterDef.text(EXCLUSIVE_KEY, RuleText.NONE,
        "event ticker patterns whose markets are mutually exclusive and exhaustive outcomes (none: no sets)",
        RuleText::canonicalPatterns);
    public static final ParameterDef LADDER = ParameterDef.text(LADDER_KEY, RuleText.NONE,
        "event ticker patterns whose markets are 'above X' threshold ladders (none: no ladders)",
        RuleText::canonicalPatterns);
    public static final ParameterDef PAIRS = ParameterDef.text(PAIRS_KEY, RuleText.NONE,
        "correlated pairs TICKER_A~TICKER_B[:beta];... quoted on their average spread (none: no pairs)",
        PairSpreads::canonical);
    public static final ParameterDef MIN_EDGE = ParameterDef.money(MIN_EDGE_KEY, "0.0100",
        "least profit after taker fees for M3 to propose a basket, dollars per basket").withMin("0.0001");
    public static final ParameterDef MAX_SIZE = ParameterDef.count(MAX_SIZE_KEY, "10.00",
        "largest basket quantity per leg, contracts").withMin("1.00");
    public static final ParameterDef COOLDOWN = ParameterDef.durationMs(COOLDOWN_KEY, "1s",
        "least event time between two baskets proposed for one event");
    public static final ParameterDef BASKETS = ParameterDef.bool(BASKETS_KEY, "true",
        "M3: propose taker baskets for exclusive sets and ladders");
    public static final ParameterDef PAIR_WEIGHT = ParameterDef.price(PAIR_WEIGHT_KEY, "0.5000",
        "M3: weight of the pair-implied value in a paired market's fair value (0..1)");
    public static final ParameterDef PAIR_ALPHA = ParameterDef.price(PAIR_ALPHA_KEY, "0.0500",
        "M3: EWMA weight of each new spread observation of a pair (0..1)").withMin("0.0001");
    public static final List<ParameterDef> PARAMETERS = List.of(EXCLUSIVE, LADDER, PAIRS, MIN_EDGE, MAX_SIZE,
        COOLDOWN, BASKETS, PAIR_WEIGHT, PAIR_ALPHA);

    private final Markets markets;
    private final EventGroups groups;
    private final PairSpreads pairs;
    private final ExclusiveSetScanner exclusiveScanner;
    private final LadderScanner ladderScanner;
    private final BasketPlan plan = new BasketPlan();
    private long[] lastBasketNanos;
    private List<Glob> exclusivePatterns = RuleText.patterns(EXCLUSIVE.defaultValue());
    private List<Glob> ladderPatterns = RuleText.patterns(LADDER.defaultValue());
    private long minEdge = MIN_EDGE.parse(MIN_EDGE.defaultValue());
    private long maxSize = MAX_SIZE.parse(MAX_SIZE.defaultValue());
    private long cooldownNanos = COOLDOWN.parse(COOLDOWN.defaultValue()) * 1_000_000L;
    private boolean baskets = BASKETS.parse(BASKETS.defaultValue()) != 0;
    private double pairWeight = PAIR_WEIGHT.parse(PAIR_WEIGHT.defaultValue()) / 10_000.0;
    private double pairAlpha = PAIR_ALPHA.parse(PAIR_ALPHA.defaultValue()) / 10_000.0;
    private long basketsProposed;

    public CrossContract(FeeModel fees, Markets markets) {
        this.markets = markets;
        this.groups = new EventGroups(markets.capacity());
        this.pairs = new PairSpreads(markets.capacity());
        this.exclusiveScanner = new ExclusiveSetScanner(fees, markets);
        this.ladderScanner = new LadderScanner(fees, markets);
        this.lastBasketNanos = new long[16];
    }

    /** A market was (re)defined. */
    public void define(int m) {
        groups.define(m, markets.eventTicker(m), markets.ticker(m), exclusivePatterns, ladderPatterns);
        pairs.define(m, markets.ticker(m));
        if (groups.groups() > lastBasketNanos.length) {
            lastBasketNanos = java.util.Arrays.copyOf(lastBasketNanos, groups.groups() * 2);
        }
    }

    /** The market's book changed (its top is already remembered): update its pair's average spread. */
    public void observe(int m) {
        pairs.onBook(m, markets, pairAlpha);
    }

    /**
     * After the market's quote: for a market of a configured set or ladder, look for a basket.
     * Returns true when one was written.
     */
    public boolean onBook(int m, long nowNanos, long sequence, BasketNote note, DecisionQueue decisions) {
        int g = groups.groupOf(m);
        if (!baskets || g < 0 || (!groups.exclusive(g) && !groups.ladder(g))) {
            return false;
        }
        if (lastBasketNanos[g] != 0 && nowNanos - lastBasketNanos[g] < cooldownNanos) {
            return false;
        }
        boolean found = (groups.exclusive(g) && exclusiveScanner.scan(groups, g, maxSize, minEdge, plan))
            || (groups.ladder(g) && ladderScanner.scan(groups, g, maxSize, minEdge, plan));
        if (!found) {
            return false;
        }
        long groupId = sequence;
        int legs = plan.writeTo(note, groupId);
        decisions.add(DecisionKind.BASKET_PROPOSED, QuoteReason.BASKET, m, groupId, legs);
        lastBasketNanos[g] = nowNanos;
        basketsProposed++;
        return true;
    }

    /**
     * M3's fair value for a market: its own book's value moved inside the bounds its ladder neighbours
     * set (a price breaking monotonicity is quoted back toward consistency), then blended with the
     * value its pair implies.
     */
    public long adjust(int m, long fair) {
        long f = fair;
        int g = groups.groupOf(m);
        if (g >= 0 && groups.ladder(g)) {
            f = ladderClamp(g, m, f);
        }
        long implied = pairs.implied(m, markets);
        if (implied >= 0) {
            f = Math.round((1 - pairWeight) * f + pairWeight * implied);
        }
        return f;
    }

    private long ladderClamp(int g, int m, long fair) {
        int n = groups.ladderCount(g);
        int at = -1;
        for (int i = 0; i < n; i++) {
            if (groups.ladderMember(g, i) == m) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return fair;
        }
        long upper = Long.MAX_VALUE; // a lower strike's value caps ours
        for (int i = at - 1; i >= 0; i--) {
            long mid = markets.liveMid(groups.ladderMember(g, i));
            if (mid >= 0) {
                upper = mid;
                break;
            }
        }
        long lower = Long.MIN_VALUE; // a higher strike's value floors ours
        for (int i = at + 1; i < n; i++) {
            long mid = markets.liveMid(groups.ladderMember(g, i));
            if (mid >= 0) {
                lower = mid;
                break;
            }
        }
        if (lower > upper) {
            return fair; // the neighbours themselves are inverted: no bound to trust
        }
        return Math.max(lower, Math.min(upper, fair));
    }

    /** Applies a ConfigChange for an M3 key; false when the key is not M3's. */
    public boolean apply(ConfigChangeEvent c) {
        if (c.keyEquals(EXCLUSIVE_KEY)) {
            exclusivePatterns = RuleText.patterns(EXCLUSIVE.canonical(c.value()));
            groups.reflag(exclusivePatterns, ladderPatterns);
        } else if (c.keyEquals(LADDER_KEY)) {
            ladderPatterns = RuleText.patterns(LADDER.canonical(c.value()));
            groups.reflag(exclusivePatterns, ladderPatterns);
        } else if (c.keyEquals(PAIRS_KEY)) {
            pairs.configure(PAIRS.canonical(c.value()), markets);
        } else if (c.keyEquals(MIN_EDGE_KEY)) {
            minEdge = MIN_EDGE.parse(c.value());
        } else if (c.keyEquals(MAX_SIZE_KEY)) {
            maxSize = MAX_SIZE.parse(c.value());
        } else if (c.keyEquals(COOLDOWN_KEY)) {
            cooldownNanos = COOLDOWN.parse(c.value()) * 1_000_000L;
        } else if (c.keyEquals(BASKETS_KEY)) {
            baskets = BASKETS.parse(c.value()) != 0;
        } else if (c.keyEquals(PAIR_WEIGHT_KEY)) {
            pairWeight = PAIR_WEIGHT.parse(c.value()) / 10_000.0;
        } else if (c.keyEquals(PAIR_ALPHA_KEY)) {
            pairAlpha = PAIR_ALPHA.parse(c.value()) / 10_000.0;
        } else {
            return false;
        }
        return true;
    }

    public EventGroups groups() {
        return groups;
    }

    public long basketsProposed() {
        return basketsProposed;
    }
}

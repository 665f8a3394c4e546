package io.kengine.sim.flow;

import io.kengine.protocol.units.FixedPoint;
import io.kengine.protocol.units.TickGrid;
import io.kengine.sim.exchange.AmendRequest;
import io.kengine.sim.exchange.Exchange;
import io.kengine.sim.exchange.MarketState;
import io.kengine.sim.exchange.OrderRequest;
import io.kengine.sim.exchange.OrderResult;
import io.kengine.sim.exchange.OrderState;
import io.kengine.sim.exchange.OrderStatus;
import io.kengine.sim.exchange.Side;

/**
 * Posts a ladder of post-only bids and asks around its own estimate of the true probability and keeps it there:
 * each refresh it moves every level by amend (or places, or cancels) to where the estimate, its inventory and the
 * book say it should be.
 *
 * <p>Its estimate is the truth plus a persistent error (an AR(1) in logit space with the configured standard
 * deviation and half-life), so makers disagree with each other and with the truth for a while, which is what gives
 * informed traders something to take. It leans its quotes against its inventory, so being picked off moves its
 * prices toward where the informed flow pushes them, and it stops quoting the side that would grow its position
 * beyond the limit. It never takes: each level is clamped one tick short of the opposite best, so post-only is
 * never refused.
 */
public final class PassiveMaker extends Participant {
    private static final double LN2 = StrictMath.log(2.0);

    private final FlowConfig.Makers cfg;
    private final long levelSize;
    /** Order id per level (best first), or null; the exchange is asked for the order's state each refresh. */
    private final String[] bidIds;
    private final String[] askIds;
    private final long[] targets;
    private double estimateError;
    private long estimateAtMs = Long.MIN_VALUE;
    private long lastCenter = -1;

    PassiveMaker(int index, String accountId, MarketFlow market, Exchange exchange, FlowStats stats, long seed,
                 FlowConfig config) {
        super(index, accountId, market, exchange, stats, seed);
        this.cfg = config.makers();
        this.levelSize = rng.lots(cfg.minLevelSize(), cfg.maxLevelSize(), config.sizeLot());
        this.bidIds = new String[cfg.levels()];
        this.askIds = new String[cfg.levels()];
        this.targets = new long[cfg.levels()];
        this.estimateError = cfg.estimateNoiseLogit() * rng.gaussian();
    }

    @Override
    public String kind() {
        return "maker";
    }

    /** Size of each of its levels (0.01 contracts). */
    public long levelSize() {
        return levelSize;
    }

    @Override
    long firstWakeMs(long startMs) {
        return startMs; // quote from the first moment, so the book is never empty for long
    }

    @Override
    long nextDelayMs() {
        return rng.exponentialMs(cfg.refreshRatePerSecond());
    }

    @Override
    void act(long t, long now, MarketState state) {
        double p = market.trueProbability(t, state.closeTimeMs());
        updateEstimateError(t);
        long position = position();
        long skew = Math.multiplyExact(cfg.inventorySkewPerContract(), position) / FixedPoint.COUNT_ONE;
        long center = MarketFlow.rawPrice(TrueProbabilityProcess.sigmoid(TrueProbabilityProcess.logit(p) + estimateError)) - skew;
        boolean bids = position < cfg.maxPosition();
        boolean asks = position > -cfg.maxPosition();
        // Move the side that goes away from the other first: the maker's new bids never meet its old asks.
        if (center >= lastCenter) {
            refresh(state, Side.ASK, center, asks, now);
            refresh(state, Side.BID, center, bids, now);
        } else {
            refresh(state, Side.BID, center, bids, now);
            refresh(state, Side.ASK, center, asks, now);
        }
        lastCenter = center;
    }

    private void updateEstimateError(long t) {
        if (estimateAtMs != Long.MIN_VALUE) {
            double hl = cfg.estimateNoiseHalfLifeSeconds();
            double keep = hl > 0 ? StrictMath.exp(-LN2 * ((t - estimateAtMs) / 1000.0) / hl) : 0.0;
            // Stationary: the error's standard deviation stays estimateNoiseLogit whatever the refresh timing.
            estimateError = keep * estimateError + StrictMath.sqrt(1.0 - keep * keep) * cfg.estimateNoiseLogit() * rng.gaussian();
        }
        estimateAtMs = t;
    }

    private void refresh(MarketState state, Side side, long center, boolean allowed, long now) {
        computeTargets(side, center, allowed);
        String[] ids = side == Side.BID ? bidIds : askIds;
        for (int i = 0; i < ids.length; i++) {
            long target = targets[i];
            OrderState o = ids[i] == null ? null
                : exchange.order(accountId, ids[i]).filter(s -> s.status() == OrderStatus.RESTING).orElse(null);
            if (o == null) {
                ids[i] = null;
            }
            if (target == TickGrid.NO_PRICE) {
                if (o != null) {
                    cancel(o.orderId(), now);
                    ids[i] = null;
                }
            } else if (o == null) {
                if (affordable(state, side, target, levelSize, null)) {
                    OrderResult r = place(OrderRequest.of(market.ticker, side, target, levelSize).withPostOnly(true), now);
                    ids[i] = r.ok() && r.order().status() == OrderStatus.RESTING ? r.orderId() : null;
                }
            } else if (o.price() != target || o.remainingCount() * 2 < levelSize) {
                if (affordable(state, side, target, levelSize, o)) {
                    // Amend keeps the order id; count is the new total, so the filled part is added back.
                    amend(o.orderId(), AmendRequest.of(market.ticker, side, target, o.fillCount() + levelSize), now);
                } else {
                    cancel(o.orderId(), now); // better no quote than a stale one
                    ids[i] = null;
                }
            }
        }
    }

    /**
     * Fills {@link #targets} with this side's prices, best first, {@link TickGrid#NO_PRICE} for levels not wanted:
     * on the grid, strictly worse level by level, one tick short of the live opposite best (which, thanks to the
     * refresh order, is someone else's or already this maker's new quote).
     */
    private void computeTargets(Side side, long center, boolean allowed) {
        MarketState s = exchange.findMarket(market.ticker).orElseThrow();
        long prev = TickGrid.NO_PRICE;
        for (int i = 0; i < targets.length; i++) {
            long price = TickGrid.NO_PRICE;
            if (allowed && (i == 0 || prev != TickGrid.NO_PRICE)) {
                long offset = cfg.firstLevelOffset() + i * cfg.levelSpacing();
                if (side == Side.BID) {
                    long limit = s.bestAsk() == MarketState.NO_PRICE ? Long.MAX_VALUE : s.bestAsk() - 1;
                    price = market.bidPrice(Math.min(center - offset, limit));
                    if (prev != TickGrid.NO_PRICE && price != TickGrid.NO_PRICE && price >= prev) {
                        price = market.bidPrice(prev - 1);
                    }
                } else {
                    long limit = s.bestBid() == MarketState.NO_PRICE ? Long.MIN_VALUE : s.bestBid() + 1;
                    price = market.askPrice(Math.max(center + offset, limit));
                    if (prev != TickGrid.NO_PRICE && price != TickGrid.NO_PRICE && price <= prev) {
                        price = market.askPrice(prev + 1);
                    }
                }
            }
            targets[i] = price;
            prev = price;
        }
    }
}

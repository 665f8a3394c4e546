package io.kengine.sim.flow;

import io.kengine.protocol.units.FixedPoint;
import io.kengine.protocol.units.TickGrid;
import io.kengine.sim.exchange.Exchange;
import io.kengine.sim.exchange.MarketState;
import io.kengine.sim.exchange.OrderRequest;
import io.kengine.sim.exchange.Side;
import io.kengine.sim.exchange.TimeInForce;

/**
 * Trades for reasons of its own: at random times, a random side and size, either an immediate-or-cancel order that
 * reaches a random slippage through the best opposite price, or a short-lived good-till-time order resting a random
 * distance behind the mid (the exchange expires it). When its position reaches the limit it only trades back toward
 * flat.
 */
public final class NoiseTrader extends Participant {
    private final FlowConfig.Noise cfg;
    private final long lot;

    NoiseTrader(int index, String accountId, MarketFlow market, Exchange exchange, FlowStats stats, long seed,
                FlowConfig config) {
        super(index, accountId, market, exchange, stats, seed);
        this.cfg = config.noise();
        this.lot = config.sizeLot();
    }

    @Override
    public String kind() {
        return "noise";
    }

    @Override
    long firstWakeMs(long startMs) {
        return poissonFirstWakeMs(startMs, cfg.ratePerSecond());
    }

    @Override
    long nextDelayMs() {
        return rng.exponentialMs(cfg.ratePerSecond());
    }

    @Override
    void act(long t, long now, MarketState state) {
        // Draw everything up front: the number of draws per wake-up does not depend on the book.
        boolean buy = rng.chance(0.5);
        long size = rng.lots(cfg.minSize(), cfg.maxSize(), lot);
        boolean immediate = rng.chance(cfg.immediateFraction());
        long slippage = rng.between(0, cfg.maxSlippage());
        long distance = rng.between(0, cfg.restingRange());
        long lifetimeMs = rng.between(cfg.minLifetimeMs(), cfg.maxLifetimeMs());

        long position = position();
        if (position >= cfg.maxPosition()) {
            buy = false;
        } else if (position <= -cfg.maxPosition()) {
            buy = true;
        }
        Side side = buy ? Side.BID : Side.ASK;
        // At least 1: at the limit the side was turned toward flat.
        long room = buy ? cfg.maxPosition() - position : cfg.maxPosition() + position;
        long count = Math.min(size, room);

        long opposite = buy ? state.bestAsk() : state.bestBid();
        OrderRequest req;
        if (immediate && opposite != MarketState.NO_PRICE) {
            long limit = buy ? market.askPrice(opposite + slippage) : market.bidPrice(opposite - slippage);
            if (limit == TickGrid.NO_PRICE) {
                limit = buy ? market.highest : market.lowest;
            }
            req = OrderRequest.of(market.ticker, side, limit, count).withTimeInForce(TimeInForce.IMMEDIATE_OR_CANCEL);
        } else {
            long ref = reference(state);
            long limit = buy ? market.bidPrice(ref - distance) : market.askPrice(ref + distance);
            if (limit == TickGrid.NO_PRICE) {
                return; // the mid is pinned at the edge of the grid: nothing sensible to rest
            }
            // Whole seconds on the wire: round the expiry up so it is never at or before now.
            long expirationSeconds = Math.floorDiv(now + lifetimeMs + 999, 1000);
            req = OrderRequest.of(market.ticker, side, limit, count).withExpirationTimeSeconds(expirationSeconds);
        }
        if (affordable(state, side, req.price(), count, null)) {
            place(req, now);
        }
    }

    /** Mid if the book is two-sided, else the side there is, else the last trade, else 50¢. */
    private static long reference(MarketState s) {
        boolean bid = s.bestBid() != MarketState.NO_PRICE;
        boolean ask = s.bestAsk() != MarketState.NO_PRICE;
        if (bid && ask) {
            return (s.bestBid() + s.bestAsk()) / 2;
        }
        if (bid) {
            return s.bestBid();
        }
        if (ask) {
            return s.bestAsk();
        }
        return s.lastPrice() != MarketState.NO_PRICE ? s.lastPrice() : FixedPoint.PRICE_ONE / 2;
    }
}

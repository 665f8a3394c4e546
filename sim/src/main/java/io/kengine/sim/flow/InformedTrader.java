package io.kengine.sim.flow;

import io.kengine.protocol.units.TickGrid;
import io.kengine.sim.exchange.Exchange;
import io.kengine.sim.exchange.MarketState;
import io.kengine.sim.exchange.OrderRequest;
import io.kengine.sim.exchange.Side;
import io.kengine.sim.exchange.TimeInForce;

/**
 * Now and then sees the true probability (with a little noise) and takes liquidity toward it: when the best ask is
 * more than the threshold below its view it buys, when the best bid is more than the threshold above it sells, with
 * an immediate-or-cancel order whose limit is its view minus (plus) the threshold, so it takes only the mispriced
 * part of the book. Its position stays within the configured limit.
 */
public final class InformedTrader extends Participant {
    private final FlowConfig.Informed cfg;
    private final long lot;

    InformedTrader(int index, String accountId, MarketFlow market, Exchange exchange, FlowStats stats, long seed,
                   FlowConfig config) {
        super(index, accountId, market, exchange, stats, seed);
        this.cfg = config.informed();
        this.lot = config.sizeLot();
    }

    @Override
    public String kind() {
        return "informed";
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
        double p = market.trueProbability(t, state.closeTimeMs());
        double view = TrueProbabilityProcess.sigmoid(TrueProbabilityProcess.logit(p) + cfg.observationNoiseLogit() * rng.gaussian());
        long viewPrice = MarketFlow.rawPrice(view);
        long size = rng.lots(cfg.minSize(), cfg.maxSize(), lot);
        long position = position();
        if (state.bestAsk() != MarketState.NO_PRICE && viewPrice - state.bestAsk() > cfg.threshold()) {
            long room = cfg.maxPosition() - position;
            long limit = market.bidPrice(viewPrice - cfg.threshold());
            send(state, Side.BID, limit, Math.min(size, room), now);
        } else if (state.bestBid() != MarketState.NO_PRICE && state.bestBid() - viewPrice > cfg.threshold()) {
            long room = cfg.maxPosition() + position;
            long limit = market.askPrice(viewPrice + cfg.threshold());
            send(state, Side.ASK, limit, Math.min(size, room), now);
        }
    }

    private void send(MarketState state, Side side, long limit, long count, long now) {
        if (count < 1 || limit == TickGrid.NO_PRICE || !affordable(state, side, limit, count, null)) {
            return;
        }
        place(OrderRequest.of(market.ticker, side, limit, count).withTimeInForce(TimeInForce.IMMEDIATE_OR_CANCEL), now);
    }
}

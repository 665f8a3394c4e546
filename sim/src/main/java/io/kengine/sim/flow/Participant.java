package io.kengine.sim.flow;

import io.kengine.protocol.units.FixedPoint;
import io.kengine.sim.exchange.AmendRequest;
import io.kengine.sim.exchange.Exchange;
import io.kengine.sim.exchange.MarketState;
import io.kengine.sim.exchange.MarketStatus;
import io.kengine.sim.exchange.Money;
import io.kengine.sim.exchange.OrderRequest;
import io.kengine.sim.exchange.OrderResult;
import io.kengine.sim.exchange.OrderState;
import io.kengine.sim.exchange.PositionState;
import io.kengine.sim.exchange.ReduceResult;
import io.kengine.sim.exchange.Side;

/**
 * A simulated trader in one market with its own exchange account. The {@link FlowDriver} wakes it at the times it
 * asks for; each wake-up it looks at the exchange, maybe sends order calls, and names its next wake-up.
 *
 * <p>It only calls the exchange when the call can succeed: nothing while the market is not open or trading is
 * paused, prices on the market's grid, sizes within its balance. Every refusal is still counted in
 * {@link FlowStats} so tests can prove there are none.
 */
public abstract sealed class Participant permits PassiveMaker, InformedTrader, NoiseTrader {
    final int index;
    final String accountId;
    final MarketFlow market;
    final Exchange exchange;
    final FlowStats stats;
    final Rng rng;

    Participant(int index, String accountId, MarketFlow market, Exchange exchange, FlowStats stats, long seed) {
        this.index = index;
        this.accountId = accountId;
        this.market = market;
        this.exchange = exchange;
        this.stats = stats;
        this.rng = new Rng(seed);
    }

    /** Position in the driver's order; breaks ties between wake-ups at the same ms. */
    public int index() {
        return index;
    }

    public String accountId() {
        return accountId;
    }

    public String ticker() {
        return market.ticker;
    }

    /** {@code maker}, {@code informed} or {@code noise}. */
    public abstract String kind();

    /** When it first wants to act, given the driver's start time. */
    abstract long firstWakeMs(long startMs);

    /** Delay from one wake-up to the next, in ms (at least 1), or {@link FlowDriver#NEVER}. */
    abstract long nextDelayMs();

    /**
     * Acts in an open market while trading is active.
     *
     * @param t     the event time (drives the model)
     * @param now   the exchange's clock after moving to {@code t} (later if someone else moved it further)
     * @param state the market as it is now
     */
    abstract void act(long t, long now, MarketState state);

    /** First wake-up of a participant acting as a Poisson process with this rate (one RNG draw). */
    final long poissonFirstWakeMs(long startMs, double ratePerSecond) {
        long d = rng.exponentialMs(ratePerSecond);
        return d == FlowDriver.NEVER ? FlowDriver.NEVER : startMs + d;
    }

    /**
     * One wake-up at event time {@code t}; returns the next wake-up or {@link FlowDriver#NEVER} once the market is
     * determined or gone. The schedule is computed from event time, not from the exchange's clock, so it depends
     * only on the seed.
     */
    final long wake(long t) {
        exchange.advanceTime(t);
        long now = exchange.now();
        MarketState state = exchange.findMarket(market.ticker).orElse(null);
        if (state == null || state.status() == MarketStatus.DETERMINED || state.status() == MarketStatus.SETTLED) {
            return FlowDriver.NEVER;
        }
        if (state.status() == MarketStatus.OPEN && exchange.tradingActive()) {
            act(t, now, state);
        }
        long delay = nextDelayMs();
        return delay == FlowDriver.NEVER || t > FlowDriver.NEVER - delay ? FlowDriver.NEVER : t + delay;
    }

    // ---------------------------------------------------------------- exchange access, counted

    OrderResult place(OrderRequest request, long now) {
        OrderResult r = exchange.createOrder(accountId, request, now);
        if (r.ok()) {
            stats.countCreated();
        } else {
            stats.countRejection(r.error());
        }
        return r;
    }

    OrderResult amend(String orderId, AmendRequest request, long now) {
        OrderResult r = exchange.amendOrder(accountId, orderId, request, now);
        if (r.ok()) {
            stats.countAmended();
        } else {
            stats.countRejection(r.error());
        }
        return r;
    }

    void cancel(String orderId, long now) {
        ReduceResult r = exchange.cancelOrder(accountId, orderId, now);
        if (r.ok()) {
            stats.countCanceled();
        } else {
            stats.countRejection(r.error());
        }
    }

    long position() {
        return exchange.position(accountId, market.ticker).map(PositionState::position).orElse(0L);
    }

    /**
     * Whether the exchange will surely accept the collateral for {@code count} at {@code price} on {@code side},
     * replacing {@code replacing}'s resting size if not null (an amend). The bound is the order's own leg cost plus
     * its taker-fee reserve, less what the replaced order held, each part counted only when it grows: netting
     * against the position can only lower what the exchange asks for. A skipped order is harmless, a refused one
     * would be an avoidable rejection, so when unsure it skips (and counts it).
     */
    boolean affordable(MarketState state, Side side, long price, long count, OrderState replacing) {
        long leg = legCost(side, price, count);
        long fee = Money.fromMoney(state.fees().takerFee(price, count));
        if (replacing != null) {
            leg -= legCost(side, replacing.price(), replacing.remainingCount());
            fee -= Money.fromMoney(state.fees().takerFee(replacing.price(), replacing.remainingCount()));
        }
        long increase = Math.max(0, leg) + Math.max(0, fee);
        if (increase == 0 || exchange.accountState(accountId).availableMicros() >= increase) {
            return true;
        }
        stats.countSkippedForBalance();
        return false;
    }

    /** Cash a fill of the whole order would take: the YES price for a bid, the NO price for an ask (micros). */
    private static long legCost(Side side, long price, long count) {
        return Money.notional(side == Side.BID ? price : FixedPoint.PRICE_ONE - price, count);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + index + " " + accountId + "]";
    }
}

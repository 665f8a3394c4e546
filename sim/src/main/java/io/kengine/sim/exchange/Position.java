package io.kengine.sim.exchange;

/**
 * One account in one market: the netted position with its cost, P&amp;L and fees, plus the sums over the
 * account's resting orders there that decide the collateral it holds (see {@link Collateral}).
 */
final class Position {
    final Account account;
    final Market market;

    long position;
    long cost;
    long realizedPnl;
    long feesPaid;
    long volume;
    long traded;
    long lastUpdatedMs;

    long restingBidCount;
    long restingBidCost;
    long restingAskCount;
    long restingAskCost;
    long restingFeeReserve;
    /** The collateral currently counted in {@link Account#reserved} for this market. */
    long reserved;

    Position(Account account, Market market) {
        this.account = account;
        this.market = market;
    }

    long required() {
        return Collateral.required(position, restingBidCount, restingBidCost, restingAskCount, restingAskCost, restingFeeReserve);
    }

    PositionState snapshot() {
        return new PositionState(account.id, market.ticker, position, cost, realizedPnl, feesPaid, volume, traded, lastUpdatedMs);
    }
}

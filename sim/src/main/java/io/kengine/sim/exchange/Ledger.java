package io.kengine.sim.exchange;

import io.kengine.protocol.units.FixedPoint;

import java.math.BigInteger;

/**
 * The money side of the exchange: collateral for resting orders, what a fill does to cash, position, cost,
 * P&amp;L and fees, and settlement payouts. All amounts in micro-dollars.
 */
final class Ledger {
    private long fillSequence;

    // ---------------------------------------------------------------- collateral

    /** Counts a resting order's remaining size in its position's collateral sums (call {@link #refresh} after). */
    void reserve(Order o) {
        Position p = o.position;
        long cost = Collateral.legCost(o.side, o.price, o.remaining);
        if (o.side == Side.BID) {
            p.restingBidCount += o.remaining;
            p.restingBidCost += cost;
        } else {
            p.restingAskCount += o.remaining;
            p.restingAskCost += cost;
        }
        o.feeReserve = Collateral.feeReserve(o.market.fees, o.price, o.remaining);
        p.restingFeeReserve += o.feeReserve;
    }

    /** Removes what {@link #reserve} added, for the order's current price and remaining size. */
    void unreserve(Order o) {
        Position p = o.position;
        long cost = Collateral.legCost(o.side, o.price, o.remaining);
        if (o.side == Side.BID) {
            p.restingBidCount -= o.remaining;
            p.restingBidCost -= cost;
        } else {
            p.restingAskCount -= o.remaining;
            p.restingAskCost -= cost;
        }
        p.restingFeeReserve -= o.feeReserve;
        o.feeReserve = 0;
    }

    /** Re-derives the position's collateral after its sums or the position changed. */
    void refresh(Position p) {
        long required = p.required();
        p.account.reserved += required - p.reserved;
        p.reserved = required;
    }

    /**
     * Whether the account can afford {@code count} more at {@code price} on {@code side} (as if it all rested,
     * with the taker fee reserved), optionally in place of {@code replacing}'s current resting size.
     * An order that does not raise the collateral is always affordable.
     */
    boolean affordable(Position p, Side side, long price, long count, Order replacing) {
        long bidCount = p.restingBidCount;
        long bidCost = p.restingBidCost;
        long askCount = p.restingAskCount;
        long askCost = p.restingAskCost;
        long fees = p.restingFeeReserve;
        if (replacing != null && replacing.inBook) {
            long cost = Collateral.legCost(replacing.side, replacing.price, replacing.remaining);
            if (replacing.side == Side.BID) {
                bidCount -= replacing.remaining;
                bidCost -= cost;
            } else {
                askCount -= replacing.remaining;
                askCost -= cost;
            }
            fees -= replacing.feeReserve;
        }
        long cost = Collateral.legCost(side, price, count);
        if (side == Side.BID) {
            bidCount += count;
            bidCost += cost;
        } else {
            askCount += count;
            askCost += cost;
        }
        fees += Collateral.feeReserve(p.market.fees, price, count);
        long increase = Collateral.required(p.position, bidCount, bidCost, askCount, askCost, fees) - p.reserved;
        return increase <= 0 || p.account.available() >= increase;
    }

    // ---------------------------------------------------------------- fills

    /**
     * Books one side of a trade: fee and balance rounding, cash, position with cost and realized P&amp;L, the
     * order's fill costs and fees, the market's open interest. The caller owns the order's remaining size
     * and the collateral refresh.
     */
    Fill fill(Order o, long price, long count, boolean taker, String tradeId, long nowMs) {
        Position p = o.position;
        Account a = o.account;
        Market m = o.market;
        long delta = o.side.signed(count);
        long oldPos = p.position;
        long newPos = oldPos + delta;
        // Netted cash flow: pay p per YES bought, and $1 per NO contract newly held beyond what the YES sold
        // paid; closing NO (short) releases $1 each. Equals −p·Δ − $1·Δshort.
        long revenue = -Money.notional(price, delta) - Money.contractValue(Math.max(0, -newPos) - Math.max(0, -oldPos));
        long tradeFee = Money.fromMoney(m.fees.tradeFee(taker, price, count));
        FeeRounding.Charge c = FeeRounding.charge(revenue, tradeFee, a.precision.micros(), o.roundingAccumulator);
        o.roundingAccumulator = c.accumulatorAfter();
        a.cash += c.balanceChange();

        applyTrade(p, delta, price);
        long legCost = Collateral.legCost(o.side, price, count);
        p.feesPaid += c.netFee();
        p.volume += count;
        p.traded += legCost;
        p.lastUpdatedMs = nowMs;
        m.openInterest += Math.max(0, newPos) - Math.max(0, oldPos);

        o.filled += count;
        if (taker) {
            o.takerFillCost += legCost;
            o.takerFees += c.netFee();
        } else {
            o.makerFillCost += legCost;
            o.makerFees += c.netFee();
        }
        Fill f = new Fill(tradeId, o.id, o.clientOrderId, a.id, m.ticker, o.side, price, count, taker, c.netFee(),
            c.tradeFee(), c.roundingFee(), c.rebate(), c.balanceChange(), newPos, nowMs, fillSequence++);
        a.fills.add(f);
        return f;
    }

    /**
     * Position, cost and realized P&amp;L for a signed trade at a YES price. Opening adds the own-leg price
     * (p for YES, 1 − p for NO) to cost; closing realizes proceeds (p for YES sold, 1 − p for NO sold) minus
     * the pro-rata cost (floored; the last contract takes what is left, so cost returns to exactly zero).
     */
    static void applyTrade(Position p, long delta, long price) {
        long pos = p.position;
        if (delta > 0) {
            if (pos >= 0) {
                p.cost += Money.notional(price, delta);
            } else {
                long close = Math.min(delta, -pos);
                long removed = proRata(p.cost, close, -pos);
                p.realizedPnl += Money.notional(FixedPoint.PRICE_ONE - price, close) - removed;
                p.cost = p.cost - removed + Money.notional(price, delta - close);
            }
        } else if (delta < 0) {
            long q = -delta;
            if (pos <= 0) {
                p.cost += Money.notional(FixedPoint.PRICE_ONE - price, q);
            } else {
                long close = Math.min(q, pos);
                long removed = proRata(p.cost, close, pos);
                p.realizedPnl += Money.notional(price, close) - removed;
                p.cost = p.cost - removed + Money.notional(FixedPoint.PRICE_ONE - price, q - close);
            }
        }
        p.position = pos + delta;
    }

    /** floor(cost × part / whole); all of it when part == whole. */
    static long proRata(long cost, long part, long whole) {
        if (part == whole) {
            return cost;
        }
        try {
            return Math.multiplyExact(cost, part) / whole;
        } catch (ArithmeticException overflow) {
            return BigInteger.valueOf(cost).multiply(BigInteger.valueOf(part)).divide(BigInteger.valueOf(whole)).longValueExact();
        }
    }

    // ---------------------------------------------------------------- settlement

    /**
     * Pays out a position at {@code value} ($0.0001 per YES contract; NO holders get 1 − value), floored to
     * the account's precision with the remainder booked as a settlement fee. Returns false for a flat position.
     */
    boolean settle(Position p, long value, long nowMs) {
        long pos = p.position;
        if (pos == 0) {
            return false;
        }
        long raw = pos > 0 ? Money.notional(value, pos) : Money.notional(FixedPoint.PRICE_ONE - value, -pos);
        long payout = FeeRounding.settlementPayout(raw, p.account.precision.micros());
        p.account.cash += payout;
        p.realizedPnl += raw - p.cost;
        p.feesPaid += raw - payout;
        p.cost = 0;
        p.position = 0;
        p.lastUpdatedMs = nowMs;
        p.market.openInterest -= Math.max(0, pos);
        refresh(p);
        return true;
    }
}

package io.kengine.sim.exchange;

import io.kengine.protocol.units.FixedPoint;

/**
 * The collateral an account holds for its resting orders in one market, in micros: the most cash it could
 * need if every resting order filled, given that closing a position pays out.
 *
 * <ul>
 *   <li>Bids (buy YES at p) cost p each; each one that closes a NO position (short) releases $1 of the
 *       pair, so need = max(0, Σ p·q − $1 · min(short, Σ q)).</li>
 *   <li>Asks (buy NO at 1 − p) cost 1 − p each; each one that closes a YES position releases $1:
 *       need = max(0, Σ (1 − p)·q − $1 · min(long, Σ q)).</li>
 *   <li>Plus a fee reserve: the taker trade fee at each order's limit for its remaining count (a resting
 *       order can become a taker again after an amend).</li>
 * </ul>
 * Filling at a better price or only in part never needs more (the need is linear in filled quantity minus
 * a concave payout), so the full-fill figure bounds every outcome except rounding fees, which Kalshi
 * caps at about $0.01 per order through its accumulator and which are not reserved. How Kalshi itself
 * reserves (and whether resting orders reduce the reported balance) is UNCONFIRMED.
 */
final class Collateral {
    private Collateral() {
    }

    static long required(long position, long bidCount, long bidCost, long askCount, long askCost, long feeReserve) {
        long shortCount = Math.max(0, -position);
        long longCount = Math.max(0, position);
        long bidNeed = Math.max(0, bidCost - Money.contractValue(Math.min(shortCount, bidCount)));
        long askNeed = Math.max(0, askCost - Money.contractValue(Math.min(longCount, askCount)));
        return bidNeed + askNeed + feeReserve;
    }

    /** What {@code count} costs on its own leg: p for a bid, 1 − p for an ask (micros). */
    static long legCost(Side side, long price, long count) {
        return Money.notional(side == Side.BID ? price : FixedPoint.PRICE_ONE - price, count);
    }

    static long feeReserve(FeeSchedule fees, long price, long count) {
        return Money.fromMoney(fees.takerFee(price, count));
    }
}

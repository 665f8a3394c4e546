package io.kengine.sim.exchange;

/**
 * An immutable copy of an order as a client may see it (Kalshi's Order / {@code user_order} fields).
 * Prices in $0.0001 (YES leg), counts in 0.01 contracts, money in micro-dollars (see {@link Money}), times in
 * Unix ms. Fill costs are in the order's own leg: a bid pays the YES price, an ask the NO price (1 − YES price).
 * Fees are net fees (trade fee + rounding fee − rebate). {@code sequence} is the creation sequence, the
 * basis of the stable ordering and of {@code orders} cursors.
 */
public record OrderState(String orderId, String accountId, String clientOrderId, String ticker, Side side, long price,
                         OrderStatus status, long initialCount, long fillCount, long remainingCount,
                         long takerFillCostMicros, long makerFillCostMicros, long takerFeesMicros, long makerFeesMicros,
                         TimeInForce timeInForce, SelfTradePrevention selfTradePrevention, boolean postOnly,
                         boolean reduceOnly, boolean cancelOnPause, String orderGroupId, long expirationTimeSeconds,
                         long createdMs, long lastUpdateMs, UpdateReason lastUpdateReason, long sequence) {

    /** Kalshi's {@code outcome_side}: a bid buys YES, an ask buys NO. */
    public Ladder outcomeSide() {
        return Ladder.of(side);
    }

    /** Price of the NO leg ({@code no_price_dollars}). */
    public long noPrice() {
        return io.kengine.protocol.units.FixedPoint.PRICE_ONE - price;
    }
}

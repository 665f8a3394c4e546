package io.kengine.sim.exchange;

/** The exchange's own mutable order; never handed out (clients get {@link OrderState} copies). */
final class Order {
    final String id;
    final long sequence;
    final Account account;
    final Market market;
    final Position position;
    final Side side;
    final TimeInForce timeInForce;
    final SelfTradePrevention stp;
    final boolean postOnly;
    final boolean reduceOnly;
    final boolean cancelOnPause;
    final String orderGroupId;
    final long expirationTimeSeconds;
    final long createdMs;
    final long initialCount;

    String clientOrderId;
    long price;
    long remaining;
    long filled;
    OrderStatus status = OrderStatus.RESTING;
    UpdateReason lastReason = UpdateReason.PLACED;
    long lastUpdateMs;
    /** Time priority: re-drawn when the order loses its place (price change, size increase). */
    long priority;

    long takerFillCost;
    long makerFillCost;
    long takerFees;
    long makerFees;
    /** Kalshi's per-order rounding accumulator (micros). */
    long roundingAccumulator;
    /** Fee part of the collateral this order holds while resting (micros). */
    long feeReserve;
    /** True while the order sits in a book level. */
    boolean inBook;

    PriceLevel level;
    Order prevInLevel;
    Order nextInLevel;

    Order(String id, long sequence, Account account, Market market, Position position, OrderRequest req, long count, long nowMs) {
        this.id = id;
        this.sequence = sequence;
        this.account = account;
        this.market = market;
        this.position = position;
        this.side = req.side();
        this.timeInForce = req.timeInForce();
        this.stp = req.selfTradePrevention();
        this.postOnly = req.postOnly();
        this.reduceOnly = req.reduceOnly();
        this.cancelOnPause = req.cancelOnPause();
        this.orderGroupId = req.orderGroupId();
        this.expirationTimeSeconds = req.expirationTimeSeconds();
        this.createdMs = nowMs;
        this.lastUpdateMs = nowMs;
        this.initialCount = count;
        this.clientOrderId = req.clientOrderId();
        this.price = req.price();
        this.remaining = count;
    }

    boolean isLive() {
        return status == OrderStatus.RESTING;
    }

    boolean hasExpiration() {
        return expirationTimeSeconds != OrderRequest.NO_EXPIRATION;
    }

    long expirationMs() {
        return expirationTimeSeconds * 1000L;
    }

    OrderState snapshot() {
        return new OrderState(id, account.id, clientOrderId, market.ticker, side, price, status, initialCount, filled, remaining,
            takerFillCost, makerFillCost, takerFees, makerFees, timeInForce, stp, postOnly, reduceOnly, cancelOnPause,
            orderGroupId, expirationTimeSeconds, createdMs, lastUpdateMs, lastReason, sequence);
    }

    @Override
    public String toString() {
        return "Order[" + id + " " + account.id + " " + side + " " + price + " rem " + remaining + " " + status + "]";
    }
}

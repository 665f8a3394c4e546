package io.kengine.sim.exchange;

import io.kengine.protocol.units.FixedPoint;

/**
 * Price-time matching of one incoming order against its market's book, and every change to a resting
 * order (rest, pull, shrink, cancel) with its collateral and its book delta. Trades execute at the resting
 * order's price. Self-trade prevention follows the incoming order's type.
 */
final class MatchingEngine {
    private final Ledger ledger;
    private final ExchangeListener listener;
    private final IdGenerator tradeIds;

    // Totals of the fills of the incoming order since the last resetCallTotals (for the REST reply).
    long callFillCount;
    long callFillNotional;
    long callFees;

    MatchingEngine(Ledger ledger, ExchangeListener listener, IdGenerator tradeIds) {
        this.ledger = ledger;
        this.listener = listener;
        this.tradeIds = tradeIds;
    }

    void resetCallTotals() {
        callFillCount = 0;
        callFillNotional = 0;
        callFees = 0;
    }

    /**
     * Fill-or-kill pre-check: is there enough marketable volume from other accounts? Own orders are not
     * counted, since self-trade prevention never lets the order trade with them (Kalshi: a self-crossing FoK
     * behaves like IoC and keeps partial fills; counting only others' volume is our reading, UNCONFIRMED).
     */
    boolean fillOrKillFillable(Order taker) {
        OrderBook book = taker.market.book;
        Side opp = taker.side.opposite();
        long need = taker.remaining;
        for (long p = book.best(opp); p != OrderBook.NONE && OrderBook.marketable(taker.side, taker.price, p); p = book.nextLevel(opp, p)) {
            for (Order o = book.level(opp, p).head; o != null; o = o.nextInLevel) {
                if (o.account != taker.account) {
                    need -= o.remaining;
                    if (need <= 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Matches the (not resting) order against the book until it is filled, the book stops being marketable, or
     * self-trade prevention cancels it ({@code taker_at_cross}: status canceled, remaining zero).
     */
    void match(Order taker, long nowMs) {
        OrderBook book = taker.market.book;
        Side opp = taker.side.opposite();
        while (taker.remaining > 0) {
            long best = book.best(opp);
            if (best == OrderBook.NONE || !OrderBook.marketable(taker.side, taker.price, best)) {
                return;
            }
            Order maker = book.level(opp, best).head;
            if (maker.account == taker.account) {
                if (taker.stp == SelfTradePrevention.TAKER_AT_CROSS) {
                    finish(taker, OrderStatus.CANCELED, UpdateReason.SELF_TRADE_TAKER_CANCELED, nowMs);
                    return;
                }
                cancelResting(maker, UpdateReason.SELF_TRADE_MAKER_CANCELED, nowMs);
                continue;
            }
            execute(taker, maker, best, Math.min(taker.remaining, maker.remaining), nowMs);
        }
    }

    private void execute(Order taker, Order maker, long price, long count, long nowMs) {
        Market m = taker.market;
        String tradeId = tradeIds.next();
        ledger.unreserve(maker);
        m.book.shrink(maker, count);
        boolean makerDone = maker.remaining == 0;
        if (makerDone) {
            m.book.unlink(maker);
            maker.status = OrderStatus.EXECUTED;
        } else {
            ledger.reserve(maker);
        }
        maker.lastReason = UpdateReason.FILLED;
        maker.lastUpdateMs = nowMs;
        taker.remaining -= count;
        taker.lastUpdateMs = nowMs;
        Fill makerFill = ledger.fill(maker, price, count, false, tradeId, nowMs);
        Fill takerFill = ledger.fill(taker, price, count, true, tradeId, nowMs);
        ledger.refresh(maker.position);
        ledger.refresh(taker.position);

        m.lastPrice = price;
        m.lastTradeSize = count;
        m.volume += count;
        callFillCount += count;
        callFillNotional += Money.notional(price, count);
        callFees += takerFill.feeMicros();

        listener.onTrade(new Trade(tradeId, m.ticker, price, count, taker.side, nowMs));
        delta(maker, taker, price, -count, UpdateReason.FILLED, nowMs);
        listener.onFill(makerFill);
        listener.onFill(takerFill);
        listener.onOrderUpdate(maker.snapshot());
        listener.onPositionChange(maker.position.snapshot());
        listener.onPositionChange(taker.position.snapshot());
    }

    /** Puts a live order at the tail of its level, reserves its collateral, publishes the delta. */
    void rest(Order o, UpdateReason reason, long nowMs) {
        ledger.reserve(o);
        o.market.book.append(o);
        ledger.refresh(o.position);
        delta(o, o.price, o.remaining, reason, nowMs);
    }

    /** Takes a resting order out of the book (to re-price or re-queue it), releasing its collateral. */
    void pull(Order o, UpdateReason reason, long nowMs) {
        ledger.unreserve(o);
        o.market.book.unlink(o);
        ledger.refresh(o.position);
        delta(o, o.price, -o.remaining, reason, nowMs);
    }

    /** Lowers a resting order in place, keeping its queue position; to zero it cancels. */
    void shrinkResting(Order o, long by, UpdateReason reason, long nowMs) {
        if (by >= o.remaining) {
            cancelResting(o, reason, nowMs);
            return;
        }
        ledger.unreserve(o);
        o.market.book.shrink(o, by);
        ledger.reserve(o);
        ledger.refresh(o.position);
        o.lastReason = reason;
        o.lastUpdateMs = nowMs;
        delta(o, o.price, -by, reason, nowMs);
    }

    /** Cancels a resting order: out of the book, remaining to zero, collateral released; publishes delta and update. */
    long cancelResting(Order o, UpdateReason reason, long nowMs) {
        long reduced = o.remaining;
        pull(o, reason, nowMs);
        finish(o, OrderStatus.CANCELED, reason, nowMs);
        listener.onOrderUpdate(o.snapshot());
        return reduced;
    }

    /** Ends a live order that is not in the book (no delta, no update published here). */
    static void finish(Order o, OrderStatus status, UpdateReason reason, long nowMs) {
        o.remaining = 0;
        o.status = status;
        o.lastReason = reason;
        o.lastUpdateMs = nowMs;
    }

    void delta(Order o, long yesPrice, long delta, UpdateReason reason, long nowMs) {
        delta(o, null, yesPrice, delta, reason, nowMs);
    }

    /** A resting order's level changed; a trade's delta names its taker too (who Kalshi tags it for is unconfirmed). */
    private void delta(Order o, Order taker, long yesPrice, long delta, UpdateReason reason, long nowMs) {
        Market m = o.market;
        long ladderPrice = o.side == Side.BID ? yesPrice : FixedPoint.PRICE_ONE - yesPrice;
        listener.onBookDelta(new BookDelta(m.ticker, Ladder.of(o.side), ladderPrice, yesPrice, delta,
            m.book.levelSize(o.side, yesPrice), o.account.id, o.id, o.clientOrderId, reason, nowMs,
            taker == null ? null : taker.account.id, taker == null ? null : taker.clientOrderId));
    }
}

package io.kengine.sim.exchange;

import io.kengine.protocol.units.FixedPoint;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The obviously-correct, slow reference for {@link Exchange}: every order in one list, the book is "the
 * resting ones", the best maker is found by scanning and sorting, collateral is recomputed from scratch on
 * every check, and the cash flow of a fill is split into its closing and opening parts instead of the
 * netted formula. Only the pure fee formula ({@link FeeSchedule}) and the rounding steps ({@link FeeRounding}),
 * both pinned to Kalshi's examples by their own tests, and the id generator are shared.
 */
final class NaiveExchange {
    private static final long ONE = FixedPoint.PRICE_ONE;

    static final class NOrder {
        String id;
        long seq;
        long priority;
        String account;
        NMarket market;
        Side side;
        long price;
        long initial;
        long filled;
        long remaining;
        OrderStatus status = OrderStatus.RESTING;
        UpdateReason reason = UpdateReason.PLACED;
        private boolean resting;
        long created;
        long updated;
        OrderRequest req;
        String cid;
        long takerCost;
        long makerCost;
        long takerFees;
        long makerFees;
        long acc;

        OrderState state() {
            return new OrderState(id, account, cid, market.ticker, side, price, status, initial, filled, remaining, takerCost,
                makerCost, takerFees, makerFees, req.timeInForce(), req.selfTradePrevention(), req.postOnly(), req.reduceOnly(),
                req.cancelOnPause(), req.orderGroupId(), req.expirationTimeSeconds(), created, updated, reason, seq);
        }
    }

    static final class NMarket {
        String ticker;
        MarketSpec spec;
        MarketStatus status = MarketStatus.OPEN;
        long close;
        long value;
    }

    static final class NPos {
        long pos;
        long cost;
        long realized;
        long fees;
        long volume;
        long traded;
        long updated;
    }

    static final class NAccount {
        String id;
        AccountPrecision precision;
        long cash;
        final TreeMap<String, NPos> positions = new TreeMap<>();
        final Set<String> cids = new HashSet<>();
    }

    final List<NOrder> orders = new ArrayList<>();
    /** The book: every resting order, in no particular order. */
    private final List<NOrder> book = new ArrayList<>();
    final Map<String, NOrder> byId = new HashMap<>();
    final TreeMap<String, NMarket> markets = new TreeMap<>();
    final TreeMap<String, NAccount> accounts = new TreeMap<>();
    private final IdGenerator orderIds;
    private final IdGenerator tradeIds;
    long now = Long.MIN_VALUE;
    private long orderSeq;
    private long prioritySeq;
    private long fillSeq;
    /** Fills and trades of the current call; orders whose state changed in it. */
    final List<Fill> fills = new ArrayList<>();
    final List<Trade> trades = new ArrayList<>();
    final Set<String> touched = new LinkedHashSet<>();
    // per-call totals for the REST reply
    private long callCount;
    private long callNotional;
    private long callFees;

    NaiveExchange(long seed) {
        orderIds = new IdGenerator(seed, "order");
        tradeIds = new IdGenerator(seed, "trade");
    }

    void addOpenMarket(MarketSpec spec) {
        NMarket m = new NMarket();
        m.ticker = spec.ticker();
        m.spec = spec;
        m.close = spec.closeTimeMs();
        markets.put(m.ticker, m);
    }

    void openAccount(String id, AccountPrecision p, long depositMoney) {
        NAccount a = new NAccount();
        a.id = id;
        a.precision = p;
        a.cash = depositMoney * Money.MICROS_PER_MONEY_UNIT;
        accounts.put(id, a);
    }

    void beginCall() {
        fills.clear();
        trades.clear();
        touched.clear();
        callCount = 0;
        callNotional = 0;
        callFees = 0;
    }

    // ---------------------------------------------------------------- time

    void advance(long t) {
        now = Math.max(now, t);
        List<NOrder> expired = new ArrayList<>();
        for (NOrder o : book) {
            if (o.resting && o.req.hasExpiration() && o.req.expirationTimeSeconds() * 1000 <= now) {
                expired.add(o);
            }
        }
        for (NOrder o : expired) {
            cancel(o, UpdateReason.EXPIRED);
        }
        for (NMarket m : markets.values()) {
            if ((m.status == MarketStatus.OPEN || m.status == MarketStatus.PAUSED) && m.close <= now) {
                m.status = MarketStatus.CLOSED;
                for (NOrder o : new ArrayList<>(book)) {
                    if (o.resting && o.market == m) {
                        cancel(o, UpdateReason.MARKET_CLOSED);
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- orders

    OrderResult create(String account, OrderRequest req, long t) {
        beginCall();
        advance(t);
        NAccount a = accounts.get(account);
        NMarket m = markets.get(req.ticker());
        if (m == null) {
            return OrderResult.rejected(ExchangeError.MARKET_NOT_FOUND, now);
        }
        ExchangeError e = m.status != MarketStatus.OPEN ? ExchangeError.MARKET_INACTIVE : null;
        if (e == null) {
            boolean immediate = req.timeInForce() != TimeInForce.GOOD_TILL_CANCELED;
            if (req.hasExpiration() && immediate) {
                e = ExchangeError.EXPIRATION_WITH_IMMEDIATE_TIF;
            } else if (req.postOnly() && immediate) {
                e = ExchangeError.POST_ONLY_NOT_GTC;
            } else if (req.hasExpiration() && req.expirationTimeSeconds() * 1000 <= now) {
                e = ExchangeError.EXPIRATION_IN_PAST;
            } else if (req.count() < 1 || req.count() > FixedPoint.MAX_COUNT) {
                e = ExchangeError.INVALID_ORDER_SIZE;
            } else {
                e = priceError(m, req.price());
            }
        }
        if (e == null && req.clientOrderId() != null && a.cids.contains(req.clientOrderId())) {
            e = ExchangeError.ORDER_ALREADY_EXISTS;
        }
        if (e != null) {
            return OrderResult.rejected(e, now);
        }
        NPos p = pos(a, m);
        long count = req.count();
        if (req.reduceOnly()) {
            long reducible = req.side() == Side.BID ? Math.max(0, -p.pos) : Math.max(0, p.pos);
            if (reducible == 0) {
                return OrderResult.rejected(ExchangeError.REDUCE_ONLY_WOULD_INCREASE, now);
            }
            count = Math.min(count, reducible);
        }
        if (!affordable(a, m, req.side(), req.price(), count, null)) {
            return OrderResult.rejected(ExchangeError.AVAILABLE_BALANCE_TOO_LOW, now);
        }
        if (req.postOnly() && !opposite(m, req.side(), req.price(), null).isEmpty()) {
            return OrderResult.rejected(ExchangeError.POST_ONLY_CROSS, now);
        }
        NOrder o = new NOrder();
        o.id = orderIds.next();
        o.seq = orderSeq++;
        o.priority = prioritySeq++;
        o.account = account;
        o.market = m;
        o.side = req.side();
        o.price = req.price();
        o.initial = count;
        o.remaining = count;
        o.created = now;
        o.updated = now;
        o.req = req;
        o.cid = req.clientOrderId();
        orders.add(o);
        byId.put(o.id, o);
        if (o.cid != null) {
            a.cids.add(o.cid);
        }
        touched.add(o.id);
        if (req.timeInForce() == TimeInForce.FILL_OR_KILL) {
            long others = 0;
            for (NOrder x : opposite(m, o.side, o.price, null)) {
                if (!x.account.equals(account)) {
                    others += x.remaining;
                }
            }
            if (others < o.remaining) {
                end(o, OrderStatus.CANCELED, UpdateReason.FOK_INSUFFICIENT_VOLUME);
                return result(o);
            }
        }
        match(o);
        afterMatch(o, UpdateReason.PLACED);
        return result(o);
    }

    OrderResult amend(String account, String orderId, AmendRequest req, long t) {
        beginCall();
        advance(t);
        NAccount a = accounts.get(account);
        NOrder o = own(account, orderId);
        if (o == null) {
            return OrderResult.rejected(ExchangeError.ORDER_NOT_FOUND, now);
        }
        NMarket m = o.market;
        ExchangeError e = null;
        if (m.status != MarketStatus.OPEN) {
            e = ExchangeError.MARKET_INACTIVE;
        } else if (!req.ticker().equals(m.ticker)) {
            e = ExchangeError.ORDER_TICKER_MISMATCH;
        } else if (req.side() != o.side) {
            e = ExchangeError.ORDER_SIDE_MISMATCH;
        } else if (req.clientOrderId() != null && !req.clientOrderId().equals(o.cid)) {
            e = ExchangeError.ORDER_ID_AND_CLIENT_ORDER_ID_MISMATCH;
        } else if (!o.resting) {
            e = ExchangeError.ORDER_NOT_RESTING;
        } else if (priceError(m, req.price()) != null) {
            e = priceError(m, req.price());
        } else if (req.count() < 1 || req.count() > FixedPoint.MAX_COUNT) {
            e = ExchangeError.INVALID_ORDER_SIZE;
        } else if (req.count() - o.filled < 1) {
            e = ExchangeError.AMEND_COUNT_NOT_ABOVE_FILLED;
        } else if (req.updatedClientOrderId() != null && !req.updatedClientOrderId().equals(o.cid)
            && a.cids.contains(req.updatedClientOrderId())) {
            e = ExchangeError.ORDER_ALREADY_EXISTS;
        }
        if (e != null) {
            return OrderResult.rejected(e, now);
        }
        long newRemaining = req.count() - o.filled;
        if (!affordable(a, m, o.side, req.price(), newRemaining, o)) {
            return OrderResult.rejected(ExchangeError.AVAILABLE_BALANCE_TOO_LOW, now);
        }
        if (o.req.postOnly() && !opposite(m, o.side, req.price(), null).isEmpty()) {
            return OrderResult.rejected(ExchangeError.POST_ONLY_CROSS, now);
        }
        boolean changed = false;
        if (req.updatedClientOrderId() != null && !req.updatedClientOrderId().equals(o.cid)) {
            o.cid = req.updatedClientOrderId();
            a.cids.add(o.cid);
            changed = true;
        }
        if (req.price() != o.price || newRemaining > o.remaining) {
            setResting(o, false);
            o.price = req.price();
            o.remaining = newRemaining;
            o.priority = prioritySeq++;
            match(o);
            afterMatch(o, UpdateReason.AMENDED);
            changed = true;
        } else if (newRemaining < o.remaining) {
            o.remaining = newRemaining;
            changed = true;
        }
        if (changed) {
            if (o.status == OrderStatus.RESTING) {
                o.reason = UpdateReason.AMENDED;
            }
            o.updated = now;
            touched.add(o.id);
        }
        return result(o);
    }

    ReduceResult decrease(String account, String orderId, DecreaseRequest req, long t) {
        beginCall();
        advance(t);
        NOrder o = own(account, orderId);
        if (o == null) {
            return ReduceResult.rejected(ExchangeError.ORDER_NOT_FOUND, now);
        }
        if (o.market.status.isPastClose()) {
            return ReduceResult.rejected(ExchangeError.MARKET_INACTIVE, now);
        }
        boolean by = req.reduceBy() != DecreaseRequest.ABSENT;
        boolean to = req.reduceTo() != DecreaseRequest.ABSENT;
        if (by == to || (by && req.reduceBy() < 1) || (to && req.reduceTo() < 0)) {
            return ReduceResult.rejected(ExchangeError.DECREASE_ONE_OF, now);
        }
        if (!o.resting) {
            return new ReduceResult(null, o.state(), 0, now);
        }
        long target = by ? Math.max(0, o.remaining - req.reduceBy()) : Math.min(o.remaining, req.reduceTo());
        long reduce = o.remaining - target;
        if (reduce == 0) {
            return new ReduceResult(null, o.state(), 0, now);
        }
        if (target == 0) {
            cancel(o, UpdateReason.CANCELED);
        } else {
            o.remaining = target;
            o.reason = UpdateReason.DECREASED;
            o.updated = now;
            touched.add(o.id);
        }
        return new ReduceResult(null, o.state(), reduce, now);
    }

    ReduceResult cancel(String account, String orderId, long t) {
        beginCall();
        advance(t);
        NOrder o = own(account, orderId);
        if (o == null) {
            return ReduceResult.rejected(ExchangeError.ORDER_NOT_FOUND, now);
        }
        if (o.market.status.isPastClose()) {
            return ReduceResult.rejected(ExchangeError.MARKET_INACTIVE, now);
        }
        long reduced = o.resting ? o.remaining : 0;
        if (o.resting) {
            cancel(o, UpdateReason.CANCELED);
        }
        return new ReduceResult(null, o.state(), reduced, now);
    }

    void pause(String ticker, long t) {
        beginCall();
        advance(t);
        NMarket m = markets.get(ticker);
        m.status = MarketStatus.PAUSED;
        for (NOrder o : new ArrayList<>(book)) {
            if (o.resting && o.market == m && o.req.cancelOnPause()) {
                cancel(o, UpdateReason.PAUSED);
            }
        }
    }

    void resume(String ticker, long t) {
        beginCall();
        advance(t);
        NMarket m = markets.get(ticker);
        for (NOrder o : new ArrayList<>(book)) {
            if (o.resting && o.market == m) {
                cancel(o, UpdateReason.MARKET_REACTIVATED);
            }
        }
        m.status = MarketStatus.OPEN;
    }

    void determineAndSettle(String ticker, long value, long t) {
        beginCall();
        advance(t);
        NMarket m = markets.get(ticker);
        for (NAccount a : accounts.values()) {
            NPos p = a.positions.get(ticker);
            if (p == null || p.pos == 0) {
                continue;
            }
            long raw = p.pos > 0 ? value * p.pos : (ONE - value) * -p.pos;
            long payout = Math.floorDiv(raw, a.precision.micros()) * a.precision.micros();
            a.cash += payout;
            p.realized += raw - p.cost;
            p.fees += raw - payout;
            p.cost = 0;
            p.pos = 0;
            p.updated = now;
        }
        m.status = MarketStatus.SETTLED;
    }

    // ---------------------------------------------------------------- matching

    /** Resting orders on the side opposite {@code side} that a {@code side} order at {@code limit} would hit, best first. */
    private List<NOrder> opposite(NMarket m, Side side, long limit, NOrder exclude) {
        List<NOrder> out = new ArrayList<>();
        for (NOrder x : book) {
            if (x.resting && x != exclude && x.market == m && x.side != side
                && (side == Side.BID ? x.price <= limit : x.price >= limit)) {
                out.add(x);
            }
        }
        Comparator<NOrder> byPrice = side == Side.BID ? Comparator.comparingLong(x -> x.price)
            : Comparator.comparingLong((NOrder x) -> x.price).reversed();
        out.sort(byPrice.thenComparingLong(x -> x.priority));
        return out;
    }

    private void match(NOrder taker) {
        while (taker.remaining > 0) {
            List<NOrder> hits = opposite(taker.market, taker.side, taker.price, taker);
            if (hits.isEmpty()) {
                return;
            }
            NOrder maker = hits.get(0);
            if (maker.account.equals(taker.account)) {
                if (taker.req.selfTradePrevention() == SelfTradePrevention.TAKER_AT_CROSS) {
                    end(taker, OrderStatus.CANCELED, UpdateReason.SELF_TRADE_TAKER_CANCELED);
                    return;
                }
                cancel(maker, UpdateReason.SELF_TRADE_MAKER_CANCELED);
                continue;
            }
            long q = Math.min(taker.remaining, maker.remaining);
            long price = maker.price;
            String tradeId = tradeIds.next();
            maker.remaining -= q;
            if (maker.remaining == 0) {
                setResting(maker, false);
                maker.status = OrderStatus.EXECUTED;
            }
            maker.reason = UpdateReason.FILLED;
            maker.updated = now;
            taker.remaining -= q;
            taker.updated = now;
            touched.add(maker.id);
            Fill mf = fill(maker, price, q, false, tradeId);
            Fill tf = fill(taker, price, q, true, tradeId);
            fills.add(mf);
            fills.add(tf);
            trades.add(new Trade(tradeId, taker.market.ticker, price, q, taker.side, now));
            callCount += q;
            callNotional += price * q;
            callFees += tf.feeMicros();
        }
    }

    private Fill fill(NOrder o, long price, long q, boolean taker, String tradeId) {
        NAccount a = accounts.get(o.account);
        NPos p = pos(a, o.market);
        long oldPos = p.pos;
        // Closing first: a bid closes NO (sells it at 1 - price), an ask closes YES (sells it at price).
        long closable = o.side == Side.BID ? Math.max(0, -oldPos) : Math.max(0, oldPos);
        long close = Math.min(q, closable);
        long open = q - close;
        long closePrice = o.side == Side.BID ? ONE - price : price;
        long openPrice = o.side == Side.BID ? price : ONE - price;
        long revenue = close * closePrice - open * openPrice;
        long tradeFee = o.market.spec.fees().tradeFee(taker, price, q) * Money.MICROS_PER_MONEY_UNIT;
        FeeRounding.Charge c = FeeRounding.charge(revenue, tradeFee, a.precision.micros(), o.acc);
        o.acc = c.accumulatorAfter();
        a.cash += c.balanceChange();
        if (close > 0) {
            long removed = close == closable ? p.cost
                : BigInteger.valueOf(p.cost).multiply(BigInteger.valueOf(close)).divide(BigInteger.valueOf(closable)).longValueExact();
            p.realized += close * closePrice - removed;
            p.cost -= removed;
        }
        p.cost += open * openPrice;
        p.pos = oldPos + (o.side == Side.BID ? q : -q);
        p.fees += c.netFee();
        p.volume += q;
        p.traded += q * openPrice;
        p.updated = now;
        o.filled += q;
        if (taker) {
            o.takerCost += q * openPrice;
            o.takerFees += c.netFee();
        } else {
            o.makerCost += q * openPrice;
            o.makerFees += c.netFee();
        }
        return new Fill(tradeId, o.id, o.cid, a.id, o.market.ticker, o.side, price, q, taker, c.netFee(), c.tradeFee(),
            c.roundingFee(), c.rebate(), c.balanceChange(), p.pos, now, fillSeq++);
    }

    private void afterMatch(NOrder o, UpdateReason restReason) {
        if (o.status != OrderStatus.RESTING) {
            return;
        }
        if (o.remaining == 0) {
            o.status = OrderStatus.EXECUTED;
            o.reason = UpdateReason.FILLED;
        } else if (o.req.timeInForce() != TimeInForce.GOOD_TILL_CANCELED) {
            end(o, OrderStatus.CANCELED, UpdateReason.IOC_REMAINDER_CANCELED);
        } else {
            o.reason = o.filled > 0 && restReason == UpdateReason.PLACED ? UpdateReason.FILLED : restReason;
            setResting(o, true);
        }
        touched.add(o.id);
    }

    private void cancel(NOrder o, UpdateReason reason) {
        setResting(o, false);
        end(o, OrderStatus.CANCELED, reason);
    }

    private void end(NOrder o, OrderStatus s, UpdateReason reason) {
        o.remaining = 0;
        o.status = s;
        o.reason = reason;
        o.updated = now;
        touched.add(o.id);
    }

    private OrderResult result(NOrder o) {
        return new OrderResult(null, o.state(), callCount, callNotional, callFees, now);
    }

    // ---------------------------------------------------------------- money

    /** Collateral of one account, recomputed from its position and resting orders in every market. */
    long reserved(String account) {
        NAccount a = accounts.get(account);
        long total = 0;
        for (NMarket m : markets.values()) {
            total += required(a, m, null, null, 0, 0, 0);
        }
        return total;
    }

    /**
     * Collateral in one market; {@code without} is left out and, when {@code side} is given, an extra order is
     * counted as if resting.
     */
    private long required(NAccount a, NMarket m, NOrder without, Side side, long price, long count, int unused) {
        long bidCount = 0;
        long bidCost = 0;
        long askCount = 0;
        long askCost = 0;
        long fees = 0;
        List<long[]> items = new ArrayList<>(); // {side 0/1, price, count}
        for (NOrder o : book) {
            if (o.resting && o != without && o.market == m && o.account.equals(a.id)) {
                items.add(new long[] {o.side == Side.BID ? 0 : 1, o.price, o.remaining});
            }
        }
        if (side != null) {
            items.add(new long[] {side == Side.BID ? 0 : 1, price, count});
        }
        for (long[] it : items) {
            fees += m.spec.fees().takerFee(it[1], it[2]) * Money.MICROS_PER_MONEY_UNIT;
            if (it[0] == 0) {
                bidCount += it[2];
                bidCost += it[1] * it[2];
            } else {
                askCount += it[2];
                askCost += (ONE - it[1]) * it[2];
            }
        }
        NPos p = a.positions.get(m.ticker);
        long position = p == null ? 0 : p.pos;
        long bidNeed = bidCost - ONE * Math.min(Math.max(0, -position), bidCount);
        long askNeed = askCost - ONE * Math.min(Math.max(0, position), askCount);
        return Math.max(0, bidNeed) + Math.max(0, askNeed) + fees;
    }

    private boolean affordable(NAccount a, NMarket m, Side side, long price, long count, NOrder replacing) {
        long before = required(a, m, null, null, 0, 0, 0);
        long after = required(a, m, replacing, side, price, count, 0);
        long increase = after - before;
        return increase <= 0 || a.cash - reserved(a.id) >= increase;
    }

    // ---------------------------------------------------------------- helpers

    private void setResting(NOrder o, boolean resting) {
        if (resting && !o.resting) {
            book.add(o);
        } else if (!resting && o.resting) {
            book.remove(o);
        }
        o.resting = resting;
    }

    private static ExchangeError priceError(NMarket m, long price) {
        if (price <= 0 || price >= ONE) {
            return ExchangeError.PRICE_OUT_OF_RANGE;
        }
        return m.spec.grid().isOnGrid(price) ? null : ExchangeError.PRICE_NOT_ON_GRID;
    }

    private NPos pos(NAccount a, NMarket m) {
        return a.positions.computeIfAbsent(m.ticker, k -> new NPos());
    }

    private NOrder own(String account, String orderId) {
        NOrder o = byId.get(orderId);
        return o == null || !o.account.equals(account) ? null : o;
    }

    /** Resting order ids per "ticker/side/price", each in time priority. */
    Map<String, List<String>> queues() {
        Map<String, List<NOrder>> levels = new TreeMap<>();
        for (NOrder o : book) {
            if (o.resting) {
                levels.computeIfAbsent(o.market.ticker + "/" + o.side + "/" + o.price, k -> new ArrayList<>()).add(o);
            }
        }
        Map<String, List<String>> out = new TreeMap<>();
        for (Map.Entry<String, List<NOrder>> e : levels.entrySet()) {
            List<NOrder> l = e.getValue();
            l.sort(Comparator.comparingLong(x -> x.priority));
            List<String> ids = new ArrayList<>();
            for (NOrder o : l) {
                ids.add(o.id);
            }
            out.put(e.getKey(), ids);
        }
        return out;
    }

    List<NOrder> resting() {
        return new ArrayList<>(book);
    }

    PositionState position(String account, String ticker) {
        NPos p = accounts.get(account).positions.get(ticker);
        return p == null ? null : new PositionState(account, ticker, p.pos, p.cost, p.realized, p.fees, p.volume, p.traded, p.updated);
    }
}

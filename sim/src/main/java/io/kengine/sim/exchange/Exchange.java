package io.kengine.sim.exchange;

import io.kengine.protocol.units.FixedPoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The simulator's exchange core: markets, accounts, order entry with Kalshi V2 semantics, matching, fees,
 * lifecycle and settlement. Pure, in-memory, single-threaded and deterministic: no I/O, no clock (every call
 * takes {@code nowMs}; time never runs backwards — an earlier value counts as the latest seen), ids from a
 * seed, iteration only in fixed orders. Everything a client could observe is pushed to the
 * {@link ExchangeListener} from inside the call.
 *
 * <p>Order calls return errors as values ({@link OrderResult#error()}, {@link ReduceResult#error()}), so a
 * batch can report one per item. Misuse by the caller (unknown account, invalid lifecycle transition,
 * malformed cursor) throws {@link IllegalArgumentException} / {@link IllegalStateException}.
 *
 * <p>Units: prices $0.0001 (YES leg), counts 0.01 contracts, account money in micro-dollars ({@link Money}).
 */
public final class Exchange {
    private static final Comparator<Order> BY_EXPIRATION =
        Comparator.comparingLong(Order::expirationMs).thenComparingLong(o -> o.sequence);

    private final ExchangeListener listener;
    private final IdGenerator orderIds;
    private final Ledger ledger = new Ledger();
    private final MatchingEngine engine;
    private final TreeMap<String, Market> markets = new TreeMap<>();
    private final TreeMap<String, Account> accounts = new TreeMap<>();
    private final Map<String, Order> ordersById = new HashMap<>();
    private final PriorityQueue<Order> expiries = new PriorityQueue<>(BY_EXPIRATION);

    private long nowMs = Long.MIN_VALUE;
    private long orderSequence;
    private long priorityCounter;
    private long nextMarketEventMs = Long.MAX_VALUE;
    private boolean tradingPaused;
    private boolean exchangePaused;

    /** @param seed decides every order and trade id */
    public Exchange(long seed, ExchangeListener listener) {
        this.listener = listener == null ? ExchangeListener.NONE : listener;
        this.orderIds = new IdGenerator(seed, "order");
        this.engine = new MatchingEngine(ledger, this.listener, new IdGenerator(seed, "trade"));
    }

    // ================================================================ setup

    /** Lists a market (lifecycle {@code created}); it opens at its open time. */
    public MarketState addMarket(MarketSpec spec, long nowMs) {
        advanceTime(nowMs);
        if (markets.containsKey(spec.ticker())) {
            throw new IllegalArgumentException("market " + spec.ticker() + " already exists");
        }
        Market m = new Market(spec);
        markets.put(m.ticker, m);
        listener.onMarketLifecycle(m.lifecycle(LifecycleKind.CREATED, this.nowMs));
        nextMarketEventMs = Long.MIN_VALUE; // let the clock open (or close) it now if due
        advanceTime(this.nowMs);
        return m.snapshot();
    }

    public void openAccount(String accountId, AccountPrecision precision) {
        if (accountId == null || accountId.isEmpty()) {
            throw new IllegalArgumentException("account id must not be empty");
        }
        if (accounts.containsKey(accountId)) {
            throw new IllegalArgumentException("account " + accountId + " already exists");
        }
        accounts.put(accountId, new Account(accountId, precision));
    }

    /** Adds cash, in $0.0001; the amount must sit on the account's precision grid. */
    public void deposit(String accountId, long money) {
        Account a = account(accountId);
        long micros = Money.fromMoney(money);
        if (money < 0 || micros % a.precision.micros() != 0 || micros > Money.fromMoney(FixedPoint.MAX_MONEY) - a.cash) {
            throw new IllegalArgumentException("cannot deposit " + FixedPoint.formatMoney(money) + " into " + accountId
                + " (negative, off its " + a.precision + " grid, or too large)");
        }
        a.cash += micros;
    }

    // ================================================================ clock

    /**
     * Moves time forward: opens markets whose open time passed, expires good-till-time orders, closes markets
     * whose close time passed (canceling their resting orders; every later order call there is refused with
     * market_inactive). Every other call starts with this, so it is only needed to make time pass between calls.
     */
    public void advanceTime(long nowMs) {
        if (nowMs > this.nowMs) {
            this.nowMs = nowMs;
        }
        long now = this.nowMs;
        boolean marketsDue = now >= nextMarketEventMs;
        if (marketsDue) {
            for (Market m : markets.values()) {
                if (m.status == MarketStatus.INITIALIZED && m.openTimeMs <= now) {
                    m.status = MarketStatus.OPEN;
                    listener.onMarketLifecycle(m.lifecycle(LifecycleKind.OPENED, now));
                }
            }
        }
        while (!expiries.isEmpty() && expiries.peek().expirationMs() <= now) {
            Order o = expiries.poll();
            if (o.inBook) {
                engine.cancelResting(o, UpdateReason.EXPIRED, now);
            }
        }
        if (marketsDue) {
            for (Market m : markets.values()) {
                if ((m.status == MarketStatus.OPEN || m.status == MarketStatus.PAUSED) && m.closeTimeMs <= now) {
                    close(m, now);
                }
            }
            recomputeNextMarketEvent();
        }
    }

    public long now() {
        return nowMs;
    }

    private void recomputeNextMarketEvent() {
        long next = Long.MAX_VALUE;
        for (Market m : markets.values()) {
            if (m.status == MarketStatus.INITIALIZED) {
                next = Math.min(next, m.openTimeMs);
            } else if (m.status == MarketStatus.OPEN || m.status == MarketStatus.PAUSED) {
                next = Math.min(next, m.closeTimeMs);
            }
        }
        nextMarketEventMs = next;
    }

    // ================================================================ order entry

    /** {@code POST /portfolio/events/orders}. */
    public OrderResult createOrder(String accountId, OrderRequest req, long nowMs) {
        advanceTime(nowMs);
        long now = this.nowMs;
        Account a = account(accountId);
        Market m = markets.get(req.ticker());
        if (m == null) {
            return OrderResult.rejected(ExchangeError.MARKET_NOT_FOUND, now);
        }
        ExchangeError e = OrderChecks.tradingStateError(m, exchangePaused, tradingPaused);
        if (e == null) {
            e = OrderChecks.requestError(m, req, now);
        }
        if (e == null && req.clientOrderId() != null && a.clientOrderIds.containsKey(req.clientOrderId())) {
            e = ExchangeError.ORDER_ALREADY_EXISTS;
        }
        if (e != null) {
            return OrderResult.rejected(e, now);
        }
        Position p = a.position(m);
        long count = req.count();
        if (req.reduceOnly()) {
            // Capped by the current position only (resting orders are not netted against it).
            long reducible = req.side() == Side.BID ? Math.max(0, -p.position) : Math.max(0, p.position);
            if (reducible == 0) {
                return OrderResult.rejected(ExchangeError.REDUCE_ONLY_WOULD_INCREASE, now);
            }
            count = Math.min(count, reducible);
        }
        if (!ledger.affordable(p, req.side(), req.price(), count, null)) {
            return OrderResult.rejected(ExchangeError.AVAILABLE_BALANCE_TOO_LOW, now);
        }
        if (req.postOnly() && m.book.crosses(req.side(), req.price())) {
            return OrderResult.rejected(ExchangeError.POST_ONLY_CROSS, now);
        }

        Order o = new Order(orderIds.next(), orderSequence++, a, m, p, req, count, now);
        o.priority = priorityCounter++;
        ordersById.put(o.id, o);
        a.orders.add(o);
        if (o.clientOrderId != null) {
            a.clientOrderIds.put(o.clientOrderId, o);
        }
        engine.resetCallTotals();
        if (o.timeInForce == TimeInForce.FILL_OR_KILL && !engine.fillOrKillFillable(o)) {
            MatchingEngine.finish(o, OrderStatus.CANCELED, UpdateReason.FOK_INSUFFICIENT_VOLUME, now);
        } else {
            engine.match(o, now);
            settleIncoming(o, UpdateReason.PLACED, now);
            if (o.inBook && o.hasExpiration()) {
                expiries.add(o); // amends keep the expiration, so each order is queued once
            }
        }
        listener.onOrderUpdate(o.snapshot());
        return new OrderResult(null, o.snapshot(), engine.callFillCount, engine.callFillNotional, engine.callFees, now);
    }

    /** {@code POST /portfolio/events/orders/batched}: each order on its own, in order, with its own result. */
    public List<OrderResult> batchCreate(String accountId, List<OrderRequest> requests, long nowMs) {
        List<OrderResult> out = new ArrayList<>(requests.size());
        for (OrderRequest r : requests) {
            out.add(createOrder(accountId, r, nowMs));
        }
        return out;
    }

    /**
     * {@code POST /portfolio/events/orders/{id}/amend}. A new price or a larger size sends the order to the back
     * of its (new) level; a smaller size at the same price keeps its place (Kalshi's rule is UNCONFIRMED; this
     * is the common exchange rule). A new price that crosses trades first (a post-only order is refused instead).
     */
    public OrderResult amendOrder(String accountId, String orderId, AmendRequest req, long nowMs) {
        advanceTime(nowMs);
        long now = this.nowMs;
        Account a = account(accountId);
        Order o = ownOrder(a, orderId);
        if (o == null) {
            return OrderResult.rejected(ExchangeError.ORDER_NOT_FOUND, now);
        }
        Market m = o.market;
        ExchangeError e = OrderChecks.tradingStateError(m, exchangePaused, tradingPaused);
        if (e == null) {
            e = OrderChecks.amendError(a, o, req);
        }
        if (e != null) {
            return OrderResult.rejected(e, now);
        }
        long newRemaining = req.count() - o.filled;
        if (!ledger.affordable(o.position, o.side, req.price(), newRemaining, o)) {
            return OrderResult.rejected(ExchangeError.AVAILABLE_BALANCE_TOO_LOW, now);
        }
        if (o.postOnly && m.book.crosses(o.side, req.price())) {
            return OrderResult.rejected(ExchangeError.POST_ONLY_CROSS, now);
        }

        engine.resetCallTotals();
        boolean changed = false;
        if (req.updatedClientOrderId() != null && !req.updatedClientOrderId().equals(o.clientOrderId)) {
            o.clientOrderId = req.updatedClientOrderId();
            a.clientOrderIds.put(o.clientOrderId, o);
            changed = true;
        }
        if (req.price() != o.price || newRemaining > o.remaining) {
            engine.pull(o, UpdateReason.AMENDED, now);
            o.price = req.price();
            o.remaining = newRemaining;
            o.priority = priorityCounter++;
            engine.match(o, now);
            settleIncoming(o, UpdateReason.AMENDED, now);
            changed = true;
        } else if (newRemaining < o.remaining) {
            engine.shrinkResting(o, o.remaining - newRemaining, UpdateReason.AMENDED, now);
            changed = true;
        }
        if (changed) {
            if (o.isLive()) {
                o.lastReason = UpdateReason.AMENDED;
            }
            o.lastUpdateMs = now;
            listener.onOrderUpdate(o.snapshot());
        }
        return new OrderResult(null, o.snapshot(), engine.callFillCount, engine.callFillNotional, engine.callFees, now);
    }

    /** {@code POST /portfolio/events/orders/{id}/decrease}: keeps queue priority; to zero it cancels. */
    public ReduceResult decreaseOrder(String accountId, String orderId, DecreaseRequest req, long nowMs) {
        advanceTime(nowMs);
        long now = this.nowMs;
        Account a = account(accountId);
        Order o = ownOrder(a, orderId);
        if (o == null) {
            return ReduceResult.rejected(ExchangeError.ORDER_NOT_FOUND, now);
        }
        ExchangeError e = OrderChecks.cancelStateError(o.market, exchangePaused);
        if (e == null && !req.isValid()) {
            e = ExchangeError.DECREASE_ONE_OF;
        }
        if (e != null) {
            return ReduceResult.rejected(e, now);
        }
        if (!o.inBook) {
            return new ReduceResult(null, o.snapshot(), 0, now);
        }
        long target = req.reduceBy() != DecreaseRequest.ABSENT
            ? Math.max(0, o.remaining - req.reduceBy())
            : Math.min(o.remaining, req.reduceTo());
        long reduceBy = o.remaining - target;
        if (reduceBy == 0) {
            return new ReduceResult(null, o.snapshot(), 0, now);
        }
        if (target == 0) {
            engine.cancelResting(o, UpdateReason.CANCELED, now);
        } else {
            engine.shrinkResting(o, reduceBy, UpdateReason.DECREASED, now);
            listener.onOrderUpdate(o.snapshot());
        }
        return new ReduceResult(null, o.snapshot(), reduceBy, now);
    }

    /**
     * {@code DELETE /portfolio/events/orders/{id}}: {@code reduced_by} is what was still resting (0 when the
     * order had already filled or been canceled, as Kalshi answers).
     */
    public ReduceResult cancelOrder(String accountId, String orderId, long nowMs) {
        advanceTime(nowMs);
        long now = this.nowMs;
        Account a = account(accountId);
        Order o = ownOrder(a, orderId);
        if (o == null) {
            return ReduceResult.rejected(ExchangeError.ORDER_NOT_FOUND, now);
        }
        ExchangeError e = OrderChecks.cancelStateError(o.market, exchangePaused);
        if (e != null) {
            return ReduceResult.rejected(e, now);
        }
        long reduced = o.inBook ? engine.cancelResting(o, UpdateReason.CANCELED, now) : 0;
        return new ReduceResult(null, o.snapshot(), reduced, now);
    }

    /** {@code DELETE /portfolio/events/orders/batched}: one result per id, in order. */
    public List<ReduceResult> batchCancel(String accountId, List<String> orderIds, long nowMs) {
        List<ReduceResult> out = new ArrayList<>(orderIds.size());
        for (String id : orderIds) {
            out.add(cancelOrder(accountId, id, nowMs));
        }
        return out;
    }

    /** After matching: IoC/FoK remainders are canceled, a GTC remainder rests (and may expire later). */
    private void settleIncoming(Order o, UpdateReason restReason, long now) {
        if (!o.isLive()) {
            return; // canceled by self-trade prevention
        }
        if (o.remaining == 0) {
            o.status = OrderStatus.EXECUTED;
            o.lastReason = UpdateReason.FILLED;
            return;
        }
        if (o.timeInForce.isImmediate()) {
            MatchingEngine.finish(o, OrderStatus.CANCELED, UpdateReason.IOC_REMAINDER_CANCELED, now);
            return;
        }
        o.lastReason = o.filled > 0 && restReason == UpdateReason.PLACED ? UpdateReason.FILLED : restReason;
        engine.rest(o, restReason, now);
    }

    // ================================================================ lifecycle

    /** Deactivates an open market ({@code deactivated}): no placing or amending; cancel-on-pause orders go. */
    public void pauseMarket(String ticker, long nowMs) {
        advanceTime(nowMs);
        Market m = market(ticker);
        requireStatus(m, MarketStatus.OPEN);
        m.status = MarketStatus.PAUSED;
        cancelWhere(m, o -> o.cancelOnPause, UpdateReason.PAUSED);
        listener.onMarketLifecycle(m.lifecycle(LifecycleKind.DEACTIVATED, this.nowMs));
    }

    /** Reactivates a paused market ({@code activated}); Kalshi cancels all its resting orders on reactivation. */
    public void resumeMarket(String ticker, long nowMs) {
        advanceTime(nowMs);
        Market m = market(ticker);
        requireStatus(m, MarketStatus.PAUSED);
        cancelWhere(m, o -> true, UpdateReason.MARKET_REACTIVATED);
        m.status = MarketStatus.OPEN;
        listener.onMarketLifecycle(m.lifecycle(LifecycleKind.ACTIVATED, this.nowMs));
    }

    /**
     * Moves the close time ({@code close_date_updated}): earlier closes the market as soon as it passes (an early
     * close); later reopens a closed, undetermined market ({@code activated}).
     */
    public void updateCloseTime(String ticker, long closeTimeMs, long nowMs) {
        advanceTime(nowMs);
        Market m = market(ticker);
        if (m.status == MarketStatus.DETERMINED || m.status == MarketStatus.SETTLED) {
            throw new IllegalStateException("market " + ticker + " is " + m.status + "; its close time cannot move");
        }
        if (closeTimeMs <= m.openTimeMs) {
            throw new IllegalArgumentException("close time " + closeTimeMs + " is not after the open time " + m.openTimeMs);
        }
        m.closeTimeMs = closeTimeMs;
        listener.onMarketLifecycle(m.lifecycle(LifecycleKind.CLOSE_DATE_UPDATED, this.nowMs));
        if (m.status == MarketStatus.CLOSED && closeTimeMs > this.nowMs) {
            m.status = MarketStatus.OPEN;
            listener.onMarketLifecycle(m.lifecycle(LifecycleKind.ACTIVATED, this.nowMs));
        }
        nextMarketEventMs = Long.MIN_VALUE;
        advanceTime(this.nowMs);
    }

    /**
     * Sets a closed market's result ({@code determined}). {@code settlementValue} ($0.0001 per YES contract) is
     * only read for {@link MarketResult#SCALAR}; YES is $1 and NO is $0.
     */
    public void determine(String ticker, MarketResult result, long settlementValue, long nowMs) {
        advanceTime(nowMs);
        Market m = market(ticker);
        requireStatus(m, MarketStatus.CLOSED);
        long value;
        switch (result) {
            case YES:
                value = FixedPoint.PRICE_ONE;
                break;
            case NO:
                value = 0;
                break;
            default:
                if (settlementValue < 0 || settlementValue > FixedPoint.PRICE_ONE) {
                    throw new IllegalArgumentException("settlement value " + settlementValue + " is outside [0, $1]");
                }
                value = settlementValue;
        }
        m.result = result;
        m.settlementValue = value;
        m.determinedMs = this.nowMs;
        m.status = MarketStatus.DETERMINED;
        listener.onMarketLifecycle(m.lifecycle(LifecycleKind.DETERMINED, this.nowMs));
    }

    /** Pays out every position of a determined market ({@code settled}; REST status {@code finalized}). */
    public void settle(String ticker, long nowMs) {
        advanceTime(nowMs);
        Market m = market(ticker);
        requireStatus(m, MarketStatus.DETERMINED);
        for (Position p : m.positions.values()) {
            if (ledger.settle(p, m.settlementValue, this.nowMs)) {
                listener.onPositionChange(p.snapshot());
            }
        }
        m.status = MarketStatus.SETTLED;
        m.settledMs = this.nowMs;
        listener.onMarketLifecycle(m.lifecycle(LifecycleKind.SETTLED, this.nowMs));
    }

    /** Exchange-wide trading pause (Kalshi's weekly maintenance): no placing or amending, cancels allowed. */
    public void setTradingPaused(boolean paused, long nowMs) {
        advanceTime(nowMs);
        if (paused && !tradingPaused) {
            cancelOnPauseEverywhere();
        }
        tradingPaused = paused;
    }

    /** Exchange pause (outage): no order operation at all, cancels included. */
    public void setExchangePaused(boolean paused, long nowMs) {
        advanceTime(nowMs);
        if (paused && !exchangePaused) {
            cancelOnPauseEverywhere();
        }
        exchangePaused = paused;
    }

    /** {@code exchange_active}. */
    public boolean exchangeActive() {
        return !exchangePaused;
    }

    /** {@code trading_active}. */
    public boolean tradingActive() {
        return !exchangePaused && !tradingPaused;
    }

    private void cancelOnPauseEverywhere() {
        for (Market m : markets.values()) {
            cancelWhere(m, o -> o.cancelOnPause, UpdateReason.PAUSED);
        }
    }

    private void close(Market m, long now) {
        m.status = MarketStatus.CLOSED;
        cancelWhere(m, o -> true, UpdateReason.MARKET_CLOSED);
        listener.onMarketLifecycle(m.lifecycle(LifecycleKind.CLOSED, now));
    }

    /** Cancels matching resting orders, bids then asks, each from the best level in queue order. */
    private void cancelWhere(Market m, Predicate<Order> which, UpdateReason reason) {
        for (Side side : Side.values()) {
            for (Order o : m.book.orders(side)) {
                if (which.test(o)) {
                    engine.cancelResting(o, reason, nowMs);
                }
            }
        }
    }

    private static void requireStatus(Market m, MarketStatus expected) {
        if (m.status != expected) {
            throw new IllegalStateException("market " + m.ticker + " is " + m.status + ", not " + expected);
        }
    }

    // ================================================================ queries

    /** The market, or empty if unknown. */
    public Optional<MarketState> findMarket(String ticker) {
        Market m = markets.get(ticker);
        return m == null ? Optional.empty() : Optional.of(m.snapshot());
    }

    /** All markets by ticker. */
    public List<MarketState> markets() {
        List<MarketState> out = new ArrayList<>(markets.size());
        for (Market m : markets.values()) {
            out.add(m.snapshot());
        }
        return out;
    }

    /**
     * The book in Kalshi's two-ladder form, at most {@code depth} best levels per ladder ({@code depth} ≤ 0: all),
     * ascending with the best bid last; empty if the market is unknown.
     */
    public Optional<BookSnapshot> book(String ticker, int depth) {
        Market m = markets.get(ticker);
        if (m == null) {
            return Optional.empty();
        }
        return Optional.of(new BookSnapshot(ticker, ladder(m.book, Side.BID, depth), ladder(m.book, Side.ASK, depth)));
    }

    private static List<BookLevel> ladder(OrderBook book, Side side, int depth) {
        List<BookLevel> best = new ArrayList<>();
        for (long p = book.best(side); p != OrderBook.NONE && (depth <= 0 || best.size() < depth); p = book.nextLevel(side, p)) {
            long ladderPrice = side == Side.BID ? p : FixedPoint.PRICE_ONE - p;
            best.add(new BookLevel(ladderPrice, book.levelSize(side, p)));
        }
        Collections.reverse(best); // best first → ascending with best last (for asks, 1 − p rises as p falls)
        return best;
    }

    /** Order ids resting at one YES price of one side, in queue order (time priority). */
    public List<String> queue(String ticker, Side side, long price) {
        Market m = market(ticker);
        List<String> out = new ArrayList<>();
        if (price < 0 || price > FixedPoint.PRICE_ONE) {
            return out;
        }
        PriceLevel l = m.book.level(side, price);
        for (Order o = l == null ? null : l.head; o != null; o = o.nextInLevel) {
            out.add(o.id);
        }
        return out;
    }

    /**
     * {@code queue_position}: contracts resting ahead of the order at its price, or -1 when it is not resting
     * (or not the account's).
     */
    public long queuePosition(String accountId, String orderId) {
        Order o = ownOrder(account(accountId), orderId);
        if (o == null || !o.inBook) {
            return -1;
        }
        long ahead = 0;
        for (Order x = o.level.head; x != o; x = x.nextInLevel) {
            ahead += x.remaining;
        }
        return ahead;
    }

    /** One of the account's orders, or empty (another account's order is not found either). */
    public Optional<OrderState> order(String accountId, String orderId) {
        Order o = ownOrder(account(accountId), orderId);
        return o == null ? Optional.empty() : Optional.of(o.snapshot());
    }

    /**
     * {@code GET /portfolio/orders}: newest first by creation sequence; {@code cursor} null for the first page,
     * then the previous page's cursor. New orders never shift later pages.
     */
    public Page<OrderState> orders(String accountId, OrderFilter filter, String cursor, int limit) {
        Account a = account(accountId);
        return Paging.page(a.orders, o -> o.sequence, o -> Paging.matches(o, filter), Order::snapshot, cursor, limit);
    }

    /** {@code GET /portfolio/fills}: newest first, paginated like {@link #orders}. */
    public Page<Fill> fills(String accountId, FillFilter filter, String cursor, int limit) {
        Account a = account(accountId);
        return Paging.page(a.fills, Fill::sequence, f -> Paging.matches(f, filter), f -> f, cursor, limit);
    }

    /** Positions of the account in every market it ever ordered in, by ticker (zero positions included). */
    public List<PositionState> positions(String accountId) {
        Account a = account(accountId);
        List<PositionState> out = new ArrayList<>(a.positions.size());
        for (Position p : a.positions.values()) {
            out.add(p.snapshot());
        }
        return out;
    }

    public Optional<PositionState> position(String accountId, String ticker) {
        Position p = account(accountId).positions.get(ticker);
        return p == null ? Optional.empty() : Optional.of(p.snapshot());
    }

    public AccountState accountState(String accountId) {
        return account(accountId).snapshot();
    }

    /** Account ids, sorted. */
    public List<String> accountIds() {
        return new ArrayList<>(accounts.keySet());
    }

    // ================================================================ lookups

    private Account account(String accountId) {
        Account a = accounts.get(accountId);
        if (a == null) {
            throw new IllegalArgumentException("unknown account " + accountId);
        }
        return a;
    }

    private Market market(String ticker) {
        Market m = markets.get(ticker);
        if (m == null) {
            throw new IllegalArgumentException("unknown market " + ticker);
        }
        return m;
    }

    private Order ownOrder(Account a, String orderId) {
        Order o = orderId == null ? null : ordersById.get(orderId);
        return o == null || o.account != a ? null : o;
    }
}

package io.kengine.bench;

import io.kengine.protocol.units.FixedPoint;
import io.kengine.protocol.units.TickGrid;
import io.kengine.sim.exchange.AccountPrecision;
import io.kengine.sim.exchange.Exchange;
import io.kengine.sim.exchange.ExchangeListener;
import io.kengine.sim.exchange.FeeSchedule;
import io.kengine.sim.exchange.MarketSpec;
import io.kengine.sim.exchange.OrderRequest;
import io.kengine.sim.exchange.OrderResult;
import io.kengine.sim.exchange.OrderState;
import io.kengine.sim.exchange.OrderStatus;
import io.kengine.sim.exchange.Side;
import io.kengine.sim.exchange.TimeInForce;

import java.util.HashMap;
import java.util.Map;

/**
 * The simulator's exchange core ({@link Exchange}) behind {@link MatchingBook}: one cent-grid market with
 * Kalshi's quadratic taker fee, 10 funded accounts, every call through the public V2 order API
 * ({@code createOrder} / {@code cancelOrder}) with the listener the server would get. Order ids are the
 * exchange's strings, so this adapter keeps a handle ↔ id map; that map is part of the cost any caller
 * of the API pays (the server keeps one per client too).
 */
final class ExchangeBook implements MatchingBook, ExchangeListener {
    static final String TICKER = "KXBENCH-26DEC31-T50";
    private static final long NOW_MS = 1_000L;
    private static final int CAPACITY = 4096;

    private final Exchange exchange;
    private final MatchingBook.MakerSink sink;
    private final String[] accounts;
    private final String[] idOf = new String[CAPACITY];
    private final int[] accountOf = new int[CAPACITY];
    private final Map<String, Integer> handleOf = new HashMap<>(CAPACITY * 2);

    ExchangeBook(MatchingBook.MakerSink sink) {
        this.sink = sink;
        this.exchange = new Exchange(42, this);
        exchange.addMarket(new MarketSpec(TICKER, "KXBENCH-26DEC31", "KXBENCH", TickGrid.uniform(FixedPoint.CENT),
            0, Long.MAX_VALUE / 2, FeeSchedule.QUADRATIC), NOW_MS);
        accounts = new String[OrderFlow.MAKER_ACCOUNTS + OrderFlow.TAKER_ACCOUNTS];
        for (int i = 0; i < accounts.length; i++) {
            accounts[i] = (i < OrderFlow.MAKER_ACCOUNTS ? "maker-" : "taker-") + i;
            exchange.openAccount(accounts[i], AccountPrecision.CENT);
            // $100M each: an iteration's worth of spread and fees never runs an account dry
            exchange.deposit(accounts[i], FixedPoint.parseMoney("100000000"));
        }
    }

    Exchange exchange() {
        return exchange;
    }

    /** FIFO queue at one price as handles, front to back (tests). */
    long[] queue(boolean bid, long price) {
        return exchange.queue(TICKER, bid ? Side.BID : Side.ASK, price).stream().mapToLong(handleOf::get).toArray();
    }

    @Override
    public long submit(int handle, int account, boolean bid, long price, long count, boolean immediateOrCancel) {
        OrderRequest req = OrderRequest.of(TICKER, bid ? Side.BID : Side.ASK, price, count);
        if (immediateOrCancel) {
            req = req.withTimeInForce(TimeInForce.IMMEDIATE_OR_CANCEL);
        }
        OrderResult r = exchange.createOrder(accounts[account], req, NOW_MS);
        if (!r.ok()) {
            throw new IllegalStateException("order refused: " + r.error());
        }
        OrderState o = r.order();
        if (o.status() != OrderStatus.RESTING) {
            return 0;
        }
        idOf[handle] = o.orderId();
        accountOf[handle] = account;
        handleOf.put(o.orderId(), handle);
        return o.remainingCount();
    }

    @Override
    public void cancel(int handle) {
        String id = idOf[handle];
        handleOf.remove(id);
        idOf[handle] = null;
        exchange.cancelOrder(accounts[accountOf[handle]], id, NOW_MS);
    }

    /** Makers that traded: the flow handles its own cancels, and unknown ids are the incoming order's. */
    @Override
    public void onOrderUpdate(OrderState order) {
        if (order.status() == OrderStatus.CANCELED) {
            return;
        }
        Integer h = handleOf.get(order.orderId());
        if (h == null) {
            return;
        }
        if (order.remainingCount() == 0) {
            handleOf.remove(order.orderId());
            idOf[h] = null;
        }
        sink.onMakerUpdate(h, order.remainingCount());
    }
}

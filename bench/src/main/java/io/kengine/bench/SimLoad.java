package io.kengine.bench;

import io.kengine.protocol.units.FixedPoint;
import io.kengine.protocol.units.TickGrid;
import io.kengine.sim.exchange.AccountPrecision;
import io.kengine.sim.exchange.Exchange;
import io.kengine.sim.exchange.FeeSchedule;
import io.kengine.sim.exchange.MarketSpec;
import io.kengine.sim.exchange.OrderRequest;
import io.kengine.sim.exchange.OrderResult;
import io.kengine.sim.exchange.OrderStatus;
import io.kengine.sim.exchange.Side;
import io.kengine.sim.exchange.TimeInForce;

import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The order flow {@link SimWebSocketRate} pushes through the simulator: one {@link #apply} is one
 * {@code server.exchange(...)} call doing {@code batch} order calls on the exchange thread, so the hop to
 * that thread is paid once per batch. Per market it keeps a FIFO of its resting orders (at most
 * {@link #MAX_RESTING}); each call is 55% passive GTC (bids 0.40–0.49, asks 0.51–0.60, 1–10 contracts,
 * 4 maker accounts: one delta each), 30% cancel of the oldest (one delta, none if it already traded) and
 * 15% IoC from 2 taker accounts at 0.52 / 0.48 (a trade and a delta per maker it hits). Seeded, so a
 * run is repeatable up to where the clock falls. Only ever called on the exchange thread.
 */
final class SimLoad implements Function<Exchange, Void> {
    static final int MAX_RESTING = 300;
    private static final int MAKERS = 4;
    private static final int TAKERS = 2;

    private final String[] tickers;
    private final String[] makers = new String[MAKERS];
    private final String[] takers = new String[TAKERS];
    private final LongSupplier clock;
    private final int batch;
    // per market: a ring of resting order ids and their accounts
    private final String[][] ids;
    private final int[][] owners;
    private final int[] head;
    private final int[] size;
    private long rng = 0x2545F4914F6CDD1DL;

    long calls;
    long passives;
    long cancels;
    long aggressives;

    SimLoad(int markets, int batch, LongSupplier clock) {
        this.batch = batch;
        this.clock = clock;
        tickers = new String[markets];
        ids = new String[markets][MAX_RESTING];
        owners = new int[markets][MAX_RESTING];
        head = new int[markets];
        size = new int[markets];
        for (int m = 0; m < markets; m++) {
            tickers[m] = "KXRATE-26DEC31-M" + m;
        }
        for (int i = 0; i < MAKERS; i++) {
            makers[i] = "mm-" + i;
        }
        for (int i = 0; i < TAKERS; i++) {
            takers[i] = "tk-" + i;
        }
    }

    String[] tickers() {
        return tickers.clone();
    }

    /** Lists the markets, opens and funds the accounts and rests 10 levels × 5 orders a side per market. */
    void setUp(Exchange ex) {
        long now = clock.getAsLong();
        for (String t : tickers) {
            ex.addMarket(new MarketSpec(t, "KXRATE-26DEC31", "KXRATE", TickGrid.uniform(FixedPoint.CENT), 0,
                now + 365L * 24 * 3600 * 1000, FeeSchedule.QUADRATIC), now);
        }
        for (String[] group : new String[][] {makers, takers}) {
            for (String a : group) {
                ex.openAccount(a, AccountPrecision.CENT);
                ex.deposit(a, FixedPoint.parseMoney("100000000"));
            }
        }
        for (int m = 0; m < tickers.length; m++) {
            for (int level = 1; level <= 10; level++) {
                for (int i = 0; i < 5; i++) {
                    rest(ex, m, Side.BID, 50 - level, next(), now);
                    rest(ex, m, Side.ASK, 50 + level, next(), now);
                }
            }
        }
    }

    @Override
    public Void apply(Exchange ex) {
        long now = clock.getAsLong();
        for (int i = 0; i < batch; i++) {
            long r = next();
            int m = (int) ((r >>> 48) % tickers.length);
            int u = (int) ((r >>> 40) % 100);
            if (u < 15) {
                aggressive(ex, m, r, now);
            } else if ((u < 70 && size[m] < MAX_RESTING) || size[m] == 0) {
                Side side = ((r >>> 20) & 1) == 0 ? Side.BID : Side.ASK;
                int d = 1 + (int) ((r >>> 22) % 10);
                rest(ex, m, side, side == Side.BID ? 50 - d : 50 + d, r, now);
            } else {
                cancelOldest(ex, m, now);
            }
        }
        calls++;
        return null;
    }

    private void rest(Exchange ex, int m, Side side, int cents, long r, long now) {
        if (size[m] == MAX_RESTING) {
            cancelOldest(ex, m, now);
        }
        int maker = (int) ((r >>> 4) % MAKERS);
        long count = (1 + ((r >>> 8) & 0xFFFF) % 10) * FixedPoint.COUNT_ONE;
        OrderResult res = ex.createOrder(makers[maker], OrderRequest.of(tickers[m], side, cents * FixedPoint.CENT, count), now);
        if (!res.ok()) {
            throw new IllegalStateException("passive order refused: " + res.error());
        }
        if (res.order().status() == OrderStatus.RESTING) {
            int slot = (head[m] + size[m]) % MAX_RESTING;
            ids[m][slot] = res.orderId();
            owners[m][slot] = maker;
            size[m]++;
        }
        passives++;
    }

    private void cancelOldest(Exchange ex, int m, long now) {
        int slot = head[m];
        ex.cancelOrder(makers[owners[m][slot]], ids[m][slot], now);
        ids[m][slot] = null;
        head[m] = (slot + 1) % MAX_RESTING;
        size[m]--;
        cancels++;
    }

    private void aggressive(Exchange ex, int m, long r, long now) {
        boolean buy = ((r >>> 20) & 1) == 0;
        long count = (1 + ((r >>> 8) & 0xFFFF) % 20) * FixedPoint.COUNT_ONE;
        OrderRequest req = OrderRequest.of(tickers[m], buy ? Side.BID : Side.ASK, (buy ? 52 : 48) * FixedPoint.CENT, count)
            .withTimeInForce(TimeInForce.IMMEDIATE_OR_CANCEL);
        OrderResult res = ex.createOrder(takers[(int) ((r >>> 4) % TAKERS)], req, now);
        if (!res.ok()) {
            throw new IllegalStateException("aggressive order refused: " + res.error());
        }
        aggressives++;
    }

    private long next() {
        long x = rng;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        rng = x;
        return x;
    }
}

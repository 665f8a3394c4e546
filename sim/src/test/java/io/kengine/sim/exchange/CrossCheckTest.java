package io.kengine.sim.exchange;

import io.kengine.protocol.units.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast {@link Exchange} against {@link NaiveExchange} on long random sequences: several accounts (one
 * nearly broke), a cent market and a tapered sub-penny one, every TIF, post-only, reduce-only, both STP modes,
 * expirations, duplicate client ids, off-grid prices, amends, decreases, cancels, pauses. After every
 * operation: the reply (error, order state, fill totals), every fill and trade of the call, the state of every
 * order the call touched, the queue at every level, each account's cash, collateral and positions, the book
 * rebuilt from the published deltas, and money conservation. Every 5 000 operations: every order.
 */
class CrossCheckTest {
    private static final String M = Fixture.M;
    private static final String SUB = Fixture.SUB;
    private static final String[] ACCOUNTS = {"A", "B", "C", "D"};
    private static final long CLOSE = 100_000_000L;

    /** What a long run must have exercised, or it proves little. */
    private static final List<String> MUST_SEE = List.of(
        "fill", "taker fill on an amend", "rebate", "rounding fee", "centicent fill",
        "reason:FILLED", "reason:IOC_REMAINDER_CANCELED", "reason:FOK_INSUFFICIENT_VOLUME",
        "reason:SELF_TRADE_TAKER_CANCELED", "reason:SELF_TRADE_MAKER_CANCELED", "reason:EXPIRED", "reason:AMENDED",
        "reason:DECREASED", "reason:CANCELED", "reason:PAUSED", "reason:MARKET_REACTIVATED", "reason:MARKET_CLOSED",
        "error:POST_ONLY_CROSS", "error:AVAILABLE_BALANCE_TOO_LOW", "error:ORDER_ALREADY_EXISTS", "error:PRICE_NOT_ON_GRID",
        "error:PRICE_OUT_OF_RANGE", "error:REDUCE_ONLY_WOULD_INCREASE", "error:INVALID_ORDER_SIZE", "error:EXPIRATION_IN_PAST",
        "error:EXPIRATION_WITH_IMMEDIATE_TIF", "error:POST_ONLY_NOT_GTC", "error:ORDER_NOT_FOUND", "error:MARKET_INACTIVE",
        "error:MARKET_NOT_FOUND", "error:ORDER_NOT_RESTING", "error:AMEND_COUNT_NOT_ABOVE_FILLED", "error:ORDER_SIDE_MISMATCH",
        "error:DECREASE_ONE_OF");

    @Test
    void hundredThousandOperations() {
        Map<String, Integer> seen = run(1, 100_000);
        for (String what : MUST_SEE) {
            assertTrue(seen.getOrDefault(what, 0) > 0, "never exercised: " + what + " in " + seen);
        }
        assertTrue(seen.get("fill") > 15_000, "too few fills: " + seen);
    }

    @Test
    void moreSeeds() {
        for (long seed = 2; seed <= 5; seed++) {
            Map<String, Integer> seen = run(seed, 20_000);
            assertTrue(seen.get("fill") > 2_500, "too few fills: " + seen);
        }
    }

    private static final class Run {
        final SplittableRandom rnd;
        final Recorder rec = new Recorder();
        final Exchange fast;
        final NaiveExchange naive;
        final long deposits;
        long now = 1_000;
        int op;
        final List<String> cids = new ArrayList<>();
        /** The book as a WebSocket client would rebuild it from deltas: "ticker/ladder/price" -> size. */
        final Map<String, Long> deltaBook = new TreeMap<>();
        final Map<String, Integer> seen = new TreeMap<>();

        void see(String what) {
            seen.merge(what, 1, Integer::sum);
        }

        OrderResult see(OrderResult res) {
            if (res.error() != null) {
                see("error:" + res.error());
            }
            return res;
        }

        ReduceResult see(ReduceResult res) {
            if (res.error() != null) {
                see("error:" + res.error());
            }
            return res;
        }

        Run(long seed) {
            rnd = new SplittableRandom(seed);
            fast = new Exchange(seed, rec);
            naive = new NaiveExchange(seed);
            FeeSchedule makerFees = FeeSchedule.QUADRATIC_WITH_MAKER_FEES;
            MarketSpec m = new MarketSpec(M, "E1", "S1", Fixture.CENT_GRID, 0, CLOSE, FeeSchedule.QUADRATIC);
            MarketSpec sub = new MarketSpec(SUB, "E2", "S2", Fixture.TAPERED, 0, CLOSE, makerFees);
            fast.addMarket(m, now);
            fast.addMarket(sub, now);
            naive.addOpenMarket(m);
            naive.addOpenMarket(sub);
            long total = 0;
            for (String a : ACCOUNTS) {
                AccountPrecision p = a.equals("C") ? AccountPrecision.CENTICENT : AccountPrecision.CENT;
                long money = a.equals("D") ? FixedPoint.parseMoney("25") : FixedPoint.parseMoney("3000");
                fast.openAccount(a, p);
                fast.deposit(a, money);
                naive.openAccount(a, p, money);
                total += money * Money.MICROS_PER_MONEY_UNIT;
            }
            deposits = total;
            applyDeltas();
        }

        void applyDeltas() {
            for (BookDelta d : rec.deltas) {
                String k = d.ticker() + "/" + d.ladder() + "/" + d.ladderPrice();
                long v = deltaBook.getOrDefault(k, 0L) + d.delta();
                assertEquals(d.levelSize(), v, "delta's level size at " + k);
                assertTrue(v >= 0, "negative level " + k);
                if (v == 0) {
                    deltaBook.remove(k);
                } else {
                    deltaBook.put(k, v);
                }
            }
        }
    }

    private static Map<String, Integer> run(long seed, int ops) {
        Run r = new Run(seed);
        for (r.op = 0; r.op < ops; r.op++) {
            r.rec.clear();
            r.now += r.rnd.nextInt(4);
            step(r);
            compare(r, r.op % 5_000 == 4_999);
        }
        // the end of the market's life: close, determine, settle, and compare the payout
        r.rec.clear();
        r.now = CLOSE;
        r.fast.advanceTime(CLOSE);
        r.naive.beginCall();
        r.naive.advance(CLOSE);
        compare(r, true);
        long value = r.rnd.nextBoolean() ? FixedPoint.PRICE_ONE : 0;
        r.fast.determine(M, value == 0 ? MarketResult.NO : MarketResult.YES, 0, CLOSE);
        r.fast.settle(M, CLOSE);
        r.naive.determineAndSettle(M, value, CLOSE);
        long scalar = 1 + r.rnd.nextInt(9_999);
        r.fast.determine(SUB, MarketResult.SCALAR, scalar, CLOSE);
        r.fast.settle(SUB, CLOSE);
        r.naive.determineAndSettle(SUB, scalar, CLOSE);
        r.naive.beginCall();
        r.rec.clear();
        compare(r, true);
        for (String a : ACCOUNTS) {
            assertEquals(0, r.fast.accountState(a).reservedMicros());
            for (PositionState p : r.fast.positions(a)) {
                assertEquals(0, p.position());
            }
        }
        return r.seen;
    }

    // ---------------------------------------------------------------- random operations

    private static void step(Run r) {
        SplittableRandom rnd = r.rnd;
        r.naive.beginCall(); // a step may call neither side
        for (String ticker : List.of(M, SUB)) {
            if (r.fast.findMarket(ticker).orElseThrow().status() == MarketStatus.PAUSED && rnd.nextInt(20) == 0) {
                r.fast.resumeMarket(ticker, r.now); // pauses last about twenty operations
                r.naive.resume(ticker, r.now);
                return;
            }
        }
        List<NaiveExchange.NOrder> resting = r.naive.resting();
        int roll = rnd.nextInt(1000);
        if (resting.size() > 120 && roll < 600) {
            roll = 600 + rnd.nextInt(150); // keep the book small: cancel instead
        }
        String account = ACCOUNTS[rnd.nextInt(ACCOUNTS.length)];
        if (roll < 560) {
            OrderRequest req = randomRequest(r, rnd);
            if (rnd.nextInt(20) == 0) {
                List<OrderRequest> batch = new ArrayList<>();
                batch.add(req);
                batch.add(randomRequest(r, rnd));
                List<OrderResult> got = r.fast.batchCreate(account, batch, r.now);
                got.forEach(r::see);
                // the naive exchange runs them one by one; each item is compared with the events of the whole batch
                List<Fill> fills = new ArrayList<>();
                List<Trade> trades = new ArrayList<>();
                Set<String> touched = new LinkedHashSet<>();
                for (int i = 0; i < batch.size(); i++) {
                    OrderResult want = r.naive.create(account, batch.get(i), r.now);
                    assertEquals(want, got.get(i), ctx(r, "batch item " + i));
                    fills.addAll(r.naive.fills);
                    trades.addAll(r.naive.trades);
                    touched.addAll(r.naive.touched);
                }
                r.naive.fills.clear();
                r.naive.fills.addAll(fills);
                r.naive.trades.clear();
                r.naive.trades.addAll(trades);
                r.naive.touched.addAll(touched);
                return;
            }
            assertEquals(r.naive.create(account, req, r.now), r.see(r.fast.createOrder(account, req, r.now)), ctx(r, "create " + req));
        } else if (roll < 750) {
            String id = pickOrder(r, account, resting);
            assertEquals(r.naive.cancel(account, id, r.now), r.see(r.fast.cancelOrder(account, id, r.now)), ctx(r, "cancel"));
        } else if (roll < 890) {
            String id = pickOrder(r, account, resting);
            NaiveExchange.NOrder o = r.naive.byId.get(id);
            String ticker = o == null ? M : o.market.ticker;
            Side side = o == null ? Side.BID : o.side;
            long base = o == null ? 5000 : o.price;
            long price = rnd.nextInt(3) == 0 ? base : randomPrice(rnd, ticker);
            long filled = o == null ? 0 : o.filled;
            long count = filled + randomCount(rnd) - (rnd.nextInt(30) == 0 ? 200 : 0);
            if (rnd.nextInt(3) == 0 && o != null) {
                count = filled + o.remaining - 1 - rnd.nextInt(50); // shrink in place
            }
            if (rnd.nextInt(40) == 0) {
                side = side.opposite();
            }
            String updated = rnd.nextInt(10) == 0 ? newCid(r) : null;
            AmendRequest req = AmendRequest.of(ticker, side, price, count).withClientOrderIds(null, updated);
            OrderResult amended = r.see(r.fast.amendOrder(account, id, req, r.now));
            assertEquals(r.naive.amend(account, id, req, r.now), amended, ctx(r, "amend " + req));
            if (amended.fillCount() > 0) {
                r.see("taker fill on an amend");
            }
        } else if (roll < 970) {
            String id = pickOrder(r, account, resting);
            DecreaseRequest req;
            switch (rnd.nextInt(5)) {
                case 0:
                    req = DecreaseRequest.to(rnd.nextInt(2_000));
                    break;
                case 1:
                    req = new DecreaseRequest(rnd.nextInt(3) - 1, rnd.nextInt(3) - 1);
                    break;
                default:
                    req = DecreaseRequest.by(1 + rnd.nextInt(1_500));
            }
            assertEquals(r.naive.decrease(account, id, req, r.now), r.see(r.fast.decreaseOrder(account, id, req, r.now)), ctx(r, "decrease " + req));
        } else if (roll < 975) {
            List<String> ids = List.of(pickOrder(r, account, resting), pickOrder(r, account, resting), pickOrder(r, account, resting));
            List<ReduceResult> got = r.fast.batchCancel(account, ids, r.now);
            got.forEach(r::see);
            List<Fill> none = new ArrayList<>();
            Set<String> touched = new LinkedHashSet<>();
            for (int i = 0; i < ids.size(); i++) {
                assertEquals(r.naive.cancel(account, ids.get(i), r.now), got.get(i), ctx(r, "batch cancel " + i));
                touched.addAll(r.naive.touched);
            }
            r.naive.touched.addAll(touched);
            r.naive.fills.addAll(none);
        } else if (roll < 995) {
            r.now += 200 + rnd.nextInt(3_000); // let good-till-time orders expire
            r.fast.advanceTime(r.now);
            r.naive.beginCall();
            r.naive.advance(r.now);
        } else {
            String ticker = rnd.nextBoolean() ? M : SUB;
            if (r.fast.findMarket(ticker).orElseThrow().status() == MarketStatus.OPEN) {
                r.fast.pauseMarket(ticker, r.now);
                r.naive.pause(ticker, r.now);
            }
        }
    }

    private static OrderRequest randomRequest(Run r, SplittableRandom rnd) {
        String ticker = rnd.nextInt(3) == 0 ? SUB : M;
        if (rnd.nextInt(500) == 0) {
            ticker = "NO-SUCH-MARKET";
        }
        Side side = rnd.nextBoolean() ? Side.BID : Side.ASK;
        long price = randomPrice(rnd, ticker);
        long count = randomCount(rnd);
        OrderRequest req = OrderRequest.of(ticker, side, price, count);
        int tif = rnd.nextInt(10);
        if (tif < 2) {
            req = req.withTimeInForce(TimeInForce.IMMEDIATE_OR_CANCEL);
        } else if (tif < 3) {
            req = req.withTimeInForce(TimeInForce.FILL_OR_KILL);
        }
        if (rnd.nextInt(4) == 0) {
            req = req.withSelfTradePrevention(SelfTradePrevention.MAKER);
        }
        if (rnd.nextInt(6) == 0) {
            req = req.withPostOnly(true);
        }
        if (rnd.nextInt(8) == 0) {
            req = req.withReduceOnly(true);
        }
        if (rnd.nextInt(10) == 0) {
            req = req.withCancelOnPause(true);
        }
        if (rnd.nextInt(6) == 0) {
            long sec = r.now / 1000 + (rnd.nextInt(15) == 0 ? -1 : 1 + rnd.nextInt(5));
            req = req.withExpirationTimeSeconds(Math.max(1, sec));
        }
        if (rnd.nextInt(3) == 0) {
            String cid = rnd.nextInt(25) == 0 && !r.cids.isEmpty() ? r.cids.get(rnd.nextInt(r.cids.size())) : newCid(r);
            req = req.withClientOrderId(cid);
        }
        return req;
    }

    private static String newCid(Run r) {
        String cid = "cid-" + r.cids.size();
        r.cids.add(cid);
        return cid;
    }

    /** Near the middle of each grid, so orders cross often; sometimes off the grid or out of range. */
    private static long randomPrice(SplittableRandom rnd, String ticker) {
        int k = rnd.nextInt(200);
        if (k == 0) {
            return rnd.nextBoolean() ? 0 : FixedPoint.PRICE_ONE;
        }
        if (k < 4) {
            return 1 + rnd.nextInt(9_999); // mostly off-grid
        }
        if (ticker.equals(SUB)) {
            // around the 0.10 boundary of the tapered grid: $0.001 steps below, $0.01 above
            return rnd.nextBoolean() ? 900 + 10L * rnd.nextInt(11) : 1000 + 100L * rnd.nextInt(4);
        }
        return 4_500 + 100L * rnd.nextInt(11);
    }

    private static long randomCount(SplittableRandom rnd) {
        int k = rnd.nextInt(10);
        if (k == 0) {
            return 1 + rnd.nextInt(99); // fractional below one contract
        }
        if (k == 1) {
            return rnd.nextInt(50) == 0 ? 0 : 1 + rnd.nextInt(5_000); // any 0.01 multiple, sometimes invalid 0
        }
        return 100L * (1 + rnd.nextInt(20));
    }

    /** Mostly one of the account's resting orders; sometimes a finished one, another account's, or none. */
    private static String pickOrder(Run r, String account, List<NaiveExchange.NOrder> resting) {
        SplittableRandom rnd = r.rnd;
        List<NaiveExchange.NOrder> all = r.naive.orders;
        int k = rnd.nextInt(40);
        if (k == 0 || all.isEmpty()) {
            return "no-such-order";
        }
        if (k == 1) {
            return all.get(all.size() - 1 - rnd.nextInt(Math.min(all.size(), 50))).id; // anyone's
        }
        List<NaiveExchange.NOrder> mine = new ArrayList<>();
        for (NaiveExchange.NOrder o : resting) {
            if (o.account.equals(account)) {
                mine.add(o);
            }
        }
        if (!mine.isEmpty() && k > 5) {
            return mine.get(rnd.nextInt(mine.size())).id;
        }
        for (int i = all.size() - 1; i >= Math.max(0, all.size() - 200); i--) {
            if (all.get(i).account.equals(account)) {
                return all.get(i).id; // own, probably finished
            }
        }
        return "no-such-order";
    }

    // ---------------------------------------------------------------- comparison

    private static void compare(Run r, boolean everyOrder) {
        Exchange fast = r.fast;
        NaiveExchange naive = r.naive;
        String where = ctx(r, "after");
        assertEquals(naive.fills, r.rec.fills, where + ": fills");
        assertEquals(naive.trades, r.rec.trades, where + ": trades");
        for (Fill f : r.rec.fills) {
            r.see("fill");
            if (f.rebateMicros() > 0) {
                r.see("rebate");
            }
            if (f.roundingFeeMicros() > 0) {
                r.see("rounding fee");
            }
            if (f.accountId().equals("C")) {
                r.see("centicent fill");
            }
        }
        for (OrderState o : r.rec.orders) {
            r.see("reason:" + o.lastUpdateReason());
        }

        Set<String> ids = new LinkedHashSet<>(naive.touched);
        for (OrderState o : r.rec.orders) {
            ids.add(o.orderId());
        }
        for (String id : ids) {
            NaiveExchange.NOrder o = naive.byId.get(id);
            assertTrue(o != null, where + ": fast published an order the naive one does not know: " + id);
            assertEquals(o.state(), fast.order(o.account, id).orElseThrow(), where + ": order " + id);
        }
        // the last published update of each order is its current state
        Map<String, OrderState> lastUpdate = new HashMap<>();
        for (OrderState o : r.rec.orders) {
            lastUpdate.put(o.orderId(), o);
        }
        for (OrderState o : lastUpdate.values()) {
            assertEquals(fast.order(o.accountId(), o.orderId()).orElseThrow(), o, where + ": stale update " + o.orderId());
        }
        if (everyOrder) {
            for (NaiveExchange.NOrder o : naive.orders) {
                assertEquals(o.state(), fast.order(o.account, o.id).orElseThrow(), where + ": order " + o.id);
            }
        }

        // queue order at every level
        Map<String, List<String>> queues = new TreeMap<>();
        for (String ticker : List.of(M, SUB)) {
            BookSnapshot s = fast.book(ticker, 0).orElseThrow();
            for (BookLevel l : s.yes()) {
                queues.put(ticker + "/" + Side.BID + "/" + l.price(), fast.queue(ticker, Side.BID, l.price()));
            }
            for (BookLevel l : s.no()) {
                long yes = FixedPoint.PRICE_ONE - l.price();
                queues.put(ticker + "/" + Side.ASK + "/" + yes, fast.queue(ticker, Side.ASK, yes));
            }
        }
        assertEquals(naive.queues(), queues, where + ": queues");

        // the book a client rebuilds from deltas equals the snapshot
        r.applyDeltas();
        Map<String, Long> snap = new TreeMap<>();
        for (String ticker : List.of(M, SUB)) {
            BookSnapshot s = fast.book(ticker, 0).orElseThrow();
            for (BookLevel l : s.yes()) {
                snap.put(ticker + "/YES/" + l.price(), l.count());
            }
            for (BookLevel l : s.no()) {
                snap.put(ticker + "/NO/" + l.price(), l.count());
            }
            MarketState ms = fast.findMarket(ticker).orElseThrow();
            if (ms.bestBid() != MarketState.NO_PRICE && ms.bestAsk() != MarketState.NO_PRICE) {
                assertTrue(ms.bestBid() < ms.bestAsk(), where + ": crossed book " + ticker);
            }
        }
        assertEquals(snap, r.deltaBook, where + ": delta-built book");

        // money and positions
        long total = 0;
        long openInterest = 0;
        for (String a : ACCOUNTS) {
            AccountState s = fast.accountState(a);
            NaiveExchange.NAccount na = naive.accounts.get(a);
            assertEquals(na.cash, s.cashMicros(), where + ": cash " + a);
            assertEquals(naive.reserved(a), s.reservedMicros(), where + ": reserved " + a);
            assertEquals(0, s.cashMicros() % s.precision().micros(), where + ": cash off the precision grid " + a);
            total += s.cashMicros();
            Map<String, PositionState> got = new TreeMap<>();
            for (PositionState p : fast.positions(a)) {
                if (!isEmpty(p)) {
                    got.put(p.ticker(), p);
                }
                total += p.feesPaidMicros();
            }
            Map<String, PositionState> want = new TreeMap<>();
            for (String t : na.positions.keySet()) {
                PositionState p = naive.position(a, t);
                if (!isEmpty(p)) {
                    want.put(t, p);
                }
            }
            assertEquals(want, got, where + ": positions " + a);
        }
        for (String ticker : List.of(M, SUB)) {
            MarketState ms = fast.findMarket(ticker).orElseThrow();
            long longs = 0;
            long shorts = 0;
            for (String a : ACCOUNTS) {
                long p = fast.position(a, ticker).map(PositionState::position).orElse(0L);
                longs += Math.max(0, p);
                shorts += Math.max(0, -p);
            }
            assertEquals(longs, ms.openInterest(), where + ": open interest " + ticker);
            assertEquals(longs, shorts, where + ": longs and shorts pair up in " + ticker);
            openInterest += longs;
        }
        // every dollar is in cash, in fees, or locked as $1 per open contract pair
        assertEquals(r.deposits, total + Money.contractValue(openInterest), where + ": money conservation");
    }

    private static boolean isEmpty(PositionState p) {
        return p.position() == 0 && p.costMicros() == 0 && p.realizedPnlMicros() == 0 && p.feesPaidMicros() == 0
            && p.volume() == 0 && p.tradedMicros() == 0;
    }

    private static String ctx(Run r, String what) {
        return "op " + r.op + " (t=" + r.now + "): " + what;
    }
}

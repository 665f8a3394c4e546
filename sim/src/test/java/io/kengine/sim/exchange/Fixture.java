package io.kengine.sim.exchange;

import io.kengine.protocol.units.FixedPoint;
import io.kengine.protocol.units.TickGrid;

/**
 * One exchange with a cent-grid market {@link #M} (open from 0 to {@link #CLOSE}), a tapered deci-cent market
 * {@link #SUB}, and accounts A, B, C funded with $10,000 each. Money helpers convert "0.56"-style strings.
 */
class Fixture {
    static final String M = "KXTEST-26DEC31-T50";
    static final String SUB = "KXSUB-26DEC31-T50";
    static final long CLOSE = 10_000_000L;
    static final TickGrid CENT_GRID = TickGrid.uniform(FixedPoint.CENT);
    static final TickGrid TAPERED = new TickGrid(new long[] {0, 1000, 9000}, new long[] {1000, 9000, 10_000}, new long[] {10, 100, 10});

    final Recorder rec = new Recorder();
    final Exchange ex;
    long now = 1_000L;

    Fixture() {
        this(FeeSchedule.QUADRATIC);
    }

    Fixture(FeeSchedule fees) {
        ex = new Exchange(42, rec);
        ex.addMarket(new MarketSpec(M, "KXTEST-26DEC31", "KXTEST", CENT_GRID, 0, CLOSE, fees), now);
        ex.addMarket(new MarketSpec(SUB, "KXSUB-26DEC31", "KXSUB", TAPERED, 0, CLOSE, fees), now);
        for (String a : new String[] {"A", "B", "C"}) {
            ex.openAccount(a, AccountPrecision.CENT);
            ex.deposit(a, FixedPoint.parseMoney("10000"));
        }
        rec.clear();
    }

    static long px(String dollars) {
        return FixedPoint.parsePrice(dollars);
    }

    static long n(String contracts) {
        return FixedPoint.parseCount(contracts);
    }

    /** Dollars to micros. */
    static long usd(String dollars) {
        return Money.fromMoney(FixedPoint.parseMoney(dollars));
    }

    OrderResult place(String account, Side side, String price, String count) {
        return ex.createOrder(account, OrderRequest.of(M, side, px(price), n(count)), now);
    }

    OrderResult place(String account, OrderRequest req) {
        return ex.createOrder(account, req, now);
    }

    static OrderRequest req(Side side, String price, String count) {
        return OrderRequest.of(M, side, px(price), n(count));
    }

    OrderState order(String account, String id) {
        return ex.order(account, id).orElseThrow();
    }

    long cash(String account) {
        return ex.accountState(account).cashMicros();
    }

    long reserved(String account) {
        return ex.accountState(account).reservedMicros();
    }

    long position(String account) {
        return ex.position(account, M).map(PositionState::position).orElse(0L);
    }
}

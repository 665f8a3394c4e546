package io.kengine.sim.exchange;

import io.kengine.protocol.units.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kengine.sim.exchange.Fixture.M;
import static io.kengine.sim.exchange.Fixture.n;
import static io.kengine.sim.exchange.Fixture.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Balances, collateral, fills with fees on both sides, positions and P&L, settlement. */
class AccountingTest {
    private static final long START = usd("10000");

    @Test
    void bothSidesOfATradeGetAFillWithTheirOwnFee() {
        Fixture f = new Fixture();
        String maker = f.place("A", Side.BID, "0.40", "10").orderId();
        f.rec.clear();
        OrderResult r = f.place("B", Side.ASK, "0.40", "10");
        assertEquals(2, f.rec.fills.size());
        Fill a = f.rec.fills.get(0);
        Fill b = f.rec.fills.get(1);
        assertEquals(a.tradeId(), b.tradeId());
        assertEquals(f.rec.trades.get(0).tradeId(), a.tradeId());
        assertEquals(maker, a.orderId());
        assertEquals(r.orderId(), b.orderId());
        assertFalse(a.taker());
        assertTrue(b.taker());
        assertEquals(Side.BID, a.side());
        assertEquals(Side.ASK, b.side());
        assertEquals(Ladder.NO, b.outcomeSide());
        // maker on a plain quadratic series: no trade fee, $4.00 exactly
        assertEquals(0, a.feeMicros());
        assertEquals(usd("-4.00"), a.balanceChangeMicros());
        assertEquals(n("10"), a.postPosition());
        // taker buys NO at 0.60: $6.00 + trade fee 0.07 x 10 x 0.24 = $0.168, balance floored to the cent: $6.17
        assertEquals(usd("0.168"), b.tradeFeeMicros());
        assertEquals(usd("0.002"), b.roundingFeeMicros());
        assertEquals(usd("0.17"), b.feeMicros());
        assertEquals(usd("-6.17"), b.balanceChangeMicros());
        assertEquals(-n("10"), b.postPosition());
        assertEquals(usd("0.17"), r.feesMicros());

        assertEquals(START - usd("4.00"), f.cash("A"));
        assertEquals(START - usd("6.17"), f.cash("B"));
        assertEquals(0, f.reserved("A"));
        PositionState pa = f.ex.position("A", M).orElseThrow();
        PositionState pb = f.ex.position("B", M).orElseThrow();
        assertEquals(usd("4.00"), pa.costMicros());
        assertEquals(usd("6.00"), pb.costMicros());
        assertEquals(usd("0.17"), pb.feesPaidMicros());
        assertEquals(n("10"), pb.volume());
        OrderState ob = f.order("B", r.orderId());
        assertEquals(usd("6.00"), ob.takerFillCostMicros());
        assertEquals(usd("0.17"), ob.takerFeesMicros());
        assertEquals(usd("4.00"), f.order("A", maker).makerFillCostMicros());
        MarketState m = f.ex.findMarket(M).orElseThrow();
        assertEquals(n("10"), m.openInterest());
        assertEquals(n("10"), m.volume());
        assertEquals(Fixture.px("0.40"), m.lastPrice());
    }

    @Test
    void makerFeesOnSeriesThatChargeThem() {
        Fixture f = new Fixture(FeeSchedule.QUADRATIC_WITH_MAKER_FEES);
        f.place("A", Side.BID, "0.40", "10");
        f.place("B", Side.ASK, "0.40", "10");
        Fill maker = f.rec.fills.get(0);
        assertEquals(usd("0.042"), maker.tradeFeeMicros()); // a quarter of 0.168
        assertEquals(usd("0.05"), maker.feeMicros());
        assertEquals(START - usd("4.05"), f.cash("A"));
    }

    @Test
    void restingBidsAndAsksHoldCollateral() {
        Fixture f = new Fixture();
        String bid = f.place("A", Side.BID, "0.40", "10").orderId();
        assertEquals(usd("4.168"), f.reserved("A")); // 10 x 0.40 + taker fee reserve 0.168
        assertEquals(START - usd("4.168"), f.ex.accountState("A").availableMicros());
        f.place("A", Side.ASK, "0.60", "10");
        assertEquals(usd("4.168") + usd("4.168"), f.reserved("A")); // 10 x (1 - 0.60) + 0.168
        f.ex.cancelOrder("A", bid, f.now);
        assertEquals(usd("4.168"), f.reserved("A"));
        assertEquals(START, f.cash("A"), "resting orders move no cash");
    }

    @Test
    void closingAPositionNeedsOnlyTheFeeReserve() {
        Fixture f = new Fixture();
        f.place("B", Side.ASK, "0.40", "10");
        f.place("A", Side.BID, "0.40", "10"); // A long 10, B short 10
        f.place("B", Side.BID, "0.20", "10"); // closes B's short: only the fee 0.07 x 10 x 0.16
        assertEquals(usd("0.112"), f.reserved("B"));
        f.place("A", Side.ASK, "0.70", "10"); // closes A's long: fee 0.07 x 10 x 0.21
        assertEquals(usd("0.147"), f.reserved("A"));
        // positions net: selling the 10 held pays more than the 4 opened beyond them cost (fee 0.0252)
        f.place("A", Side.ASK, "0.90", "4");
        assertEquals(usd("0.1722"), f.reserved("A"));
        // 0.30 x 10 + 0.10 x 4 + 0.75 x 20 - $1 x 10 = 8.40, plus fees 0.147 + 0.0252 + 0.2625
        f.place("A", Side.ASK, "0.25", "20");
        assertEquals(usd("8.8347"), f.reserved("A"));
    }

    @Test
    void realizedPnlOnALongRoundTrip() {
        Fixture f = new Fixture();
        f.place("B", Side.ASK, "0.40", "10");
        f.place("A", Side.BID, "0.40", "10"); // taker: 4.00 + 0.168 -> 4.17
        f.place("C", Side.BID, "0.55", "10");
        f.place("A", Side.ASK, "0.55", "10"); // taker: 5.50 - 0.17325 -> 0.1733 -> 5.3267 -> 5.32
        PositionState p = f.ex.position("A", M).orElseThrow();
        assertEquals(0, p.position());
        assertEquals(0, p.costMicros());
        assertEquals(usd("1.50"), p.realizedPnlMicros());
        assertEquals(usd("0.35"), p.feesPaidMicros());
        assertEquals(START + usd("1.15"), f.cash("A"));
    }

    @Test
    void realizedPnlOnAShortRoundTrip() {
        Fixture f = new Fixture(FeeSchedule.FREE);
        f.place("A", Side.BID, "0.40", "10");
        f.place("B", Side.ASK, "0.40", "10"); // B holds 10 NO at 0.60
        f.place("C", Side.ASK, "0.30", "10");
        f.place("B", Side.BID, "0.30", "10"); // sells the NO at 0.70
        PositionState p = f.ex.position("B", M).orElseThrow();
        assertEquals(0, p.position());
        assertEquals(usd("1.00"), p.realizedPnlMicros());
        assertEquals(START + usd("1.00"), f.cash("B"));
    }

    @Test
    void partialCloseTakesCostProRataAndFlipsOpenAtTheNewLeg() {
        Fixture f = new Fixture(FeeSchedule.FREE);
        f.place("B", Side.ASK, "0.33", "3");
        f.place("A", Side.BID, "0.33", "3");
        f.place("C", Side.BID, "0.50", "1");
        f.place("A", Side.ASK, "0.50", "1");
        PositionState p = f.ex.position("A", M).orElseThrow();
        assertEquals(n("2"), p.position());
        assertEquals(usd("0.66"), p.costMicros());
        assertEquals(usd("0.17"), p.realizedPnlMicros());
        f.place("C", Side.BID, "0.50", "5");
        f.place("A", Side.ASK, "0.50", "5"); // closes 2, opens 3 NO at 0.50
        p = f.ex.position("A", M).orElseThrow();
        assertEquals(-n("3"), p.position());
        assertEquals(usd("1.50"), p.costMicros());
        assertEquals(usd("0.17") + usd("0.34"), p.realizedPnlMicros());
        // cash: -0.99 + 0.50 + 1.00 (2 YES sold) - 1.50 (3 NO bought)
        assertEquals(START - usd("0.99"), f.cash("A"));
    }

    @Test
    void settlementPaysADollarPerWinningContract() {
        Fixture f = new Fixture();
        f.place("A", Side.BID, "0.40", "10");
        f.place("B", Side.ASK, "0.40", "10");
        String resting = f.place("C", Side.BID, "0.30", "5").orderId();
        f.ex.advanceTime(Fixture.CLOSE);
        assertEquals(OrderStatus.CANCELED, f.order("C", resting).status());
        assertEquals(UpdateReason.MARKET_CLOSED, f.order("C", resting).lastUpdateReason());
        assertEquals(0, f.reserved("C"));
        assertThrows(IllegalStateException.class, () -> f.ex.settle(M, Fixture.CLOSE));
        f.ex.determine(M, MarketResult.YES, 0, Fixture.CLOSE + 1);
        f.rec.clear();
        f.ex.settle(M, Fixture.CLOSE + 2);
        assertEquals(START - usd("4.00") + usd("10.00"), f.cash("A"));
        assertEquals(START - usd("6.17"), f.cash("B"));
        PositionState a = f.ex.position("A", M).orElseThrow();
        assertEquals(0, a.position());
        assertEquals(usd("6.00"), a.realizedPnlMicros());
        assertEquals(usd("-6.00"), f.ex.position("B", M).orElseThrow().realizedPnlMicros());
        assertEquals(0, f.ex.findMarket(M).orElseThrow().openInterest());
        assertEquals(MarketStatus.SETTLED, f.ex.findMarket(M).orElseThrow().status());
        assertEquals("finalized", MarketStatus.SETTLED.restStatus());
        assertEquals(List.of("PositionState", "PositionState", "MarketLifecycle"), f.rec.kinds());
        assertConserved(f);
    }

    @Test
    void noResultPaysTheNoHolders() {
        Fixture f = new Fixture(FeeSchedule.FREE);
        f.place("A", Side.BID, "0.40", "10");
        f.place("B", Side.ASK, "0.40", "10");
        f.ex.updateCloseTime(M, f.now + 1, f.now); // early close
        f.ex.advanceTime(f.now + 1);
        f.ex.determine(M, MarketResult.NO, 0, f.now + 2);
        f.ex.settle(M, f.now + 3);
        assertEquals(START - usd("4.00"), f.cash("A"));
        assertEquals(START + usd("4.00"), f.cash("B"));
        assertConserved(f);
    }

    @Test
    void scalarSettlementFloorsThePayoutToTheCent() {
        Fixture f = new Fixture(FeeSchedule.FREE);
        f.place("A", Side.BID, "0.40", "10.60");
        f.place("B", Side.ASK, "0.40", "10.60");
        f.ex.advanceTime(Fixture.CLOSE);
        f.ex.determine(M, MarketResult.SCALAR, FixedPoint.parsePrice("0.5970"), Fixture.CLOSE);
        f.ex.settle(M, Fixture.CLOSE);
        // A: 10.60 x 0.5970 = 6.3282 -> 6.32 (settlement fee 0.0082); B: 10.60 x 0.4030 = 4.2718 -> 4.27
        assertEquals(START - usd("4.24") + usd("6.32"), f.cash("A"));
        assertEquals(usd("0.0082"), f.ex.position("A", M).orElseThrow().feesPaidMicros());
        assertEquals(START - usd("6.36") + usd("4.27"), f.cash("B"));
        assertConserved(f);
    }

    @Test
    void directMembersKeepCenticentBalances() {
        Fixture f = new Fixture();
        f.ex.openAccount("E", AccountPrecision.CENTICENT);
        f.ex.deposit("E", FixedPoint.parseMoney("100.0001"));
        assertThrows(IllegalArgumentException.class, () -> f.ex.deposit("A", FixedPoint.parseMoney("0.0001")), "cent account");
        f.ex.createOrder("B", OrderRequest.of(Fixture.SUB, Side.ASK, Fixture.px("0.055"), n("1")), f.now);
        OrderResult r = f.ex.createOrder("E", OrderRequest.of(Fixture.SUB, Side.BID, Fixture.px("0.055"), n("1")), f.now);
        Fill e = f.rec.fills.stream().filter(x -> x.accountId().equals("E")).findFirst().orElseThrow();
        // 0.055 + fee 0.07 x 0.055 x 0.945 = 0.00363825 -> 0.0037: no rounding needed on a $0.0001 grid
        assertEquals(usd("-0.0587"), e.balanceChangeMicros());
        assertEquals(0, e.roundingFeeMicros());
        assertEquals(usd("100.0001") - usd("0.0587"), f.cash("E"));
        assertTrue(r.ok());
    }

    /** Zero-sum: after settlement every dollar is in some account's cash or was paid as a fee. */
    static void assertConserved(Fixture f) {
        long total = 0;
        for (String a : f.ex.accountIds()) {
            total += f.cash(a);
            for (PositionState p : f.ex.positions(a)) {
                total += p.feesPaidMicros();
            }
        }
        assertEquals(3 * START, total);
    }
}

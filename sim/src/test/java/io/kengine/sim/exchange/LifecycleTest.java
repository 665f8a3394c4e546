package io.kengine.sim.exchange;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kengine.sim.exchange.Fixture.M;
import static io.kengine.sim.exchange.Fixture.n;
import static io.kengine.sim.exchange.Fixture.px;
import static io.kengine.sim.exchange.Fixture.req;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** open → (paused) → closed → determined → settled, and exchange-wide pauses. */
class LifecycleTest {
    private final Fixture f = new Fixture();

    private List<LifecycleKind> kinds() {
        return f.rec.lifecycle.stream().map(MarketLifecycle::kind).toList();
    }

    @Test
    void marketOpensAtItsOpenTime() {
        f.ex.addMarket(new MarketSpec("LATER", "E", "S", Fixture.CENT_GRID, 5_000, 9_000, FeeSchedule.QUADRATIC), f.now);
        assertEquals(MarketStatus.INITIALIZED, f.ex.findMarket("LATER").orElseThrow().status());
        assertEquals(ExchangeError.MARKET_INACTIVE, f.ex.createOrder("A", OrderRequest.of("LATER", Side.BID, 4000, 100), f.now).error());
        f.ex.advanceTime(5_000);
        assertEquals(MarketStatus.OPEN, f.ex.findMarket("LATER").orElseThrow().status());
        assertTrue(f.ex.createOrder("A", OrderRequest.of("LATER", Side.BID, 4000, 100), 5_000).ok());
        assertEquals(List.of(LifecycleKind.CREATED, LifecycleKind.OPENED), kinds());
        assertNull(LifecycleKind.OPENED.wireName(), "Kalshi sends no WebSocket event when a market opens");
    }

    @Test
    void closeCancelsRestingOrdersAndRefusesEveryOrderCall() {
        String id = f.place("A", Side.BID, "0.40", "10").orderId();
        f.rec.clear();
        f.ex.advanceTime(Fixture.CLOSE);
        assertEquals(MarketStatus.CLOSED, f.ex.findMarket(M).orElseThrow().status());
        // both fixture markets close now, in ticker order: KXSUB (empty) first, then this one
        assertEquals(List.of("MarketLifecycle", "BookDelta", "OrderState", "MarketLifecycle"), f.rec.kinds());
        assertEquals(List.of(Fixture.SUB, M), f.rec.lifecycle.stream().map(MarketLifecycle::ticker).toList());
        assertEquals(LifecycleKind.CLOSED, f.rec.lifecycle.get(1).kind());
        assertEquals(UpdateReason.MARKET_CLOSED, f.rec.orders.get(0).lastUpdateReason());
        long t = Fixture.CLOSE + 1;
        assertEquals(ExchangeError.MARKET_INACTIVE, f.ex.createOrder("A", req(Side.BID, "0.40", "1"), t).error());
        assertEquals(ExchangeError.MARKET_INACTIVE, f.ex.cancelOrder("A", id, t).error());
        assertEquals(ExchangeError.MARKET_INACTIVE, f.ex.decreaseOrder("A", id, DecreaseRequest.by(1), t).error());
        assertEquals(ExchangeError.MARKET_INACTIVE, f.ex.amendOrder("A", id, AmendRequest.of(M, Side.BID, 4000, 100), t).error());
        assertEquals(409, ExchangeError.MARKET_INACTIVE.httpStatus());
    }

    @Test
    void closingIsDueEvenWithoutAnExplicitTick() {
        f.place("A", Side.BID, "0.40", "10");
        OrderResult r = f.ex.createOrder("B", req(Side.ASK, "0.40", "10"), Fixture.CLOSE + 5);
        assertEquals(ExchangeError.MARKET_INACTIVE, r.error());
        assertTrue(f.rec.fills.isEmpty());
    }

    @Test
    void pausedMarketRefusesPlacingButAllowsCanceling() {
        String keep = f.place("A", Side.BID, "0.40", "10").orderId();
        String goes = f.place("A", req(Side.BID, "0.39", "10").withCancelOnPause(true)).orderId();
        String other = f.place("B", Side.BID, "0.38", "10").orderId();
        f.rec.clear();
        f.ex.pauseMarket(M, f.now);
        assertEquals(MarketStatus.PAUSED, f.ex.findMarket(M).orElseThrow().status());
        assertEquals("inactive", MarketStatus.PAUSED.restStatus());
        assertEquals(OrderStatus.CANCELED, f.order("A", goes).status());
        assertEquals(UpdateReason.PAUSED, f.order("A", goes).lastUpdateReason());
        assertEquals(OrderStatus.RESTING, f.order("A", keep).status());
        assertEquals(LifecycleKind.DEACTIVATED, f.rec.lifecycle.get(0).kind());
        assertEquals(ExchangeError.MARKET_INACTIVE, f.place("A", Side.BID, "0.40", "1").error());
        assertEquals(ExchangeError.MARKET_INACTIVE, f.ex.amendOrder("A", keep, AmendRequest.of(M, Side.BID, 4100, 1000), f.now).error());
        assertTrue(f.ex.decreaseOrder("A", keep, DecreaseRequest.by(n("1")), f.now).ok());
        assertTrue(f.ex.cancelOrder("B", other, f.now).ok());
        f.rec.clear();
        f.ex.resumeMarket(M, f.now);
        // Kalshi cancels every resting order when a paused market is reactivated
        assertEquals(OrderStatus.CANCELED, f.order("A", keep).status());
        assertEquals(UpdateReason.MARKET_REACTIVATED, f.order("A", keep).lastUpdateReason());
        assertEquals(LifecycleKind.ACTIVATED, f.rec.lifecycle.get(0).kind());
        assertTrue(f.place("A", Side.BID, "0.40", "1").ok());
        assertThrows(IllegalStateException.class, () -> f.ex.resumeMarket(M, f.now));
    }

    @Test
    void tradingPauseAllowsCancelsExchangePauseDoesNot() {
        String id = f.place("A", Side.BID, "0.40", "10").orderId();
        String cop = f.place("A", req(Side.BID, "0.30", "10").withCancelOnPause(true)).orderId();
        f.ex.setTradingPaused(true, f.now);
        assertTrue(!f.ex.tradingActive() && f.ex.exchangeActive());
        assertEquals(OrderStatus.CANCELED, f.order("A", cop).status());
        assertEquals(ExchangeError.TRADING_IS_PAUSED, f.place("A", Side.BID, "0.40", "1").error());
        assertEquals(ExchangeError.TRADING_IS_PAUSED, f.ex.amendOrder("A", id, AmendRequest.of(M, Side.BID, 4100, 1000), f.now).error());
        assertTrue(f.ex.decreaseOrder("A", id, DecreaseRequest.by(n("1")), f.now).ok());
        f.ex.setTradingPaused(false, f.now);
        f.ex.setExchangePaused(true, f.now);
        assertEquals(ExchangeError.EXCHANGE_PAUSED, f.place("A", Side.BID, "0.40", "1").error());
        assertEquals(ExchangeError.EXCHANGE_PAUSED, f.ex.cancelOrder("A", id, f.now).error());
        f.ex.setExchangePaused(false, f.now);
        assertTrue(f.ex.cancelOrder("A", id, f.now).ok());
    }

    @Test
    void closeTimeCanMoveEarlierOrReopen() {
        f.rec.clear();
        f.ex.updateCloseTime(M, 2_000, f.now);
        f.ex.advanceTime(2_000);
        assertEquals(MarketStatus.CLOSED, f.ex.findMarket(M).orElseThrow().status());
        f.ex.updateCloseTime(M, 50_000, 3_000);
        assertEquals(MarketStatus.OPEN, f.ex.findMarket(M).orElseThrow().status());
        assertEquals(List.of(LifecycleKind.CLOSE_DATE_UPDATED, LifecycleKind.CLOSED, LifecycleKind.CLOSE_DATE_UPDATED, LifecycleKind.ACTIVATED), kinds());
        assertTrue(f.ex.createOrder("A", req(Side.BID, "0.40", "1"), 3_000).ok());
        f.ex.advanceTime(50_000);
        f.ex.determine(M, MarketResult.YES, 0, 50_000);
        assertThrows(IllegalStateException.class, () -> f.ex.updateCloseTime(M, 60_000, 50_000));
    }

    @Test
    void determinationNeedsAClosedMarket() {
        assertThrows(IllegalStateException.class, () -> f.ex.determine(M, MarketResult.YES, 0, f.now));
        f.ex.advanceTime(Fixture.CLOSE);
        assertThrows(IllegalArgumentException.class, () -> f.ex.determine(M, MarketResult.SCALAR, 10_001, Fixture.CLOSE));
        f.ex.determine(M, MarketResult.SCALAR, px("0.25"), Fixture.CLOSE);
        MarketState m = f.ex.findMarket(M).orElseThrow();
        assertEquals(MarketStatus.DETERMINED, m.status());
        assertEquals(MarketResult.SCALAR, m.result());
        assertEquals(px("0.25"), m.settlementValue());
        MarketLifecycle last = f.rec.lifecycle.get(f.rec.lifecycle.size() - 1);
        assertEquals(LifecycleKind.DETERMINED, last.kind());
        assertEquals(px("0.25"), last.settlementValue());
    }

    @Test
    void timeNeverRunsBackwards() {
        f.ex.advanceTime(5_000);
        OrderResult r = f.ex.createOrder("A", req(Side.BID, "0.40", "1"), 10);
        assertEquals(5_000, r.tsMs());
        assertEquals(5_000, r.order().createdMs());
    }
}

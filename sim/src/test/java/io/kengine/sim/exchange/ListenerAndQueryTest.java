package io.kengine.sim.exchange;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.kengine.sim.exchange.Fixture.M;
import static io.kengine.sim.exchange.Fixture.SUB;
import static io.kengine.sim.exchange.Fixture.n;
import static io.kengine.sim.exchange.Fixture.px;
import static io.kengine.sim.exchange.Fixture.req;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the listener sees and in which order; snapshots; pagination; determinism. */
class ListenerAndQueryTest {
    private final Fixture f = new Fixture();

    @Test
    void aCrossingOrderPublishesInAFixedOrder() {
        f.place("B", Side.ASK, "0.45", "2");
        f.place("C", Side.ASK, "0.46", "2");
        f.rec.clear();
        f.place("A", req(Side.BID, "0.46", "5").withClientOrderId("mine"));
        assertEquals(List.of(
            "Trade", "BookDelta", "Fill", "Fill", "OrderState", "PositionState", "PositionState",
            "Trade", "BookDelta", "Fill", "Fill", "OrderState", "PositionState", "PositionState",
            "BookDelta", "OrderState"), f.rec.kinds());
        Trade t = f.rec.trades.get(0);
        assertEquals(px("0.45"), t.yesPrice());
        assertEquals(px("0.55"), t.noPrice());
        assertEquals(Side.BID, t.takerSide());
        assertEquals(Ladder.YES, t.takerOutcomeSide());
        BookDelta makerDelta = f.rec.deltas.get(0);
        assertEquals(Ladder.NO, makerDelta.ladder());
        assertEquals(px("0.55"), makerDelta.ladderPrice());
        assertEquals(-n("2"), makerDelta.delta());
        assertEquals(0, makerDelta.levelSize());
        assertEquals("B", makerDelta.accountId());
        BookDelta rest = f.rec.deltas.get(2);
        assertEquals(Ladder.YES, rest.ladder());
        assertEquals(n("1"), rest.delta());
        assertEquals("mine", rest.clientOrderId());
        OrderState last = f.rec.orders.get(f.rec.orders.size() - 1);
        assertEquals("A", last.accountId());
        assertEquals(OrderStatus.RESTING, last.status());
        assertEquals(n("4"), last.fillCount());
        assertEquals(UpdateReason.FILLED, last.lastUpdateReason());
    }

    @Test
    void asksShowAsNoBidsAtOneMinusThePrice() {
        f.place("A", Side.BID, "0.40", "10");
        f.place("A", Side.BID, "0.42", "5");
        f.place("B", Side.ASK, "0.60", "3");
        f.place("B", Side.ASK, "0.65", "4");
        BookSnapshot s = f.ex.book(M, 0).orElseThrow();
        assertEquals(List.of(new BookLevel(px("0.40"), n("10")), new BookLevel(px("0.42"), n("5"))), s.yes());
        assertEquals(List.of(new BookLevel(px("0.35"), n("4")), new BookLevel(px("0.40"), n("3"))), s.no());
        BookSnapshot top = f.ex.book(M, 1).orElseThrow();
        assertEquals(List.of(new BookLevel(px("0.42"), n("5"))), top.yes());
        assertEquals(List.of(new BookLevel(px("0.40"), n("3"))), top.no());
        assertTrue(f.ex.book("NOPE", 0).isEmpty());
        MarketState m = f.ex.findMarket(M).orElseThrow();
        assertEquals(px("0.42"), m.bestBid());
        assertEquals(n("5"), m.bestBidSize());
        assertEquals(px("0.60"), m.bestAsk());
        assertEquals(n("3"), m.bestAskSize());
        assertEquals(MarketState.NO_PRICE, m.lastPrice());
    }

    @Test
    void ordersPageNewestFirstWithFilters() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            String ticker = i % 2 == 0 ? M : SUB;
            ids.add(f.ex.createOrder("A", OrderRequest.of(ticker, Side.BID, px("0.10") + 100L * (i % 5), n("1")), f.now + i).orderId());
        }
        f.ex.cancelOrder("A", ids.get(3), f.now + 30);
        Page<OrderState> p1 = f.ex.orders("A", OrderFilter.ALL, null, 10);
        assertEquals(10, p1.items().size());
        assertEquals(ids.get(24), p1.items().get(0).orderId());
        Page<OrderState> p2 = f.ex.orders("A", OrderFilter.ALL, p1.cursor(), 10);
        Page<OrderState> p3 = f.ex.orders("A", OrderFilter.ALL, p2.cursor(), 10);
        assertEquals(5, p3.items().size());
        assertNull(p3.cursor());
        assertEquals(ids.get(0), p3.items().get(4).orderId());
        // a new order does not shift the pages after the first
        f.ex.createOrder("A", OrderRequest.of(M, Side.BID, px("0.10"), n("1")), f.now + 40);
        assertEquals(p2.items(), f.ex.orders("A", OrderFilter.ALL, p1.cursor(), 10).items());

        Page<OrderState> m = f.ex.orders("A", OrderFilter.ticker(M), null, 100);
        assertEquals(14, m.items().size());
        assertTrue(m.items().stream().allMatch(o -> o.ticker().equals(M)));
        Page<OrderState> canceled = f.ex.orders("A", OrderFilter.status(OrderStatus.CANCELED), null, 100);
        assertEquals(List.of(ids.get(3)), canceled.items().stream().map(OrderState::orderId).toList());
        Page<OrderState> byEvent = f.ex.orders("A", new OrderFilter(null, "KXSUB-26DEC31", OrderStatus.RESTING, f.now + 5, f.now + 9), null, 100);
        assertEquals(List.of(ids.get(9), ids.get(7), ids.get(5)), byEvent.items().stream().map(OrderState::orderId).toList());
        Page<OrderState> exact = f.ex.orders("A", OrderFilter.ticker(SUB), null, 12);
        assertNull(exact.cursor(), "no cursor when nothing is left");
        assertThrows(IllegalArgumentException.class, () -> f.ex.orders("A", OrderFilter.ALL, "garbage", 10));
        assertTrue(f.ex.orders("B", OrderFilter.ALL, null, 10).items().isEmpty());
    }

    @Test
    void fillsPageNewestFirst() {
        String ask = f.place("B", Side.ASK, "0.50", "10").orderId();
        for (int i = 0; i < 5; i++) {
            f.place("A", Side.BID, "0.50", "1");
        }
        Page<Fill> a = f.ex.fills("A", FillFilter.ALL, null, 3);
        assertEquals(3, a.items().size());
        assertTrue(a.items().get(0).sequence() > a.items().get(1).sequence());
        Page<Fill> rest = f.ex.fills("A", FillFilter.ALL, a.cursor(), 3);
        assertEquals(2, rest.items().size());
        assertNull(rest.cursor());
        assertEquals(5, f.ex.fills("B", FillFilter.order(ask), null, 100).items().size());
        assertEquals(0, f.ex.fills("B", FillFilter.ticker(SUB), null, 100).items().size());
    }

    @Test
    void positionsAndAccountQueries() {
        f.place("B", Side.ASK, "0.50", "2");
        f.place("A", Side.BID, "0.50", "2");
        f.ex.createOrder("A", OrderRequest.of(SUB, Side.BID, px("0.05"), n("1")), f.now);
        List<PositionState> ps = f.ex.positions("A");
        assertEquals(List.of(SUB, M), ps.stream().map(PositionState::ticker).toList(), "by ticker");
        assertEquals(0, ps.get(0).position());
        assertEquals(n("2"), ps.get(1).position());
        AccountState s = f.ex.accountState("A");
        assertEquals(s.cashMicros() - s.reservedMicros(), s.availableMicros());
        assertThrows(IllegalArgumentException.class, () -> f.ex.accountState("nobody"));
        assertThrows(IllegalArgumentException.class, () -> f.ex.openAccount("A", AccountPrecision.CENT));
        assertEquals(List.of("A", "B", "C"), f.ex.accountIds());
    }

    @Test
    void sameSeedSameCallsSameEvents() {
        List<String> first = run();
        List<String> second = run();
        assertEquals(first, second);
        assertTrue(first.size() > 50);
    }

    private static List<String> run() {
        Fixture g = new Fixture();
        for (int i = 0; i < 20; i++) {
            g.place(i % 2 == 0 ? "A" : "B", i % 3 == 0 ? Side.BID : Side.ASK, i % 3 == 0 ? "0.51" : "0.49", "1.5");
        }
        g.ex.advanceTime(Fixture.CLOSE);
        g.ex.determine(M, MarketResult.YES, 0, Fixture.CLOSE);
        g.ex.settle(M, Fixture.CLOSE);
        List<String> out = new ArrayList<>();
        for (Object o : g.rec.all) {
            out.add(o.toString());
        }
        return out;
    }
}

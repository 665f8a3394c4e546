package io.kengine.sim.exchange;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kengine.sim.exchange.Fixture.M;
import static io.kengine.sim.exchange.Fixture.n;
import static io.kengine.sim.exchange.Fixture.px;
import static io.kengine.sim.exchange.Fixture.req;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cancel, batch cancel, decrease and amend, with their priority rules. */
class ModifyOrderTest {
    private final Fixture f = new Fixture();

    private List<String> bidQueue(String price) {
        return f.ex.queue(M, Side.BID, px(price));
    }

    @Test
    void cancelReportsWhatWasResting() {
        f.place("B", Side.ASK, "0.40", "3");
        String id = f.place("A", Side.BID, "0.40", "10").orderId(); // 3 filled, 7 rest
        ReduceResult r = f.ex.cancelOrder("A", id, f.now);
        assertTrue(r.ok());
        assertEquals(n("7"), r.reducedBy());
        assertEquals(OrderStatus.CANCELED, r.order().status());
        assertEquals(0, r.order().remainingCount());
        assertEquals(n("3"), r.order().fillCount());
        assertEquals(0, f.reserved("A"));
        ReduceResult again = f.ex.cancelOrder("A", id, f.now);
        assertTrue(again.ok());
        assertEquals(0, again.reducedBy());
    }

    @Test
    void cancelUnknownOrSomeoneElsesOrderIsNotFound() {
        String id = f.place("A", Side.BID, "0.40", "1").orderId();
        assertEquals(ExchangeError.ORDER_NOT_FOUND, f.ex.cancelOrder("B", id, f.now).error());
        assertEquals(ExchangeError.ORDER_NOT_FOUND, f.ex.cancelOrder("A", "no-such-id", f.now).error());
        assertEquals(404, ExchangeError.ORDER_NOT_FOUND.httpStatus());
        assertEquals(OrderStatus.RESTING, f.order("A", id).status());
    }

    @Test
    void batchCancelAnswersPerOrder() {
        String a = f.place("A", Side.BID, "0.40", "1").orderId();
        String b = f.place("A", Side.BID, "0.41", "2").orderId();
        String other = f.place("B", Side.BID, "0.39", "1").orderId();
        List<ReduceResult> rs = f.ex.batchCancel("A", List.of(a, other, b, a), f.now);
        assertEquals(n("1"), rs.get(0).reducedBy());
        assertEquals(ExchangeError.ORDER_NOT_FOUND, rs.get(1).error());
        assertEquals(n("2"), rs.get(2).reducedBy());
        assertEquals(0, rs.get(3).reducedBy());
    }

    @Test
    void decreaseKeepsQueuePriority() {
        String a = f.place("A", Side.BID, "0.40", "10").orderId();
        String b = f.place("B", Side.BID, "0.40", "10").orderId();
        ReduceResult r = f.ex.decreaseOrder("A", a, DecreaseRequest.by(n("4")), f.now);
        assertEquals(n("4"), r.reducedBy());
        assertEquals(n("6"), r.remainingCount());
        assertEquals(UpdateReason.DECREASED, r.order().lastUpdateReason());
        assertEquals(List.of(a, b), bidQueue("0.40"));
        r = f.ex.decreaseOrder("A", a, DecreaseRequest.to(n("2")), f.now);
        assertEquals(n("4"), r.reducedBy());
        assertEquals(n("2"), r.remainingCount());
        assertEquals(List.of(a, b), bidQueue("0.40"));
        assertEquals(n("12"), f.ex.book(M, 0).orElseThrow().yes().get(0).count());
        BookDelta last = f.rec.deltas.get(f.rec.deltas.size() - 1);
        assertEquals(-n("4"), last.delta());
        assertEquals(UpdateReason.DECREASED, last.reason());
    }

    @Test
    void decreaseEdgeCases() {
        String a = f.place("A", Side.BID, "0.40", "10").orderId();
        assertEquals(ExchangeError.DECREASE_ONE_OF, f.ex.decreaseOrder("A", a, new DecreaseRequest(100, 100), f.now).error());
        assertEquals(ExchangeError.DECREASE_ONE_OF, f.ex.decreaseOrder("A", a, new DecreaseRequest(-1, -1), f.now).error());
        assertEquals(ExchangeError.DECREASE_ONE_OF, f.ex.decreaseOrder("A", a, DecreaseRequest.by(0), f.now).error());
        assertEquals(0, f.ex.decreaseOrder("A", a, DecreaseRequest.to(n("20")), f.now).reducedBy(), "reduce_to above remaining changes nothing");
        ReduceResult all = f.ex.decreaseOrder("A", a, DecreaseRequest.by(n("50")), f.now);
        assertEquals(n("10"), all.reducedBy());
        assertEquals(OrderStatus.CANCELED, all.order().status());
        assertEquals(0, f.ex.decreaseOrder("A", a, DecreaseRequest.by(1), f.now).reducedBy());
    }

    @Test
    void amendPriceLosesPriority() {
        String a = f.place("A", Side.BID, "0.40", "10").orderId();
        String b = f.place("B", Side.BID, "0.41", "10").orderId();
        OrderResult r = f.ex.amendOrder("A", a, AmendRequest.of(M, Side.BID, px("0.41"), n("10")), f.now);
        assertTrue(r.ok());
        assertEquals(px("0.41"), r.order().price());
        assertEquals(UpdateReason.AMENDED, r.order().lastUpdateReason());
        assertEquals(List.of(b, a), bidQueue("0.41"));
        assertTrue(bidQueue("0.40").isEmpty());
    }

    @Test
    void amendSizeUpLosesPrioritySizeDownKeepsIt() {
        String a = f.place("A", Side.BID, "0.40", "10").orderId();
        String b = f.place("B", Side.BID, "0.40", "10").orderId();
        f.ex.amendOrder("A", a, AmendRequest.of(M, Side.BID, px("0.40"), n("8")), f.now);
        assertEquals(List.of(a, b), bidQueue("0.40"));
        assertEquals(n("8"), f.order("A", a).remainingCount());
        f.ex.amendOrder("A", a, AmendRequest.of(M, Side.BID, px("0.40"), n("9")), f.now);
        assertEquals(List.of(b, a), bidQueue("0.40"));
        f.rec.clear();
        OrderResult same = f.ex.amendOrder("A", a, AmendRequest.of(M, Side.BID, px("0.40"), n("9")), f.now);
        assertTrue(same.ok());
        assertTrue(f.rec.all.isEmpty(), "an amend that changes nothing publishes nothing");
    }

    @Test
    void amendCountIsTheNewTotalIncludingFills() {
        f.place("B", Side.ASK, "0.40", "4");
        String a = f.place("A", Side.BID, "0.40", "10").orderId(); // filled 4, resting 6
        OrderResult r = f.ex.amendOrder("A", a, AmendRequest.of(M, Side.BID, px("0.40"), n("7")), f.now);
        assertEquals(n("3"), r.remainingCount());
        assertEquals(n("4"), r.order().fillCount());
        assertEquals(ExchangeError.AMEND_COUNT_NOT_ABOVE_FILLED,
            f.ex.amendOrder("A", a, AmendRequest.of(M, Side.BID, px("0.40"), n("4")), f.now).error());
    }

    @Test
    void amendThatCrossesTrades() {
        f.place("B", Side.ASK, "0.45", "3");
        String a = f.place("A", Side.BID, "0.40", "5").orderId();
        OrderResult r = f.ex.amendOrder("A", a, AmendRequest.of(M, Side.BID, px("0.46"), n("5")), f.now);
        assertEquals(n("3"), r.fillCount());
        assertEquals(Fixture.usd("1.35"), r.fillNotionalMicros());
        assertEquals(n("2"), r.remainingCount());
        assertEquals(px("0.46"), r.order().price());
        assertEquals(List.of(new BookLevel(px("0.46"), n("2"))), f.ex.book(M, 0).orElseThrow().yes());
        assertTrue(f.rec.fills.stream().anyMatch(x -> x.taker() && x.orderId().equals(a)));
    }

    @Test
    void amendOfPostOnlyThatWouldCrossIsRejected() {
        f.place("B", Side.ASK, "0.45", "3");
        String a = f.place("A", req(Side.BID, "0.40", "5").withPostOnly(true)).orderId();
        assertEquals(ExchangeError.POST_ONLY_CROSS, f.ex.amendOrder("A", a, AmendRequest.of(M, Side.BID, px("0.45"), n("5")), f.now).error());
        assertEquals(px("0.40"), f.order("A", a).price());
    }

    @Test
    void amendMismatchesAndState() {
        String a = f.place("A", req(Side.BID, "0.40", "5").withClientOrderId("c1")).orderId();
        f.place("A", req(Side.BID, "0.30", "5").withClientOrderId("c2"));
        assertEquals(ExchangeError.ORDER_TICKER_MISMATCH, f.ex.amendOrder("A", a, AmendRequest.of(Fixture.SUB, Side.BID, 4000, 500), f.now).error());
        assertEquals(ExchangeError.ORDER_SIDE_MISMATCH, f.ex.amendOrder("A", a, AmendRequest.of(M, Side.ASK, 4000, 500), f.now).error());
        assertEquals(ExchangeError.ORDER_ID_AND_CLIENT_ORDER_ID_MISMATCH,
            f.ex.amendOrder("A", a, AmendRequest.of(M, Side.BID, 4000, 600).withClientOrderIds("c2", null), f.now).error());
        assertEquals(ExchangeError.ORDER_ALREADY_EXISTS,
            f.ex.amendOrder("A", a, AmendRequest.of(M, Side.BID, 4000, 600).withClientOrderIds("c1", "c2"), f.now).error());
        assertEquals(ExchangeError.PRICE_NOT_ON_GRID, f.ex.amendOrder("A", a, AmendRequest.of(M, Side.BID, 4050, 500), f.now).error());
        assertEquals(ExchangeError.ORDER_NOT_FOUND, f.ex.amendOrder("B", a, AmendRequest.of(M, Side.BID, 4000, 500), f.now).error());
        OrderResult ok = f.ex.amendOrder("A", a, AmendRequest.of(M, Side.BID, 4100, 500).withClientOrderIds("c1", "c3"), f.now);
        assertEquals("c3", ok.order().clientOrderId());
        assertEquals(ExchangeError.ORDER_ALREADY_EXISTS, f.place("A", req(Side.BID, "0.20", "1").withClientOrderId("c3")).error());
        f.ex.cancelOrder("A", a, f.now);
        assertEquals(ExchangeError.ORDER_NOT_RESTING, f.ex.amendOrder("A", a, AmendRequest.of(M, Side.BID, 4100, 500), f.now).error());
    }

    @Test
    void amendNeedsBalanceForTheIncrease() {
        f.ex.openAccount("D", AccountPrecision.CENT);
        f.ex.deposit("D", io.kengine.protocol.units.FixedPoint.parseMoney("5"));
        String a = f.place("D", Side.BID, "0.40", "10").orderId(); // 4.00 + 0.168
        assertEquals(ExchangeError.AVAILABLE_BALANCE_TOO_LOW, f.ex.amendOrder("D", a, AmendRequest.of(M, Side.BID, px("0.50"), n("10")), f.now).error());
        assertTrue(f.ex.amendOrder("D", a, AmendRequest.of(M, Side.BID, px("0.45"), n("10")), f.now).ok()); // 4.50 + 0.1733
        assertTrue(f.ex.amendOrder("D", a, AmendRequest.of(M, Side.BID, px("0.10"), n("40")), f.now).ok()); // 4.00 + 0.252
        assertNull(f.ex.amendOrder("D", a, AmendRequest.of(M, Side.BID, px("0.05"), n("10")), f.now).error());
    }
}

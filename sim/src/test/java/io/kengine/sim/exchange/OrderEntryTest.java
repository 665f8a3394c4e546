package io.kengine.sim.exchange;

import io.kengine.protocol.units.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.kengine.sim.exchange.Fixture.M;
import static io.kengine.sim.exchange.Fixture.SUB;
import static io.kengine.sim.exchange.Fixture.n;
import static io.kengine.sim.exchange.Fixture.px;
import static io.kengine.sim.exchange.Fixture.req;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Create, TIFs, post-only, reduce-only, self-trade prevention, validation errors, batches. */
class OrderEntryTest {
    private final Fixture f = new Fixture();

    private void assertRejected(ExchangeError expected, OrderResult r) {
        assertEquals(expected, r.error());
        assertNull(r.order());
    }

    @Test
    void goodTillCanceledRestsAndShowsInTheBook() {
        OrderResult r = f.place("A", req(Side.BID, "0.40", "10").withClientOrderId("c1"));
        assertTrue(r.ok());
        OrderState o = r.order();
        assertEquals(OrderStatus.RESTING, o.status());
        assertEquals(n("10"), o.remainingCount());
        assertEquals(0, o.fillCount());
        assertEquals(0, r.fillCount());
        assertEquals("c1", o.clientOrderId());
        assertEquals(List.of(new BookLevel(px("0.40"), n("10"))), f.ex.book(M, 0).orElseThrow().yes());
        BookDelta d = f.rec.deltas.get(0);
        assertEquals(Ladder.YES, d.ladder());
        assertEquals(px("0.40"), d.ladderPrice());
        assertEquals(n("10"), d.delta());
        assertEquals("A", d.accountId());
        assertEquals("c1", d.clientOrderId());
    }

    @Test
    void priceTimePriorityAndMakerPrice() {
        String b1 = f.place("B", Side.ASK, "0.45", "5").orderId();
        String c1 = f.place("C", Side.ASK, "0.45", "5").orderId();
        String b2 = f.place("B", Side.ASK, "0.44", "1").orderId();
        f.rec.clear();
        OrderResult r = f.place("A", Side.BID, "0.46", "8");
        assertEquals(n("8"), r.fillCount());
        assertEquals(OrderStatus.EXECUTED, r.order().status());
        List<Fill> taker = f.rec.fills.stream().filter(Fill::taker).toList();
        assertEquals(3, taker.size());
        assertEquals(List.of(px("0.44"), px("0.45"), px("0.45")), taker.stream().map(Fill::yesPrice).toList());
        assertEquals(List.of(n("1"), n("5"), n("2")), taker.stream().map(Fill::count).toList());
        List<String> makers = f.rec.fills.stream().filter(x -> !x.taker()).map(Fill::orderId).toList();
        assertEquals(List.of(b2, b1, c1), makers);
        assertEquals(n("3"), f.order("C", c1).remainingCount());
        // notional for the REST reply's average_fill_price: 0.44 + 5 x 0.45 + 2 x 0.45 = 3.59
        assertEquals(Fixture.usd("3.59"), r.fillNotionalMicros());
    }

    @Test
    void immediateOrCancelCancelsTheRemainder() {
        f.place("B", Side.ASK, "0.50", "3");
        OrderResult r = f.place("A", req(Side.BID, "0.50", "5").withTimeInForce(TimeInForce.IMMEDIATE_OR_CANCEL));
        assertEquals(n("3"), r.fillCount());
        assertEquals(OrderStatus.CANCELED, r.order().status());
        assertEquals(0, r.remainingCount());
        assertEquals(n("3"), r.order().fillCount());
        assertEquals(UpdateReason.IOC_REMAINDER_CANCELED, r.order().lastUpdateReason());
        assertTrue(f.ex.book(M, 0).orElseThrow().yes().isEmpty(), "an IoC never rests");
        OrderResult none = f.place("A", req(Side.BID, "0.50", "5").withTimeInForce(TimeInForce.IMMEDIATE_OR_CANCEL));
        assertEquals(0, none.fillCount());
        assertEquals(OrderStatus.CANCELED, none.order().status());
    }

    @Test
    void immediateOrCancelFullyFilledIsExecuted() {
        f.place("B", Side.ASK, "0.50", "5");
        OrderResult r = f.place("A", req(Side.BID, "0.55", "5").withTimeInForce(TimeInForce.IMMEDIATE_OR_CANCEL));
        assertEquals(OrderStatus.EXECUTED, r.order().status());
    }

    @Test
    void fillOrKillWithoutEnoughVolumeTradesNothing() {
        String b = f.place("B", Side.ASK, "0.50", "3").orderId();
        f.place("C", Side.ASK, "0.56", "9"); // beyond the limit
        f.rec.clear();
        OrderResult r = f.place("A", req(Side.BID, "0.55", "5").withTimeInForce(TimeInForce.FILL_OR_KILL));
        assertTrue(r.ok(), "a killed FoK is an accepted order that ends canceled");
        assertEquals(0, r.fillCount());
        assertEquals(OrderStatus.CANCELED, r.order().status());
        assertEquals(UpdateReason.FOK_INSUFFICIENT_VOLUME, r.order().lastUpdateReason());
        assertTrue(f.rec.fills.isEmpty());
        assertEquals(n("3"), f.order("B", b).remainingCount());
    }

    @Test
    void fillOrKillFillsCompletelyAcrossLevels() {
        f.place("B", Side.ASK, "0.50", "3");
        f.place("C", Side.ASK, "0.55", "2");
        OrderResult r = f.place("A", req(Side.BID, "0.55", "5").withTimeInForce(TimeInForce.FILL_OR_KILL));
        assertEquals(n("5"), r.fillCount());
        assertEquals(OrderStatus.EXECUTED, r.order().status());
    }

    @Test
    void fillOrKillDoesNotCountOwnOrders() {
        f.place("A", Side.ASK, "0.50", "5");
        f.place("B", Side.ASK, "0.51", "2");
        OrderResult r = f.place("A", req(Side.BID, "0.55", "5").withTimeInForce(TimeInForce.FILL_OR_KILL)
            .withSelfTradePrevention(SelfTradePrevention.MAKER));
        assertEquals(0, r.fillCount());
        assertEquals(UpdateReason.FOK_INSUFFICIENT_VOLUME, r.order().lastUpdateReason());
        assertEquals(2, f.ex.book(M, 0).orElseThrow().no().size(), "nothing was touched");
    }

    @Test
    void postOnlyCrossIsRejectedNotRepriced() {
        f.place("B", Side.ASK, "0.50", "3");
        OrderResult r = f.place("A", req(Side.BID, "0.50", "1").withPostOnly(true));
        assertRejected(ExchangeError.POST_ONLY_CROSS, r);
        assertEquals("invalid_order", ExchangeError.POST_ONLY_CROSS.code());
        assertEquals("post only cross", ExchangeError.POST_ONLY_CROSS.details());
        assertEquals(400, ExchangeError.POST_ONLY_CROSS.httpStatus());
        assertTrue(f.ex.orders("A", OrderFilter.ALL, null, 10).items().isEmpty(), "no order was created");
        OrderResult ok = f.place("A", req(Side.BID, "0.49", "1").withPostOnly(true));
        assertEquals(OrderStatus.RESTING, ok.order().status());
        assertTrue(ok.order().postOnly());
        // a post-only ask crossing own bid is a cross too
        assertRejected(ExchangeError.POST_ONLY_CROSS, f.place("A", req(Side.ASK, "0.49", "1").withPostOnly(true)));
    }

    @Test
    void postOnlyNeedsGoodTillCanceled() {
        assertRejected(ExchangeError.POST_ONLY_NOT_GTC,
            f.place("A", req(Side.BID, "0.40", "1").withPostOnly(true).withTimeInForce(TimeInForce.IMMEDIATE_OR_CANCEL)));
        assertRejected(ExchangeError.POST_ONLY_NOT_GTC,
            f.place("A", req(Side.BID, "0.40", "1").withPostOnly(true).withTimeInForce(TimeInForce.FILL_OR_KILL)));
    }

    @Test
    void reduceOnlyIsCappedByThePosition() {
        assertRejected(ExchangeError.REDUCE_ONLY_WOULD_INCREASE, f.place("A", req(Side.ASK, "0.60", "1").withReduceOnly(true)));
        assertRejected(ExchangeError.REDUCE_ONLY_WOULD_INCREASE, f.place("A", req(Side.BID, "0.40", "1").withReduceOnly(true)));
        f.place("B", Side.ASK, "0.40", "5");
        f.place("A", Side.BID, "0.40", "5"); // A long 5
        assertEquals(n("5"), f.position("A"));
        OrderResult r = f.place("A", req(Side.ASK, "0.60", "10").withReduceOnly(true));
        assertEquals(n("5"), r.order().initialCount());
        assertEquals(n("5"), r.order().remainingCount());
        assertTrue(r.order().reduceOnly());
        assertRejected(ExchangeError.REDUCE_ONLY_WOULD_INCREASE, f.place("A", req(Side.BID, "0.30", "1").withReduceOnly(true)));
        // short side: B is short 5, a reduce-only bid is capped at 5 and fills against A's ask
        OrderResult cover = f.place("B", req(Side.BID, "0.60", "9").withReduceOnly(true));
        assertEquals(n("5"), cover.fillCount());
        assertEquals(0, f.position("B"));
    }

    @Test
    void selfTradeTakerAtCrossKeepsEarlierFills() {
        f.place("B", Side.ASK, "0.49", "1");
        String own = f.place("A", Side.ASK, "0.50", "2").orderId();
        String c = f.place("C", Side.ASK, "0.50", "2").orderId();
        OrderResult r = f.place("A", req(Side.BID, "0.50", "5"));
        assertEquals(n("1"), r.fillCount());
        assertEquals(OrderStatus.CANCELED, r.order().status());
        assertEquals(0, r.order().remainingCount());
        assertEquals(n("1"), r.order().fillCount());
        assertEquals(UpdateReason.SELF_TRADE_TAKER_CANCELED, r.order().lastUpdateReason());
        assertEquals(OrderStatus.RESTING, f.order("A", own).status());
        assertEquals(n("2"), f.order("C", c).remainingCount());
    }

    @Test
    void selfTradeMakerCancelsTheRestingOrderAndContinues() {
        f.place("B", Side.ASK, "0.49", "1");
        String own = f.place("A", Side.ASK, "0.50", "2").orderId();
        f.place("C", Side.ASK, "0.50", "2");
        OrderResult r = f.place("A", req(Side.BID, "0.50", "5").withSelfTradePrevention(SelfTradePrevention.MAKER));
        assertEquals(n("3"), r.fillCount());
        assertEquals(OrderStatus.RESTING, r.order().status());
        assertEquals(n("2"), r.order().remainingCount());
        OrderState canceled = f.order("A", own);
        assertEquals(OrderStatus.CANCELED, canceled.status());
        assertEquals(UpdateReason.SELF_TRADE_MAKER_CANCELED, canceled.lastUpdateReason());
        assertEquals(List.of(new BookLevel(px("0.50"), n("2"))), f.ex.book(M, 0).orElseThrow().yes());
        assertTrue(f.ex.book(M, 0).orElseThrow().no().isEmpty());
    }

    @Test
    void selfTradePreventionNeverTradesWithOneself() {
        f.place("A", Side.ASK, "0.50", "2");
        OrderResult r = f.place("A", req(Side.BID, "0.60", "2").withTimeInForce(TimeInForce.IMMEDIATE_OR_CANCEL));
        assertEquals(0, r.fillCount());
        assertTrue(f.rec.fills.isEmpty());
    }

    @Test
    void expirationCancelsAtItsTime() {
        long exp = (f.now / 1000) + 5; // seconds
        OrderResult r = f.place("A", req(Side.BID, "0.40", "1").withExpirationTimeSeconds(exp));
        assertEquals(exp, r.order().expirationTimeSeconds());
        f.ex.advanceTime(exp * 1000 - 1);
        assertEquals(OrderStatus.RESTING, f.order("A", r.orderId()).status());
        f.ex.advanceTime(exp * 1000);
        OrderState o = f.order("A", r.orderId());
        assertEquals(OrderStatus.CANCELED, o.status());
        assertEquals(UpdateReason.EXPIRED, o.lastUpdateReason());
        assertTrue(f.ex.book(M, 0).orElseThrow().yes().isEmpty());
        assertEquals(0, f.reserved("A"));
    }

    @Test
    void expiredOrdersNeverTradeEvenWithoutAnExplicitClockTick() {
        long exp = (f.now / 1000) + 5;
        f.place("A", req(Side.BID, "0.40", "1").withExpirationTimeSeconds(exp));
        OrderResult r = f.ex.createOrder("B", req(Side.ASK, "0.40", "1"), exp * 1000 + 1);
        assertEquals(0, r.fillCount());
        assertEquals(OrderStatus.RESTING, r.order().status());
    }

    @Test
    void expirationRules() {
        long future = f.now / 1000 + 60;
        assertRejected(ExchangeError.EXPIRATION_WITH_IMMEDIATE_TIF, f.place("A",
            req(Side.BID, "0.40", "1").withTimeInForce(TimeInForce.IMMEDIATE_OR_CANCEL).withExpirationTimeSeconds(future)));
        assertRejected(ExchangeError.EXPIRATION_WITH_IMMEDIATE_TIF, f.place("A",
            req(Side.BID, "0.40", "1").withTimeInForce(TimeInForce.FILL_OR_KILL).withExpirationTimeSeconds(future)));
        assertRejected(ExchangeError.EXPIRATION_IN_PAST, f.place("A", req(Side.BID, "0.40", "1").withExpirationTimeSeconds(1)));
        assertRejected(ExchangeError.EXPIRATION_IN_PAST, f.place("A", req(Side.BID, "0.40", "1").withExpirationTimeSeconds(f.now / 1000)));
    }

    @Test
    void validationErrors() {
        assertRejected(ExchangeError.MARKET_NOT_FOUND, f.ex.createOrder("A", OrderRequest.of("NOPE", Side.BID, 4000, 100), f.now));
        assertEquals(404, ExchangeError.MARKET_NOT_FOUND.httpStatus());
        assertRejected(ExchangeError.INVALID_ORDER_SIZE, f.place("A", Side.BID, "0.40", "0"));
        assertRejected(ExchangeError.INVALID_ORDER_SIZE, f.ex.createOrder("A", OrderRequest.of(M, Side.BID, 4000, FixedPoint.MAX_COUNT + 1), f.now));
        assertRejected(ExchangeError.PRICE_OUT_OF_RANGE, f.place("A", Side.BID, "0", "1"));
        assertRejected(ExchangeError.PRICE_OUT_OF_RANGE, f.place("A", Side.BID, "1", "1"));
        assertRejected(ExchangeError.PRICE_OUT_OF_RANGE, f.ex.createOrder("A", OrderRequest.of(M, Side.BID, -5, 1), f.now));
        assertRejected(ExchangeError.PRICE_NOT_ON_GRID, f.place("A", Side.BID, "0.405", "1"));
        // tapered deci-cent: $0.001 below 0.10 and above 0.90, $0.01 between
        assertTrue(f.ex.createOrder("A", OrderRequest.of(SUB, Side.BID, px("0.055"), 100), f.now).ok());
        assertTrue(f.ex.createOrder("A", OrderRequest.of(SUB, Side.BID, px("0.10"), 100), f.now).ok());
        assertRejected(ExchangeError.PRICE_NOT_ON_GRID, f.ex.createOrder("A", OrderRequest.of(SUB, Side.BID, px("0.155"), 100), f.now));
        assertRejected(ExchangeError.PRICE_NOT_ON_GRID, f.ex.createOrder("A", OrderRequest.of(SUB, Side.BID, px("0.0555"), 100), f.now));
        assertTrue(f.ex.createOrder("A", OrderRequest.of(SUB, Side.ASK, px("0.995"), 100), f.now).ok());
        // fractional counts down to 0.01
        assertTrue(f.place("A", Side.BID, "0.30", "0.01").ok());
    }

    @Test
    void duplicateClientOrderIdIsAConflictPerAccount() {
        String id = f.place("A", req(Side.BID, "0.40", "1").withClientOrderId("dup")).orderId();
        OrderResult again = f.place("A", req(Side.BID, "0.41", "1").withClientOrderId("dup"));
        assertRejected(ExchangeError.ORDER_ALREADY_EXISTS, again);
        assertEquals(409, ExchangeError.ORDER_ALREADY_EXISTS.httpStatus());
        f.ex.cancelOrder("A", id, f.now);
        assertRejected(ExchangeError.ORDER_ALREADY_EXISTS, f.place("A", req(Side.BID, "0.41", "1").withClientOrderId("dup")));
        assertTrue(f.place("B", req(Side.ASK, "0.60", "1").withClientOrderId("dup")).ok(), "another account may use it");
    }

    @Test
    void insufficientBalance() {
        f.ex.openAccount("D", AccountPrecision.CENT);
        f.ex.deposit("D", FixedPoint.parseMoney("5"));
        // 10 x 0.50 = $5.00 plus the $0.175 taker fee reserve
        assertRejected(ExchangeError.AVAILABLE_BALANCE_TOO_LOW, f.place("D", Side.BID, "0.50", "10"));
        assertEquals("available_balance_too_low", ExchangeError.AVAILABLE_BALANCE_TOO_LOW.code());
        assertTrue(f.place("D", Side.BID, "0.50", "9").ok()); // 4.50 + 0.1575
        assertRejected(ExchangeError.AVAILABLE_BALANCE_TOO_LOW, f.place("D", Side.BID, "0.01", "100"));
        // an ask costs the NO price: 0.40 x 0.8 + fee 0.0135 fits in the $0.3425 left
        assertTrue(f.place("D", Side.ASK, "0.60", "0.80").ok());
    }

    @Test
    void batchCreateTreatsEachOrderOnItsOwn() {
        f.place("B", Side.ASK, "0.50", "1");
        List<OrderResult> rs = f.ex.batchCreate("A", List.of(
            req(Side.BID, "0.40", "1").withClientOrderId("x"),
            req(Side.BID, "0.405", "1"),
            req(Side.BID, "0.50", "1").withPostOnly(true),
            req(Side.BID, "0.41", "1").withClientOrderId("x"),
            req(Side.BID, "0.50", "2")), f.now);
        assertEquals(5, rs.size());
        assertTrue(rs.get(0).ok());
        assertEquals(ExchangeError.PRICE_NOT_ON_GRID, rs.get(1).error());
        assertEquals(ExchangeError.POST_ONLY_CROSS, rs.get(2).error());
        assertEquals(ExchangeError.ORDER_ALREADY_EXISTS, rs.get(3).error());
        assertEquals(n("1"), rs.get(4).fillCount());
        assertEquals(n("1"), rs.get(4).remainingCount());
    }

    @Test
    void ordersOfTheSamePriceQueueInArrivalOrder() {
        String a = f.place("A", Side.BID, "0.40", "1").orderId();
        String b = f.place("B", Side.BID, "0.40", "1").orderId();
        String c = f.place("C", Side.BID, "0.40", "1").orderId();
        assertEquals(List.of(a, b, c), f.ex.queue(M, Side.BID, px("0.40")));
        assertEquals(0, f.ex.queuePosition("A", a));
        assertEquals(n("2"), f.ex.queuePosition("C", c));
        assertEquals(-1, f.ex.queuePosition("A", c), "not A's order");
        assertFalse(f.ex.order("A", c).isPresent());
    }
}

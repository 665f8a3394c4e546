package io.kengine.gateway.orders;

import io.kengine.gateway.GatewaySignals;
import io.kengine.gateway.ReconcileEvents;
import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.stage.DecisionKind;
import io.kengine.protocol.stage.QuoteReason;
import org.agrona.DirectBuffer;

/**
 * What a reconciliation round ({@link ReconcileEvents}) does to our orders: at its begin marker, notes the
 * orders stable then; at its end, those not reported resting are gone, and a position difference the
 * round confirms halts the market. A reported order we do not track is adopted (at startup if configured;
 * later if it carries our run prefix) or canceled; a foreign one after startup is a mismatch.
 */
final class Reconciliation {
    private final LiveOrders orders;
    private final ReconcileRound round;
    private final OrderTransitions transitions;
    private final OrderIntents intents;
    private final DecisionEvents decisions;
    private final MarketBlocks blocks;
    private final GatewaySignals signals;
    private OrdersConfig config; // the stage's, replaced by journaled orders.* changes
    private long mismatches;

    Reconciliation(LiveOrders orders, ReconcileRound round, OrderTransitions transitions, OrderIntents intents,
                   DecisionEvents decisions, MarketBlocks blocks, GatewaySignals signals, OrdersConfig config) {
        this.orders = orders;
        this.round = round;
        this.transitions = transitions;
        this.intents = intents;
        this.decisions = decisions;
        this.blocks = blocks;
        this.signals = signals;
        this.config = config;
    }

    void configure(OrdersConfig c) {
        config = c;
    }

    /** A begin or end marker (the reply view is wrapped on it). */
    void onMarker(OrderReplyEvent reply) {
        long r = reply.remaining();
        int markets = orders.marketsUsed();
        if (reply.filled() == ReconcileEvents.PHASE_BEGIN) {
            round.begin(r, (reply.price() & ReconcileEvents.FLAG_STARTUP) != 0, reply.exchangeTimeMs(), markets);
            for (int m = 0; m < markets; m++) {
                markEligible(orders.bid(m), r);
                markEligible(orders.ask(m), r);
            }
            for (int i = 0; i < LiveOrders.LEG_SLOTS; i++) {
                markEligible(orders.leg(i), r);
            }
            return;
        }
        if (!round.close(r)) {
            return;
        }
        for (int m = 0; m < markets; m++) {
            gone(orders.bid(m), r);
            gone(orders.ask(m), r);
        }
        for (int i = 0; i < LiveOrders.LEG_SLOTS; i++) {
            gone(orders.leg(i), r);
        }
        for (int m = 0; m < markets; m++) {
            if (round.mismatchConfirmed(m, config.mismatchConfirmations()) && !blocks.isHalted(m)) {
                mismatch(m, round.position(m), round.reportedPosition(m));
            }
        }
        round.compared();
    }

    private static void markEligible(LiveOrder o, long r) {
        if (o.isStable() || o.state == LiveOrder.State.UNKNOWN) {
            o.eligibleRound = r;
        }
    }

    /** Stable (or unknown) since the round began and not reported resting: the exchange no longer has it. */
    private void gone(LiveOrder o, long r) {
        if (o.eligibleRound == r && o.seenRound != r && (o.isStable() || o.state == LiveOrder.State.UNKNOWN)) {
            transitions.terminal(o, LiveOrder.State.CANCELED);
        }
    }

    /** A report of an order no slot tracks (the reply view is wrapped on {@code ev}). */
    void onUnmatchedReport(DirectBuffer ev, int market, OrderReplyEvent reply, long now) {
        if (reply.replyType() != OrderReplyEvent.ACCEPTED) {
            return; // a terminal order we no longer track: nothing to do
        }
        if (finishedHere(ev, market)) {
            return; // the snapshot predates our own cancel or fill that finished it: a stale line, not an order
        }
        boolean startup = round.isStartup();
        byte side = reply.side();
        LiveOrder slot = side == Codes.BID ? orders.bid(market) : side == Codes.ASK ? orders.ask(market) : null;
        if ((startup && config.adoptOnStart()) || (!startup && intents.isOurs(ev))) {
            if (slot != null && !slot.isActive() && !blocks.isHalted(market)) {
                adopt(slot, ev, reply, now);
                return;
            }
        } else if (!startup) {
            mismatch(market, round.position(market), round.exchangePosition(market)); // someone else's order on our account
        }
        intents.cancelReported(ev, market, side, reply.price());
    }

    private void adopt(LiveOrder slot, DirectBuffer ev, OrderReplyEvent reply, long now) {
        slot.clearIds();
        slot.clientOrderIdLength = ReplyFields.copy(ev, ReplyFields.REPLY_CLIENT_ORDER_ID, slot.clientOrderId);
        slot.orderIdLength = ReplyFields.copyOrderId(ev, slot.orderId);
        slot.price = reply.price();
        OrderTransitions.adoptReport(slot, reply);
        slot.wantedPrice = slot.price;
        slot.wantedQty = slot.remaining;
        slot.confirmedNanos = now;
        slot.lifetimeNanos = 0;
        slot.timeInForce = OrderIntentEvent.TIF_GTC;
        slot.seenRound = round.number();
        slot.rejects = 0;
        slot.state = LiveOrder.State.RESTING;
    }

    private boolean finishedHere(DirectBuffer ev, int market) {
        if (finishedThisRound(ev, orders.bid(market)) || finishedThisRound(ev, orders.ask(market))) {
            return true;
        }
        for (int i = 0; i < LiveOrders.LEG_SLOTS; i++) {
            LiveOrder o = orders.leg(i);
            if (o.market == market && finishedThisRound(ev, o)) {
                return true;
            }
        }
        return false;
    }

    /** We finished this very order after the round's snapshot may have been read (an older finish is not stale). */
    private boolean finishedThisRound(DirectBuffer ev, LiveOrder o) {
        return !o.isActive() && o.finishedRound == round.number() && ReplyFields.sameOrderId(ev, ReplyFields.REPLY_ORDER_ID, o);
    }

    private void mismatch(int market, long local, long exchange) {
        mismatches++;
        decisions.record(DecisionKind.RECONCILE_MISMATCH, QuoteReason.RISK_HALTED, market, local, exchange);
        blocks.halt(market);
        signals.reconcileMismatch(market);
        LiveOrder bid = orders.bid(market);
        LiveOrder ask = orders.ask(market);
        bid.wantedQty = 0;
        ask.wantedQty = 0;
        intents.cancel(bid);
        intents.cancel(ask);
    }

    /** Mismatches that halted a market. */
    long mismatches() {
        return mismatches;
    }
}

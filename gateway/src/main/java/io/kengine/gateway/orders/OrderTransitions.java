package io.kengine.gateway.orders;

import io.kengine.gateway.GatewaySignals;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.stage.DecisionKind;
import io.kengine.protocol.stage.QuoteReason;

/**
 * The state changes replies, fills and reconciliation share, with their bookkeeping: an unknown order
 * blocks its market until it leaves that state; a finished basket leg tells its group; a resting order
 * gets its lifetime deadline.
 */
final class OrderTransitions {
    private final MarketBlocks blocks;
    private final ReconcileRound round;
    private final Baskets baskets;
    private final QuoteExpiry expiry;
    private final DecisionEvents decisions;
    private final GatewaySignals signals;

    OrderTransitions(MarketBlocks blocks, ReconcileRound round, Baskets baskets, QuoteExpiry expiry,
                     DecisionEvents decisions, GatewaySignals signals) {
        this.blocks = blocks;
        this.round = round;
        this.baskets = baskets;
        this.expiry = expiry;
        this.decisions = decisions;
        this.signals = signals;
    }

    /** Back to resting (or filled when nothing remains). */
    void settle(LiveOrder o) {
        if (o.state == LiveOrder.State.UNKNOWN) {
            blocks.unknownResolved(o.market);
            o.state = o.restingState();
        }
        if (o.remaining <= 0) {
            o.remaining = 0;
            terminal(o, LiveOrder.State.FILLED);
            return;
        }
        o.state = o.restingState();
        expiry.schedule(o);
    }

    void terminal(LiveOrder o, LiveOrder.State s) {
        if (o.state == LiveOrder.State.UNKNOWN) {
            blocks.unknownResolved(o.market);
        }
        o.finishedRound = round.isOpen() ? round.number() : 0;
        if (!o.isActive()) {
            o.state = s;
            return;
        }
        o.state = s;
        o.pendingClientOrderIdLength = 0;
        if (o.group >= 0) {
            baskets.legDone(o);
        }
    }

    void toUnknown(LiveOrder o) {
        if (!o.isActive()) {
            return;
        }
        o.state = LiveOrder.State.UNKNOWN;
        int market = o.market;
        int unknown = blocks.unknownAdded(market);
        decisions.record(DecisionKind.UNKNOWN_ORDER_BLOCK, QuoteReason.RISK_UNKNOWN_ORDER, market, unknown, 0);
        signals.unknownOrder(market);
    }

    /** Takes the exchange's counts from a reconciliation report (fills up to its time are in them). */
    static void adoptReport(LiveOrder o, OrderReplyEvent reply) {
        long filled = Math.max(0, reply.filled());
        o.filled = filled;
        o.total = filled + Math.max(0, reply.remaining());
        o.reportedAtMs = reply.exchangeTimeMs() == OrderReplyEvent.NULL_LONG ? Long.MIN_VALUE : reply.exchangeTimeMs();
        o.syncRemaining();
    }

    /** The amend's new client id becomes the order's. */
    static void adoptPendingId(LiveOrder o) {
        if (o.pendingClientOrderIdLength > 0) {
            o.clientOrderId.putBytes(0, o.pendingClientOrderId, 0, o.pendingClientOrderIdLength);
            o.clientOrderIdLength = o.pendingClientOrderIdLength;
        }
        o.pendingClientOrderIdLength = 0;
    }
}

package io.kengine.gateway.orders;

import io.kengine.gateway.ReconcileEvents;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.OrderReplyEvent;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

import java.nio.charset.StandardCharsets;

/**
 * Applies an order reply to the order it answers (the state machine in gateway/README.md). Replies and
 * {@code user_orders} confirm: {@code remaining = min(reply, total − filled)}, so a fill that beat its ack
 * is not counted twice. Reconciliation markers and reports of orders we do not track go to
 * {@link Reconciliation}.
 */
final class OrderReplies {
    private static final int MAX_CANCEL_REJECTS = 3;
    private static final byte[] MARKER = ReconcileEvents.MARKER_ID.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REPORT = ReconcileEvents.REPORT_REASON.getBytes(StandardCharsets.US_ASCII);

    private final OrderReplyEvent reply = new OrderReplyEvent();
    private final LiveOrders orders;
    private final ReconcileRound round;
    private final OrderTransitions transitions;
    private final Reconciliation reconciliation;
    private long unmatched;
    private long rejects;
    private long lateAmendReplies;

    OrderReplies(LiveOrders orders, ReconcileRound round, OrderTransitions transitions, Reconciliation reconciliation) {
        this.orders = orders;
        this.round = round;
        this.transitions = transitions;
        this.reconciliation = reconciliation;
    }

    /**
     * Applies the reply; returns the quote slot to bring back in line with its wanted quote, or null. A
     * refused amend is not followed up (it waits for the next quote: no amend/reject loop).
     */
    LiveOrder onReply(DirectBuffer ev, long now) {
        reply.wrap((MutableDirectBuffer) ev, 0);
        int market = reply.marketId();
        if (market == EventHeader.NO_MARKET && ReplyFields.equalsText(ev, ReplyFields.REPLY_CLIENT_ORDER_ID, MARKER)) {
            reconciliation.onMarker(reply);
            return null;
        }
        if (!LiveOrders.valid(market)) {
            unmatched++;
            return null;
        }
        orders.touch(market);
        boolean report = ReplyFields.equalsText(ev, ReplyFields.REPLY_REASON, REPORT);
        LiveOrder o = orders.find(market, ev, ReplyFields.REPLY_CLIENT_ORDER_ID, ReplyFields.REPLY_ORDER_ID);
        if (o == null) {
            if (report) {
                reconciliation.onUnmatchedReport(ev, market, reply, now);
            } else {
                unmatched++;
            }
            return null;
        }
        if (report) {
            o.seenRound = round.number();
        } else if (round.isOpen()) {
            o.touchedRound = round.number();
        }
        boolean viaPending = ReplyFields.matchesPending(ev, ReplyFields.REPLY_CLIENT_ORDER_ID, o);
        switch (reply.replyType()) {
            case OrderReplyEvent.ACCEPTED:
                if (o.state == LiveOrder.State.PENDING_AMEND && viaPending) {
                    amended(o, now);
                } else {
                    accepted(o, ev, report, viaPending);
                }
                break;
            case OrderReplyEvent.AMENDED:
            case OrderReplyEvent.DECREASED:
                if (o.state == LiveOrder.State.PENDING_AMEND && o.pendingClientOrderIdLength > 0 && !viaPending) {
                    // The answer to an earlier amend, matched under the id that amend gave the order: the
                    // user_orders update confirmed it first and the next amend is already out. Taking it for
                    // the pending amend would adopt an id the exchange has not given yet (Kalshi then refuses
                    // the next amend: order_id_and_client_order_id_mismatch).
                    lateAmendReplies++;
                    break;
                }
                if (o.state == LiveOrder.State.PENDING_AMEND || o.state == LiveOrder.State.UNKNOWN) {
                    amended(o, now);
                } // else a late duplicate: the order already has this size
                break;
            case OrderReplyEvent.REJECTED:
                rejects++;
                rejected(o);
                break;
            case OrderReplyEvent.CANCELED:
                o.replyFilled = Math.max(o.replyFilled, reply.filled());
                transitions.terminal(o, LiveOrder.State.CANCELED);
                break;
            case OrderReplyEvent.EXECUTED:
                o.replyFilled = Math.max(o.replyFilled, Math.max(reply.filled(), o.total));
                transitions.terminal(o, LiveOrder.State.FILLED);
                break;
            case OrderReplyEvent.UNKNOWN:
                if (o.state != LiveOrder.State.UNKNOWN) {
                    transitions.toUnknown(o);
                }
                break;
            default:
                unmatched++;
                break;
        }
        boolean followUp = reply.replyType() != OrderReplyEvent.REJECTED || o.state == LiveOrder.State.PENDING_CANCEL
            || (o.isStable() && o.wantedQty == 0);
        return followUp && orders.isQuoteSlot(o) ? o : null;
    }

    private void accepted(LiveOrder o, DirectBuffer ev, boolean report, boolean viaPending) {
        if (o.orderIdLength == 0 || report) {
            o.orderIdLength = ReplyFields.copyOrderId(ev, o.orderId);
        }
        switch (o.state) {
            case PENDING_NEW: // its size is what we sent; fills (before or after this reply) come from the fill channel
                o.replyFilled = Math.max(o.replyFilled, reply.filled());
                o.syncRemaining();
                transitions.settle(o);
                break;
            case UNKNOWN:
                if (viaPending && !o.pendingDecrease) {
                    OrderTransitions.adoptPendingId(o);
                }
                o.price = reply.price();
                if (report) {
                    OrderTransitions.adoptReport(o, reply);
                } else {
                    o.total = o.filled + reply.remaining();
                    o.syncRemaining();
                }
                o.pendingClientOrderIdLength = 0;
                transitions.settle(o);
                break;
            case RESTING:
            case PARTIALLY_FILLED:
                if (report) {
                    if (o.touchedRound != round.number()) { // nothing newer than the snapshot: the exchange's view is the truth
                        o.price = reply.price();
                        OrderTransitions.adoptReport(o, reply);
                    } // else a reply or fill since the round began may be newer than the snapshot: keep ours
                }
                transitions.settle(o);
                break;
            default: // pending amend (old id) or pending cancel: a stale resting update
                break;
        }
    }

    private void amended(LiveOrder o, long now) {
        if (!o.pendingDecrease) {
            OrderTransitions.adoptPendingId(o);
            o.price = reply.price() > 0 ? reply.price() : o.pendingPrice;
        }
        o.pendingClientOrderIdLength = 0;
        o.total = o.pendingTotal; // exactly the size we asked for; fills not yet seen will come
        o.syncRemaining();
        o.confirmedNanos = now;
        transitions.settle(o);
    }

    private void rejected(LiveOrder o) {
        switch (o.state) {
            case PENDING_NEW:
                transitions.terminal(o, LiveOrder.State.REJECTED);
                break;
            case PENDING_AMEND:
                o.pendingClientOrderIdLength = 0;
                transitions.settle(o);
                break;
            case PENDING_CANCEL:
                if (++o.rejects >= MAX_CANCEL_REJECTS) {
                    transitions.toUnknown(o); // the exchange keeps refusing: let reconciliation say what is there
                } else {
                    transitions.settle(o);
                }
                break;
            default:
                break;
        }
    }

    /** Replies that name no order we track (and are not reconciliation reports). */
    long unmatched() {
        return unmatched;
    }

    /** Replies that refused one of our requests (exchange 4xx, or not sendable). */
    long rejects() {
        return rejects;
    }

    /** Answers to an amend that a user_orders update had already confirmed, ignored while the next amend was out. */
    long lateAmendReplies() {
        return lateAmendReplies;
    }
}

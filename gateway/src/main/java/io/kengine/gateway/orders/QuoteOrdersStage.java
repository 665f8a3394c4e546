package io.kengine.gateway.orders;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.EventType;
import io.kengine.protocol.event.FillEvent;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.event.SessionStartEvent;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.EventSlot;
import io.kengine.protocol.stage.QuoteNote;
import io.kengine.protocol.stage.Stage;
import org.agrona.DirectBuffer;

/**
 * The orders stage: diffs the quote risk approved against the orders we have live, and publishes
 * the fewest intents that close the gap (amend before cancel + new). An order with a request in
 * flight is left alone until the exchange's reply arrives as an inbound event, so no state is ever
 * guessed. Client order ids are deterministic (run id + counter), which replay relies on.
 */
public final class QuoteOrdersStage implements Stage {
    public static final int MAX_MARKETS = 4096;

    private final EventPublisher intents;
    private final QuoteNote approved = new QuoteNote();
    private final OrderIntentEvent intent = new OrderIntentEvent();
    private final OrderReplyEvent reply = new OrderReplyEvent();
    private final FillEvent fill = new FillEvent();
    private final SessionStartEvent session = new SessionStartEvent();
    private final LiveOrder[] bids = new LiveOrder[MAX_MARKETS];
    private final LiveOrder[] asks = new LiveOrder[MAX_MARKETS];
    private final IntentBuilder builder = new IntentBuilder();

    private long runId;
    private long nextOrderNumber = 1;
    private long intentsPublished;
    private long unmatchedReplies;

    public QuoteOrdersStage(EventPublisher intents) {
        this.intents = intents;
        for (int i = 0; i < MAX_MARKETS; i++) {
            bids[i] = new LiveOrder();
            asks[i] = new LiveOrder();
        }
    }

    @Override
    public void onEvent(EventSlot slot, boolean endOfBatch) {
        switch (slot.type()) {
            case EventType.SESSION_START:
                session.wrap(slot.event(), 0);
                runId = session.runId();
                return;
            case EventType.ORDER_REPLY:
                onReply(slot);
                return;
            case EventType.FILL:
                onFill(slot);
                return;
            default:
                break;
        }
        approved.wrap(slot, QuoteNote.RISK);
        if (!approved.isPresent()) {
            return;
        }
        builder.begin(slot);
        int market = approved.marketId();
        if (approved.isPull()) {
            if (market == EventHeader.NO_MARKET) {
                for (int m = 0; m < MAX_MARKETS; m++) {
                    cancel(m, bids[m]);
                    cancel(m, asks[m]);
                }
            } else if (valid(market)) {
                cancel(market, bids[market]);
                cancel(market, asks[market]);
            }
        } else if (valid(market)) {
            reconcile(market, bids[market], Codes.BID, approved.bidPrice(), approved.bidQty());
            reconcile(market, asks[market], Codes.ASK, approved.askPrice(), approved.askQty());
        }
        builder.finish();
    }

    private void reconcile(int market, LiveOrder order, byte side, long price, long qty) {
        switch (order.state) {
            case NONE:
                if (qty > 0) {
                    create(market, order, side, price, qty);
                }
                break;
            case RESTING:
                if (qty == 0) {
                    cancel(market, order);
                } else if (price != order.price || qty != order.quantity) {
                    amend(market, order, side, price, qty);
                }
                break;
            default:
                break; // a request is in flight: wait for its reply before deciding again
        }
    }

    private void create(int market, LiveOrder order, byte side, long price, long qty) {
        order.clientOrderIdLength = ClientOrderIds.write(order.clientOrderId, runId, nextOrderNumber++);
        order.state = LiveOrder.State.PENDING_NEW;
        order.price = price;
        order.quantity = qty;
        order.orderIdLength = 0;
        OrderIntentEvent e = builder.leg();
        e.addLeg(OrderIntentEvent.CREATE, market, side, price, qty, OrderIntentEvent.TIF_GTC,
            OrderIntentEvent.FLAG_POST_ONLY, order.clientOrderId, 0, order.clientOrderIdLength);
    }

    private void amend(int market, LiveOrder order, byte side, long price, long qty) {
        order.pendingClientOrderIdLength = ClientOrderIds.write(order.pendingClientOrderId, runId, nextOrderNumber++);
        order.pendingPrice = price;
        order.pendingQuantity = qty;
        order.state = LiveOrder.State.PENDING_AMEND;
        OrderIntentEvent e = builder.leg();
        int leg = e.addLeg(OrderIntentEvent.AMEND, market, side, price, qty, OrderIntentEvent.TIF_GTC,
            OrderIntentEvent.FLAG_POST_ONLY, order.clientOrderId, 0, order.clientOrderIdLength);
        e.legUpdatedClientOrderId(leg, order.pendingClientOrderId, 0, order.pendingClientOrderIdLength);
        e.legOrderId(leg, order.orderId, 0, order.orderIdLength);
    }

    private void cancel(int market, LiveOrder order) {
        if (order.state != LiveOrder.State.RESTING) {
            return; // pending-new is canceled once acknowledged (its exchange id is needed); others are already moving
        }
        order.state = LiveOrder.State.PENDING_CANCEL;
        OrderIntentEvent e = builder.leg();
        int leg = e.addLeg(OrderIntentEvent.CANCEL, market, order == bids[market] ? Codes.BID : Codes.ASK, order.price, 0,
            OrderIntentEvent.TIF_GTC, (byte) 0, order.clientOrderId, 0, order.clientOrderIdLength);
        e.legOrderId(leg, order.orderId, 0, order.orderIdLength);
    }

    private void onReply(EventSlot slot) {
        reply.wrap(slot.event(), 0);
        int market = reply.marketId();
        if (!valid(market)) {
            unmatchedReplies++;
            return;
        }
        LiveOrder order = match(market, slot.event());
        if (order == null) {
            unmatchedReplies++;
            return;
        }
        switch (reply.replyType()) {
            case OrderReplyEvent.ACCEPTED:
                order.state = LiveOrder.State.RESTING;
                order.orderIdLength = ReplyFields.copyOrderId(slot.event(), order.orderId);
                order.quantity = reply.remaining();
                break;
            case OrderReplyEvent.AMENDED:
                order.state = LiveOrder.State.RESTING;
                order.price = order.pendingPrice;
                order.quantity = reply.remaining();
                order.clientOrderId.putBytes(0, order.pendingClientOrderId, 0, order.pendingClientOrderIdLength);
                order.clientOrderIdLength = order.pendingClientOrderIdLength;
                order.pendingClientOrderIdLength = 0;
                break;
            case OrderReplyEvent.DECREASED:
                order.state = LiveOrder.State.RESTING;
                order.quantity = reply.remaining();
                break;
            case OrderReplyEvent.REJECTED:
                if (order.state == LiveOrder.State.PENDING_NEW) {
                    order.reset();
                } else {
                    order.state = LiveOrder.State.RESTING; // amend/cancel refused: the order stands as it was
                    order.pendingClientOrderIdLength = 0;
                }
                break;
            case OrderReplyEvent.CANCELED:
            case OrderReplyEvent.EXECUTED:
                order.reset();
                break;
            default:
                break;
        }
    }

    private void onFill(EventSlot slot) {
        fill.wrap(slot.event(), 0);
        int market = fill.marketId();
        if (!valid(market)) {
            return;
        }
        LiveOrder order = fill.side() == Codes.BID ? bids[market] : asks[market];
        if (order.state == LiveOrder.State.RESTING || order.state == LiveOrder.State.PENDING_AMEND) {
            order.quantity = Math.max(0, order.quantity - fill.count());
            if (order.quantity == 0 && order.state == LiveOrder.State.RESTING) {
                order.reset();
            }
        }
    }

    private LiveOrder match(int market, DirectBuffer event) {
        if (ReplyFields.clientOrderIdMatches(event, bids[market])) {
            return bids[market];
        }
        if (ReplyFields.clientOrderIdMatches(event, asks[market])) {
            return asks[market];
        }
        return null;
    }

    private static boolean valid(int market) {
        return market >= 0 && market < MAX_MARKETS;
    }

    public long intentsPublished() {
        return intentsPublished;
    }

    public long unmatchedReplies() {
        return unmatchedReplies;
    }

    public int openOrders() {
        int n = 0;
        for (int m = 0; m < MAX_MARKETS; m++) {
            n += (bids[m].isActive() ? 1 : 0) + (asks[m].isActive() ? 1 : 0);
        }
        return n;
    }

    /** Collects the legs one event produces into as few intents as the leg limit allows. */
    private final class IntentBuilder {
        private EventSlot cause;
        private boolean open;

        void begin(EventSlot slot) {
            cause = slot;
            open = false;
        }

        OrderIntentEvent leg() {
            if (open && intent.isFull()) {
                finish();
            }
            if (!open) {
                intent.wrapForEncode(intents.claim(), 0, cause.marketId(), cause.sequence(), cause.timestampNanos());
                open = true;
            }
            return intent;
        }

        void finish() {
            if (open) {
                intents.publish();
                intentsPublished++;
                open = false;
            }
        }
    }
}

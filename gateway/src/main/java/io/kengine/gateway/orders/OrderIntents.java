package io.kengine.gateway.orders;

import io.kengine.protocol.event.EventHeader;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.stage.EventPublisher;
import io.kengine.protocol.stage.EventSlot;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Turns requests on our orders into order intents: each request puts the order in its pending state and
 * adds one leg; legs of one event share an intent (the sender batches them) until it is full or the basket
 * group changes, and the intent is published when the event is done. Also hands out the client order ids
 * ({@link ClientOrderIds}: the journaled run id and this counter, so replay reproduces them).
 */
final class OrderIntents {
    private final EventPublisher out;
    private final OrderIntentEvent intent = new OrderIntentEvent();
    private final UnsafeBuffer scratch = new UnsafeBuffer(BufferUtil.allocateDirectAligned(EventHeader.MAX_EVENT_LENGTH, 64));
    private final UnsafeBuffer runPrefix = new UnsafeBuffer(new byte[LiveOrder.ID_CAPACITY]);
    private int runPrefixLength;
    private long runId;
    private long nextOrderNumber = 1;

    private EventSlot cause;
    private boolean open;
    private long openGroup;
    private long published;

    OrderIntents(EventPublisher out) {
        this.out = out;
        runId(0);
    }

    void runId(long id) {
        runId = id;
        int n = ClientOrderIds.write(runPrefix, runId, 0);
        runPrefixLength = n - 1; // "k<hex>-" without the counter digit
    }

    /** The reply's client order id carries this run's prefix. */
    boolean isOurs(DirectBuffer reply) {
        return ReplyFields.startsWith(reply, ReplyFields.REPLY_CLIENT_ORDER_ID, runPrefix, runPrefixLength);
    }

    /** Intents that follow are caused by this event. */
    void begin(EventSlot slot) {
        cause = slot;
        open = false;
    }

    /** A quote slot's new post-only order at the wanted price and size. */
    void create(LiveOrder o, long now) {
        o.clearIds();
        o.clientOrderIdLength = ClientOrderIds.write(o.clientOrderId, runId, nextOrderNumber++);
        o.state = LiveOrder.State.PENDING_NEW;
        o.price = o.wantedPrice;
        o.remaining = o.wantedQty;
        o.total = o.wantedQty;
        o.timeInForce = OrderIntentEvent.TIF_GTC;
        o.confirmedNanos = now;
        o.lifetimeNanos = o.wantedLifetimeNanos;
        o.rejects = 0;
        OrderIntentEvent e = leg(0);
        e.addLeg(OrderIntentEvent.CREATE, o.market, o.side, o.price, o.remaining, OrderIntentEvent.TIF_GTC,
            OrderIntentEvent.FLAG_POST_ONLY, o.clientOrderId, 0, o.clientOrderIdLength);
    }

    /** Moves or grows the order: Kalshi's new total is filled + wanted, under a new client id. */
    void amend(LiveOrder o) {
        o.pendingClientOrderIdLength = ClientOrderIds.write(o.pendingClientOrderId, runId, nextOrderNumber++);
        o.pendingPrice = o.wantedPrice;
        o.pendingTotal = o.filled + o.wantedQty;
        o.pendingDecrease = false;
        o.state = LiveOrder.State.PENDING_AMEND;
        OrderIntentEvent e = leg(0);
        int leg = e.addLeg(OrderIntentEvent.AMEND, o.market, o.side, o.wantedPrice, o.filled + o.wantedQty,
            OrderIntentEvent.TIF_GTC, OrderIntentEvent.FLAG_POST_ONLY, o.clientOrderId, 0, o.clientOrderIdLength);
        e.legUpdatedClientOrderId(leg, o.pendingClientOrderId, 0, o.pendingClientOrderIdLength);
        e.legOrderId(leg, o.orderId, 0, o.orderIdLength);
    }

    /** Shrinks the order at its price (keeps its queue priority). */
    void decrease(LiveOrder o) {
        o.pendingClientOrderIdLength = 0;
        o.pendingPrice = o.price;
        o.pendingTotal = o.filled + o.wantedQty;
        o.pendingDecrease = true;
        o.state = LiveOrder.State.PENDING_AMEND;
        OrderIntentEvent e = leg(0);
        int leg = e.addLeg(OrderIntentEvent.DECREASE, o.market, o.side, o.price, o.remaining - o.wantedQty,
            OrderIntentEvent.TIF_GTC, (byte) 0, o.clientOrderId, 0, o.clientOrderIdLength);
        e.legOrderId(leg, o.orderId, 0, o.orderIdLength);
    }

    void cancel(LiveOrder o) {
        if (!o.isStable()) {
            return; // pending orders are canceled once their answer arrives (the exchange id is needed)
        }
        o.state = LiveOrder.State.PENDING_CANCEL;
        OrderIntentEvent e = leg(0);
        int leg = e.addLeg(OrderIntentEvent.CANCEL, o.market, o.side, o.price, 0, o.timeInForce, (byte) 0,
            o.clientOrderId, 0, o.clientOrderIdLength);
        e.legOrderId(leg, o.orderId, 0, o.orderIdLength);
    }

    /** A basket leg (or an unwind order) in the intent of its group. */
    void createLeg(LiveOrder o, long groupId, long price, long qty, byte timeInForce) {
        o.clearIds();
        o.clientOrderIdLength = ClientOrderIds.write(o.clientOrderId, runId, nextOrderNumber++);
        o.state = LiveOrder.State.PENDING_NEW;
        o.price = price;
        o.remaining = qty;
        o.total = qty;
        o.timeInForce = timeInForce;
        o.lifetimeNanos = 0;
        o.rejects = 0;
        OrderIntentEvent e = leg(groupId);
        e.addLeg(OrderIntentEvent.CREATE, o.market, o.side, price, qty, timeInForce, (byte) 0,
            o.clientOrderId, 0, o.clientOrderIdLength);
    }

    /** Cancels an order a reconciliation report names and we do not track, by the report's own ids. */
    void cancelReported(DirectBuffer reply, int market, byte side, long price) {
        OrderIntentEvent e = leg(0);
        int leg = e.addLeg(OrderIntentEvent.CANCEL, market, side, price, 0, OrderIntentEvent.TIF_GTC, (byte) 0,
            reply, ReplyFields.REPLY_CLIENT_ORDER_ID + 1, Math.min(ReplyFields.length(reply, ReplyFields.REPLY_CLIENT_ORDER_ID),
                OrderIntentEvent.ID_CAPACITY - 1));
        e.legOrderId(leg, reply, ReplyFields.REPLY_ORDER_ID + 1, ReplyFields.length(reply, ReplyFields.REPLY_ORDER_ID));
    }

    private OrderIntentEvent leg(long group) {
        if (open && (intent.isFull() || openGroup != group)) {
            finish();
        }
        if (!open) {
            intent.wrapForEncode(scratch, 0, cause.marketId(), cause.sequence(), cause.timestampNanos());
            if (group != 0) {
                intent.groupId(group);
            }
            openGroup = group;
            open = true;
        }
        return intent;
    }

    /** Publishes the intent being built, if any. */
    void finish() {
        if (open) {
            int length = intent.length();
            MutableDirectBuffer claimed = out.claim();
            claimed.putBytes(0, scratch, 0, length);
            out.publish();
            published++;
            open = false;
        }
    }

    long published() {
        return published;
    }
}

package io.kengine.gateway.orders;

import io.kengine.protocol.event.Codes;
import org.agrona.DirectBuffer;

/**
 * Every order the orders stage owns, preallocated: one quote slot per market side, and a pool of basket
 * leg slots. Finds the order an exchange event is about by its ids without allocating. Business thread only.
 */
final class LiveOrders {
    static final int LEG_SLOTS = 256;

    private final LiveOrder[] bids = new LiveOrder[QuoteOrdersStage.MAX_MARKETS];
    private final LiveOrder[] asks = new LiveOrder[QuoteOrdersStage.MAX_MARKETS];
    private final LiveOrder[] legs = new LiveOrder[LEG_SLOTS];
    private int marketsUsed; // loops over markets stop here: ids are dense from 0

    LiveOrders() {
        for (int i = 0; i < QuoteOrdersStage.MAX_MARKETS; i++) {
            bids[i] = slot(i, Codes.BID);
            asks[i] = slot(i, Codes.ASK);
        }
        for (int i = 0; i < LEG_SLOTS; i++) {
            legs[i] = new LiveOrder();
        }
    }

    private static LiveOrder slot(int market, byte side) {
        LiveOrder o = new LiveOrder();
        o.market = market;
        o.side = side;
        return o;
    }

    static boolean valid(int market) {
        return market >= 0 && market < QuoteOrdersStage.MAX_MARKETS;
    }

    void touch(int market) {
        if (market >= marketsUsed) {
            marketsUsed = market + 1;
        }
    }

    /** One more than the highest market id any event has used. */
    int marketsUsed() {
        return marketsUsed;
    }

    LiveOrder bid(int market) {
        return bids[market];
    }

    LiveOrder ask(int market) {
        return asks[market];
    }

    LiveOrder leg(int i) {
        return legs[i];
    }

    boolean isQuoteSlot(LiveOrder o) {
        return o.market >= 0 && (bids[o.market] == o || asks[o.market] == o);
    }

    /**
     * The order the event's ids name: by client order id first (current or pending), then by exchange id
     * unless the event carries a client id alone (it is then someone else's order).
     */
    LiveOrder find(int market, DirectBuffer ev, int clientIdField, int orderIdField) {
        LiveOrder b = bids[market];
        LiveOrder a = asks[market];
        if (ReplyFields.idMatches(ev, clientIdField, b)) {
            return b;
        }
        if (ReplyFields.idMatches(ev, clientIdField, a)) {
            return a;
        }
        for (LiveOrder o : legs) {
            if (o.market == market && ReplyFields.idMatches(ev, clientIdField, o)) {
                return o;
            }
        }
        if (ReplyFields.length(ev, clientIdField) > 0 && ReplyFields.length(ev, orderIdField) == 0) {
            return null;
        }
        if (ReplyFields.orderIdMatches(ev, orderIdField, b)) {
            return b;
        }
        if (ReplyFields.orderIdMatches(ev, orderIdField, a)) {
            return a;
        }
        for (LiveOrder o : legs) {
            if (o.market == market && ReplyFields.orderIdMatches(ev, orderIdField, o)) {
                return o;
            }
        }
        return null;
    }

    /** Leg slots neither active nor held by an unfinished basket group. */
    int freeLegs() {
        int n = 0;
        for (LiveOrder o : legs) {
            n += o.isActive() || o.group >= 0 ? 0 : 1;
        }
        return n;
    }

    LiveOrder freeLeg() {
        for (LiveOrder o : legs) {
            if (!o.isActive() && o.group < 0) {
                o.reset();
                return o;
            }
        }
        throw new IllegalStateException("no free leg slot"); // callers check freeLegs() first
    }

    int activeCount() {
        int n = 0;
        for (int m = 0; m < marketsUsed; m++) {
            n += (bids[m].isActive() ? 1 : 0) + (asks[m].isActive() ? 1 : 0);
        }
        for (LiveOrder o : legs) {
            n += o.isActive() ? 1 : 0;
        }
        return n;
    }

    /** Quote slots, then basket legs. Allocates: not for the hot path. */
    void forEachActive(QuoteOrdersStage.OrderVisitor v) {
        for (int m = 0; m < marketsUsed; m++) {
            visit(bids[m], v);
            visit(asks[m], v);
        }
        for (LiveOrder o : legs) {
            visit(o, v);
        }
    }

    private static void visit(LiveOrder o, QuoteOrdersStage.OrderVisitor v) {
        if (o.isActive()) {
            v.order(o.market, o.side, o.state.name(), o.clientOrderId.getStringWithoutLengthAscii(0, o.clientOrderIdLength),
                o.orderId.getStringWithoutLengthAscii(0, o.orderIdLength), o.price, o.remaining, o.filled);
        }
    }
}

package io.kengine.gateway.rest;

import io.kengine.protocol.event.Codes;
import io.kengine.protocol.event.OrderIntentEvent;
import io.kengine.protocol.wire.KalshiPaths;
import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.auth.AuthHeaders;
import io.kengine.protocol.wire.model.BookSide;
import io.kengine.protocol.wire.model.SelfTradePrevention;
import io.kengine.protocol.wire.model.TimeInForce;
import io.kengine.protocol.wire.rest.AmendOrderV2Request;
import io.kengine.protocol.wire.rest.BatchCancelOrder;
import io.kengine.protocol.wire.rest.BatchCancelOrdersV2Request;
import io.kengine.protocol.wire.rest.BatchCreateOrdersV2Request;
import io.kengine.protocol.wire.rest.CreateOrderV2Request;
import io.kengine.protocol.wire.rest.DecreaseOrderV2Request;
import io.kengine.protocol.wire.rest.OrderCodecs;

import java.util.ArrayList;
import java.util.List;

/** What an order call puts on the wire: Kalshi's V2 method, path and JSON body, and its auth headers. */
final class OrderRequests {
    /** One request, ready for either transport. */
    record Outgoing(String method, String path, byte[] body, AuthHeaders auth) {
    }

    private final RequestSigner signer;

    OrderRequests(RequestSigner signer) {
        this.signer = signer;
    }

    /**
     * Method, path, body and auth headers of a call (signed now, or with a fresh-enough pre-signed header).
     *
     * @throws RuntimeException a body the wire codecs refuse (the exchange would refuse it too)
     */
    Outgoing prepare(OrderCall c) {
        OrderCall.Leg first = c.legs.get(0);
        String method;
        String path;
        byte[] body;
        AuthHeaders pre = signer.preSigned(c); // the fixed path's, or the order id's path's
        switch (c.kind) {
            case CREATE:
                method = "POST";
                path = KalshiPaths.ORDERS_V2;
                body = OrderCodecs.CREATE_ORDER_V2_REQUEST.toBytes(createBody(first));
                break;
            case BATCH_CREATE: {
                method = "POST";
                path = KalshiPaths.ORDERS_V2_BATCHED;
                List<CreateOrderV2Request> items = new ArrayList<>(c.legs.size());
                for (OrderCall.Leg l : c.legs) {
                    items.add(createBody(l));
                }
                body = OrderCodecs.BATCH_CREATE_ORDERS_V2_REQUEST.toBytes(new BatchCreateOrdersV2Request(items));
                break;
            }
            case AMEND:
                method = "POST";
                path = KalshiPaths.amendOrderV2(first.orderId());
                body = OrderCodecs.AMEND_ORDER_V2_REQUEST.toBytes(new AmendOrderV2Request(first.ticker(),
                    bookSide(first.side()), first.price(), first.count(), first.clientOrderId(),
                    first.updatedClientOrderId().isEmpty() ? null : first.updatedClientOrderId(), null));
                break;
            case DECREASE:
                method = "POST";
                path = KalshiPaths.decreaseOrderV2(first.orderId());
                body = OrderCodecs.DECREASE_ORDER_V2_REQUEST.toBytes(
                    new DecreaseOrderV2Request(first.count(), Wire.ABSENT, null, null));
                break;
            case CANCEL:
                method = "DELETE";
                path = KalshiPaths.orderV2(first.orderId());
                body = null;
                break;
            default: {
                method = "DELETE";
                path = KalshiPaths.ORDERS_V2_BATCHED;
                List<BatchCancelOrder> items = new ArrayList<>(c.legs.size());
                for (OrderCall.Leg l : c.legs) {
                    items.add(BatchCancelOrder.of(l.orderId()));
                }
                body = OrderCodecs.BATCH_CANCEL_ORDERS_V2_REQUEST.toBytes(new BatchCancelOrdersV2Request(items));
                break;
            }
        }
        return new Outgoing(method, path, body, signer.forCall(c, pre, method, path));
    }

    private static CreateOrderV2Request createBody(OrderCall.Leg l) {
        boolean postOnly = (l.flags() & OrderIntentEvent.FLAG_POST_ONLY) != 0;
        boolean reduceOnly = (l.flags() & OrderIntentEvent.FLAG_REDUCE_ONLY) != 0;
        boolean onPause = (l.flags() & OrderIntentEvent.FLAG_CANCEL_ON_PAUSE) != 0;
        return new CreateOrderV2Request(l.ticker(), bookSide(l.side()), l.count(), l.price(), tif(l.tif()),
            SelfTradePrevention.TAKER_AT_CROSS, l.clientOrderId().isEmpty() ? null : l.clientOrderId(), Wire.ABSENT,
            postOnly ? Boolean.TRUE : null, reduceOnly ? Boolean.TRUE : null, onPause ? Boolean.TRUE : null,
            null, null, null);
    }

    private static BookSide bookSide(byte side) {
        return side == Codes.ASK ? BookSide.ASK : BookSide.BID;
    }

    private static TimeInForce tif(byte t) {
        switch (t) {
            case OrderIntentEvent.TIF_IOC: return TimeInForce.IMMEDIATE_OR_CANCEL;
            case OrderIntentEvent.TIF_FOK: return TimeInForce.FILL_OR_KILL;
            default: return TimeInForce.GOOD_TILL_CANCELED;
        }
    }
}

package io.kengine.gateway.rest;

import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.wire.Wire;
import io.kengine.protocol.wire.rest.AmendOrderV2Response;
import io.kengine.protocol.wire.rest.ApiError;
import io.kengine.protocol.wire.rest.ApiErrorCodes;
import io.kengine.protocol.wire.rest.BatchCancelOrderResult;
import io.kengine.protocol.wire.rest.BatchCreateOrderResult;
import io.kengine.protocol.wire.rest.CreateOrderV2Response;
import io.kengine.protocol.wire.rest.DecreaseOrderV2Response;
import io.kengine.protocol.wire.rest.ErrorBody;
import io.kengine.protocol.wire.rest.ErrorCodecs;
import io.kengine.protocol.wire.rest.OrderCodecs;

import java.util.List;

/**
 * A final answer (anything the {@link RetryPolicy} did not take: 2xx, 4xx but 401/429) → one reply per leg.
 * A refusal after a transport retry is UNKNOWN, not REJECTED: the earlier attempt may have landed.
 * Throws on a 2xx body it cannot read (the caller reports the call UNKNOWN).
 */
final class ReplyTranslator {
    private final CallOutcomes outcomes;
    private final ExistingOrderAdoption adoption;
    /** Told the order ids the answers give (kept pre-signed) and the ones they end (dropped). */
    private final OrderPathHeaders orderPaths;

    ReplyTranslator(CallOutcomes outcomes, ExistingOrderAdoption adoption, OrderPathHeaders orderPaths) {
        this.outcomes = outcomes;
        this.adoption = adoption;
        this.orderPaths = orderPaths;
    }

    void translate(OrderCall c, int status, byte[] body) {
        switch (c.kind) {
            case CREATE:
                onCreate(c, c.legs.get(0), status, body);
                break;
            case BATCH_CREATE:
                onBatchCreate(c, status, body);
                break;
            case AMEND:
                onAmend(c, status, body);
                break;
            case DECREASE:
                onDecrease(c, status, body);
                break;
            case CANCEL:
                onCancel(c, status, body);
                break;
            default:
                onBatchCancel(c, status, body);
                break;
        }
    }

    private void onCreate(OrderCall c, OrderCall.Leg leg, int status, byte[] body) {
        if (status == 200 || status == 201) {
            CreateOrderV2Response r = OrderCodecs.CREATE_ORDER_V2_RESPONSE.fromJson(body);
            if (r.remainingCount() > 0) {
                orderPaths.used(r.orderId()); // resting: its amends and cancel will want pre-signed headers
            }
            outcomes.offer(created(leg, c.cause, (short) status, r.orderId(), r.fillCount(), r.remainingCount(), r.tsMs()));
            return;
        }
        ApiError e = error(body);
        if (status == 409 && e != null && ApiErrorCodes.ORDER_ALREADY_EXISTS.equals(e.code())) {
            adoption.adopt(leg, c.cause);
            return;
        }
        if (c.transportRetries > 0) { // an earlier attempt may have landed: a refusal now proves nothing
            outcomes.unknown(leg, c.cause, (short) status, "retry refused: " + describe(e, status));
            return;
        }
        outcomes.publish(leg, OrderReplyEvent.REJECTED, c.cause, (short) status, describe(e, status));
    }

    private void onBatchCreate(OrderCall c, int status, byte[] body) {
        if (status != 200 && status != 201) {
            outcomes.rejectAll(c, (short) status, describe(error(body), status));
            return;
        }
        List<BatchCreateOrderResult> results = OrderCodecs.BATCH_CREATE_ORDERS_V2_RESPONSE.fromJson(body).orders();
        for (int i = 0; i < c.legs.size(); i++) {
            OrderCall.Leg leg = c.legs.get(i);
            BatchCreateOrderResult r = i < results.size() ? results.get(i) : null;
            if (r == null) {
                outcomes.unknown(leg, c.cause, (short) status, "missing from batch reply");
            } else if (r.error() == null) {
                if (zeroIfAbsent(r.remainingCount()) > 0) {
                    orderPaths.used(r.orderId());
                }
                outcomes.offer(created(leg, c.cause, (short) status, r.orderId(), zeroIfAbsent(r.fillCount()),
                    zeroIfAbsent(r.remainingCount()), r.tsMs()));
            } else if (ApiErrorCodes.ORDER_ALREADY_EXISTS.equals(r.error().code())) {
                adoption.adopt(leg, c.cause);
            } else if (c.transportRetries > 0) {
                outcomes.unknown(leg, c.cause, (short) 400, "retry refused: " + describe(r.error(), 400));
            } else {
                outcomes.publish(leg, OrderReplyEvent.REJECTED, c.cause, (short) 400, describe(r.error(), 400));
            }
        }
    }

    private static Reply created(OrderCall.Leg leg, long cause, short status, String orderId, long filled, long remaining,
                                 long tsMs) {
        byte type = remaining > 0 ? OrderReplyEvent.ACCEPTED
            : filled >= leg.count() ? OrderReplyEvent.EXECUTED : OrderReplyEvent.CANCELED;
        return new Reply(leg.market(), type, leg.side(), leg.clientOrderId(), orderId, leg.price(), remaining, filled,
            cause, status, "", Reply.nullIfAbsent(tsMs));
    }

    private void onAmend(OrderCall c, int status, byte[] body) {
        OrderCall.Leg leg = c.legs.get(0);
        if (status == 200 || status == 201) {
            AmendOrderV2Response r = OrderCodecs.AMEND_ORDER_V2_RESPONSE.fromJson(body);
            if (r.orderId() != null && !r.orderId().equals(leg.orderId())) {
                orderPaths.forget(leg.orderId()); // the exchange gave the amended order another id
            }
            if (r.remainingCount() > 0) {
                orderPaths.used(r.orderId());
            } else {
                orderPaths.forget(r.orderId());
            }
            String id = leg.updatedClientOrderId().isEmpty() ? leg.clientOrderId() : leg.updatedClientOrderId();
            outcomes.offer(new Reply(leg.market(), OrderReplyEvent.AMENDED, leg.side(), id, r.orderId(), leg.price(),
                r.remainingCount(), zeroIfAbsent(r.fillCount()), c.cause, (short) status, "", Reply.nullIfAbsent(r.tsMs())));
            return;
        }
        outcomes.publish(leg, OrderReplyEvent.REJECTED, c.cause, (short) status, describe(error(body), status));
    }

    private void onDecrease(OrderCall c, int status, byte[] body) {
        OrderCall.Leg leg = c.legs.get(0);
        if (status == 200 || status == 201) {
            DecreaseOrderV2Response r = OrderCodecs.DECREASE_ORDER_V2_RESPONSE.fromJson(body);
            if (r.remainingCount() <= 0) {
                orderPaths.forget(leg.orderId());
            }
            outcomes.offer(new Reply(leg.market(), OrderReplyEvent.DECREASED, leg.side(), leg.clientOrderId(), r.orderId(),
                leg.price(), r.remainingCount(), 0, c.cause, (short) status, "", Reply.nullIfAbsent(r.tsMs())));
            return;
        }
        outcomes.publish(leg, OrderReplyEvent.REJECTED, c.cause, (short) status, describe(error(body), status));
    }

    private void onCancel(OrderCall c, int status, byte[] body) {
        OrderCall.Leg leg = c.legs.get(0);
        if (status == 200 || status == 201 || status == 404) { // 404: the exchange does not have it, so it is gone
            orderPaths.forget(leg.orderId());
            outcomes.offer(new Reply(leg.market(), OrderReplyEvent.CANCELED, leg.side(), leg.clientOrderId(), leg.orderId(),
                leg.price(), 0, 0, c.cause, (short) status, status == 404 ? "not found" : "", Reply.nullIfAbsent(Wire.ABSENT)));
            return;
        }
        outcomes.publish(leg, OrderReplyEvent.REJECTED, c.cause, (short) status, describe(error(body), status));
    }

    private void onBatchCancel(OrderCall c, int status, byte[] body) {
        if (status != 200 && status != 201) {
            outcomes.rejectAll(c, (short) status, describe(error(body), status));
            return;
        }
        List<BatchCancelOrderResult> results = OrderCodecs.BATCH_CANCEL_ORDERS_V2_RESPONSE.fromJson(body).orders();
        for (int i = 0; i < c.legs.size(); i++) {
            OrderCall.Leg leg = c.legs.get(i);
            BatchCancelOrderResult r = i < results.size() ? results.get(i) : null;
            if (r == null) {
                outcomes.unknown(leg, c.cause, (short) status, "missing from batch reply");
            } else if (r.error() == null || "not_found".equals(r.error().code())) {
                orderPaths.forget(leg.orderId());
                outcomes.offer(new Reply(leg.market(), OrderReplyEvent.CANCELED, leg.side(), leg.clientOrderId(),
                    leg.orderId(), leg.price(), 0, 0, c.cause, (short) status, r.error() == null ? "" : "not found",
                    Reply.nullIfAbsent(r.tsMs())));
            } else {
                outcomes.publish(leg, OrderReplyEvent.REJECTED, c.cause, (short) 400, describe(r.error(), 400));
            }
        }
    }

    private static ApiError error(byte[] body) {
        try {
            ErrorBody e = ErrorCodecs.ERROR_BODY.fromJson(body);
            return e.error() != null ? e.error() : ApiError.of(e.text(), e.text());
        } catch (RuntimeException e) { // WireFormatException included
            return null;
        }
    }

    private static String describe(ApiError e, int status) {
        if (e == null) {
            return "http " + status;
        }
        return (e.code() == null ? "http " + status : e.code()) + (e.details() != null && !e.details().isEmpty()
            ? ": " + e.details() : e.message() != null ? ": " + e.message() : "");
    }

    private static long zeroIfAbsent(long v) {
        return v == Wire.ABSENT ? 0 : v;
    }
}

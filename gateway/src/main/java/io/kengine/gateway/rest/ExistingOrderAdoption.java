package io.kengine.gateway.rest;

import io.kengine.protocol.event.OrderReplyEvent;
import io.kengine.protocol.wire.model.OrderStatus;
import io.kengine.protocol.wire.rest.GetOrdersResponse;
import io.kengine.protocol.wire.rest.Order;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A create answered {@code 409 order_already_exists}: the client order id exists, so an earlier attempt
 * got through. The order is looked up by ticker and client order id and reported as it stands
 * (accepted / executed / canceled, reason "adopted"); anything else is UNKNOWN, for the reconciler.
 * Runs on the thread that read the 409 (it blocks on the GETs; never the sender thread).
 */
final class ExistingOrderAdoption {
    private static final int MAX_PAGES = 50;

    private final SignedGets gets;
    private final CallOutcomes outcomes;
    private final AtomicLong lookups = new AtomicLong();

    ExistingOrderAdoption(SignedGets gets, CallOutcomes outcomes) {
        this.gets = gets;
        this.outcomes = outcomes;
    }

    void adopt(OrderCall.Leg leg, long cause) {
        lookups.incrementAndGet();
        try {
            Order o = find(leg.ticker(), leg.clientOrderId());
            if (o == null) {
                outcomes.unknown(leg, cause, (short) 409, "exists but not found");
                return;
            }
            byte type = o.status() == OrderStatus.RESTING ? OrderReplyEvent.ACCEPTED
                : o.status() == OrderStatus.EXECUTED ? OrderReplyEvent.EXECUTED
                : o.status() == OrderStatus.CANCELED ? OrderReplyEvent.CANCELED : OrderReplyEvent.UNKNOWN;
            if (type == OrderReplyEvent.UNKNOWN) {
                outcomes.unknown(leg, cause, (short) 409, "status " + o.status());
                return;
            }
            outcomes.offer(new Reply(leg.market(), type, leg.side(), leg.clientOrderId(), o.orderId(), o.yesPrice(),
                o.remainingCount(), o.fillCount(), cause, (short) 409, "adopted", Reply.nullIfAbsent(o.lastUpdateTimeMs())));
        } catch (IOException | RuntimeException e) {
            outcomes.unknown(leg, cause, (short) 409, "lookup failed: " + e.getClass().getSimpleName());
        }
    }

    /** GET /portfolio/orders?ticker=… (all statuses), following the cursor; null when absent. */
    private Order find(String ticker, String clientOrderId) throws IOException {
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            GetOrdersResponse r = gets.getOrders(ticker, null, cursor);
            for (Order o : r.orders()) {
                if (clientOrderId.equals(o.clientOrderId())) {
                    return o;
                }
            }
            cursor = r.cursor();
            if (cursor == null || cursor.isEmpty()) {
                return null;
            }
        }
        return null;
    }

    long lookups() {
        return lookups.get();
    }
}

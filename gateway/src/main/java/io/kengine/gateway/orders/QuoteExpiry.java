package io.kengine.gateway.orders;

/**
 * Pulls quote orders not re-confirmed by an approved quote within their lifetime, in event time. Keeps the
 * earliest deadline so an event before it costs one comparison.
 */
final class QuoteExpiry {
    private final LiveOrders orders;
    private final OrderIntents intents;
    private long nextExpiryNanos = Long.MAX_VALUE;

    QuoteExpiry(LiveOrders orders, OrderIntents intents) {
        this.orders = orders;
        this.intents = intents;
    }

    /** The order was created, re-confirmed or settled: its deadline may be the next one. */
    void schedule(LiveOrder o) {
        if (o.lifetimeNanos > 0) {
            long at = o.confirmedNanos + o.lifetimeNanos;
            if (at < nextExpiryNanos) {
                nextExpiryNanos = at;
            }
        }
    }

    void onTime(long now) {
        if (now < nextExpiryNanos) {
            return;
        }
        nextExpiryNanos = Long.MAX_VALUE;
        for (int m = 0; m < orders.marketsUsed(); m++) {
            expire(orders.bid(m), now);
            expire(orders.ask(m), now);
        }
    }

    private void expire(LiveOrder o, long now) {
        if (!o.isActive() || o.lifetimeNanos <= 0) {
            return;
        }
        if (o.isStable() && now - o.confirmedNanos >= o.lifetimeNanos) {
            o.wantedQty = 0;
            intents.cancel(o);
        } else {
            schedule(o); // a request in flight: look again at the next deadline
        }
    }
}

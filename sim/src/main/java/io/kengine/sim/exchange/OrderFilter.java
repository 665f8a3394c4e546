package io.kengine.sim.exchange;

/**
 * Filters of {@code GET /portfolio/orders}; null / {@link #NO_TIME} = not filtered. Times bound
 * {@code createdMs} inclusively.
 */
public record OrderFilter(String ticker, String eventTicker, OrderStatus status, long minTsMs, long maxTsMs) {
    public static final long NO_TIME = Long.MIN_VALUE;
    public static final OrderFilter ALL = new OrderFilter(null, null, null, NO_TIME, NO_TIME);

    public static OrderFilter ticker(String ticker) {
        return new OrderFilter(ticker, null, null, NO_TIME, NO_TIME);
    }

    public static OrderFilter status(OrderStatus status) {
        return new OrderFilter(null, null, status, NO_TIME, NO_TIME);
    }

    public OrderFilter withStatus(OrderStatus s) {
        return new OrderFilter(ticker, eventTicker, s, minTsMs, maxTsMs);
    }
}

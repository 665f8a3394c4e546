package io.kengine.sim.exchange;

/** Filters of {@code GET /portfolio/fills}; null / {@link OrderFilter#NO_TIME} = not filtered; times inclusive. */
public record FillFilter(String ticker, String orderId, long minTsMs, long maxTsMs) {
    public static final FillFilter ALL = new FillFilter(null, null, OrderFilter.NO_TIME, OrderFilter.NO_TIME);

    public static FillFilter ticker(String ticker) {
        return new FillFilter(ticker, null, OrderFilter.NO_TIME, OrderFilter.NO_TIME);
    }

    public static FillFilter order(String orderId) {
        return new FillFilter(null, orderId, OrderFilter.NO_TIME, OrderFilter.NO_TIME);
    }
}

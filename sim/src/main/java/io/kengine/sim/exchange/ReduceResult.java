package io.kengine.sim.exchange;

/**
 * The answer to a cancel or decrease: either {@code error}, or how much the resting size dropped
 * ({@code reduced_by}; 0 when the order was no longer resting) and the order afterwards.
 */
public record ReduceResult(ExchangeError error, OrderState order, long reducedBy, long tsMs) {

    public static ReduceResult rejected(ExchangeError error, long tsMs) {
        return new ReduceResult(error, null, 0, tsMs);
    }

    public boolean ok() {
        return error == null;
    }

    public long remainingCount() {
        return order == null ? 0 : order.remainingCount();
    }
}

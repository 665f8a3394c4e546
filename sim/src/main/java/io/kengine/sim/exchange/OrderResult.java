package io.kengine.sim.exchange;

/**
 * The answer to a create or amend: either {@code error} (nothing changed) or the order after the call, with
 * what this call filled ({@code fill_count}), the YES-price notional of those fills (micros; the average fill
 * price is notional / fill count) and their net fees (micros; {@code average_fee_paid} = fees / fill count).
 * {@code remainingCount} is what rests after the call (0 for IoC / FoK).
 */
public record OrderResult(ExchangeError error, OrderState order, long fillCount, long fillNotionalMicros,
                          long feesMicros, long tsMs) {

    public static OrderResult rejected(ExchangeError error, long tsMs) {
        return new OrderResult(error, null, 0, 0, 0, tsMs);
    }

    public boolean ok() {
        return error == null;
    }

    public String orderId() {
        return order == null ? null : order.orderId();
    }

    public long remainingCount() {
        return order == null ? 0 : order.remainingCount();
    }
}

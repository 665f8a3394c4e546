package io.kengine.gateway.orders;

/**
 * Settings of the orders stage (all decisions: they must be the same in replay). The stage starts from
 * the constructor's value and applies the journaled {@link OrdersParameters} changes over it.
 *
 * @param adoptOnStart          at the startup reconciliation, adopt the open orders found on the exchange
 *                              into free quote slots (true) or cancel them (false)
 * @param unwind                what a failed basket leg triggers
 * @param unwindSlippage        how far through the leg's price an unwind order may trade ($0.0001)
 * @param mismatchConfirmations consecutive rounds a position difference must persist (same value) to halt
 * @param rememberedFills       trade ids kept for deduplication
 */
public record OrdersConfig(boolean adoptOnStart, Unwind unwind, long unwindSlippage, int mismatchConfirmations,
                           int rememberedFills) {
    /** Unwind policy for a basket with a failed leg (rejected, or IOC not fully filled). */
    public enum Unwind {
        /** Record the decision only; risk sees the resulting position. */
        NONE,
        /** When every leg is done, close what the filled legs bought or sold with IOC orders. */
        FLATTEN
    }

    public static final OrdersConfig DEFAULTS = new OrdersConfig(false, Unwind.FLATTEN, 300, 2, 1 << 16);

    public OrdersConfig {
        if (unwind == null) {
            throw new IllegalArgumentException("unwind is null");
        }
        if (unwindSlippage < 0 || mismatchConfirmations < 1 || rememberedFills < 16) {
            throw new IllegalArgumentException("bad orders config");
        }
    }

    public OrdersConfig withAdoptOnStart(boolean adopt) {
        return new OrdersConfig(adopt, unwind, unwindSlippage, mismatchConfirmations, rememberedFills);
    }

    public OrdersConfig withUnwind(Unwind u) {
        return new OrdersConfig(adoptOnStart, u, unwindSlippage, mismatchConfirmations, rememberedFills);
    }

    public OrdersConfig withUnwindSlippage(long slippage) {
        return new OrdersConfig(adoptOnStart, unwind, slippage, mismatchConfirmations, rememberedFills);
    }

    public OrdersConfig withMismatchConfirmations(int rounds) {
        return new OrdersConfig(adoptOnStart, unwind, unwindSlippage, rounds, rememberedFills);
    }
}

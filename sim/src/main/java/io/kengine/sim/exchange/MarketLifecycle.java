package io.kengine.sim.exchange;

/**
 * A lifecycle transition of one market. {@code result} is null and {@code settlementValue} is
 * {@link #NO_VALUE} until determination; {@code settlementValue} is the YES contract's value in $0.0001.
 */
public record MarketLifecycle(String ticker, LifecycleKind kind, MarketStatus status, long openTimeMs, long closeTimeMs,
                              MarketResult result, long settlementValue, long tsMs) {
    public static final long NO_VALUE = -1L;
}

package io.kengine.config;

/**
 * How the business stages map to threads: {@code fused} runs all of them on one thread,
 * {@code per-stage} gives each its own, {@code single} also runs journal-out and the sender on the
 * business thread (no hand-off before the wire; for 2-core hosts); {@code auto} picks {@code single} on
 * hosts with at most 2 cores and {@code fused} otherwise. Same order, same results.
 */
public enum ThreadMapping implements ConfigChoice {
    AUTO, FUSED, PER_STAGE, SINGLE
}

package io.kengine.config;

/**
 * How the business stages map to threads: {@code fused} runs all of them on one thread,
 * {@code per-stage} gives each its own. Same order, same results.
 */
public enum ThreadMapping implements ConfigChoice {
    FUSED, PER_STAGE
}

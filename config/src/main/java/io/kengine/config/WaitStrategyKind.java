package io.kengine.config;

/**
 * How ring consumers wait for events. {@code auto} lets the engine choose from the core count,
 * since more spinning threads than cores starves them all.
 */
public enum WaitStrategyKind implements ConfigChoice {
    AUTO, BUSY_SPIN, SPIN_YIELD, YIELDING, SLEEPING, BLOCKING, PHASED_BACKOFF
}

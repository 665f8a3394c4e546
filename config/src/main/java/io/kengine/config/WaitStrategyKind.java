package io.kengine.config;

/**
 * How ring consumers wait for events. {@code auto} lets the engine choose from the core count,
 * since more spinning threads than cores starves them all. {@code hot-spin}: only the business thread
 * spins (yielding once per slice), every other consumer backs off to blocking.
 */
public enum WaitStrategyKind implements ConfigChoice {
    AUTO, BUSY_SPIN, SPIN_YIELD, HOT_SPIN, YIELDING, SLEEPING, BLOCKING, PHASED_BACKOFF
}

package io.kengine.sim.exchange;

/** One ladder level: price on that ladder ($0.0001) and resting size (0.01 contracts). */
public record BookLevel(long price, long count) {
}

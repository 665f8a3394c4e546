package io.kengine.sim.exchange;

/**
 * A V2 decrease: exactly one of {@code reduceBy} (≥ 0.01) or {@code reduceTo} (≥ 0), both in 0.01 contracts,
 * the other {@link #ABSENT}. Both are clamped to the remaining size (reduce_by beyond it cancels, reduce_to
 * at or above it changes nothing).
 */
public record DecreaseRequest(long reduceBy, long reduceTo) {
    public static final long ABSENT = -1L;

    public static DecreaseRequest by(long count) {
        return new DecreaseRequest(count, ABSENT);
    }

    public static DecreaseRequest to(long count) {
        return new DecreaseRequest(ABSENT, count);
    }

    /** False when not exactly one field is given or the given one is out of range. */
    public boolean isValid() {
        boolean by = reduceBy != ABSENT;
        boolean to = reduceTo != ABSENT;
        if (by == to) {
            return false;
        }
        return by ? reduceBy >= 1 : reduceTo >= 0;
    }
}

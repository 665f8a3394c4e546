package io.kengine.book;

/**
 * Tunables of the book stage's features and staleness. Immutable; given to {@link BookStage} at
 * construction (the engine builds it from its configuration).
 *
 * @param depthLevels        N for the depth imbalance (best N levels per side), ≥ 1
 * @param maxAgeNanos        a trusted book with no snapshot or delta applied for longer than this turns
 *                           {@code STALE}; 0 disables staleness
 * @param volatilityTauNanos time constant of the mid volatility EWMA
 * @param intensityTauNanos  time constant of the trade intensity EWMA
 * @param netOwnOrders       read books net of our own resting orders once Kalshi tags a delta with one of
 *                           our client order ids ({@link OrderBook}); on by default
 */
public record BookSettings(int depthLevels, long maxAgeNanos, long volatilityTauNanos, long intensityTauNanos,
                           boolean netOwnOrders) {
    private static final long SECOND = 1_000_000_000L;

    /** N = 5, max age 60 s, both EWMAs with τ = 60 s, own orders netted out. */
    public static final BookSettings DEFAULT = new BookSettings(5, 60 * SECOND, 60 * SECOND, 60 * SECOND);

    public BookSettings(int depthLevels, long maxAgeNanos, long volatilityTauNanos, long intensityTauNanos) {
        this(depthLevels, maxAgeNanos, volatilityTauNanos, intensityTauNanos, true);
    }

    public BookSettings {
        if (depthLevels < 1) {
            throw new IllegalArgumentException("depthLevels must be at least 1: " + depthLevels);
        }
        if (maxAgeNanos < 0) {
            throw new IllegalArgumentException("maxAgeNanos must not be negative: " + maxAgeNanos);
        }
        if (volatilityTauNanos <= 0 || intensityTauNanos <= 0) {
            throw new IllegalArgumentException("EWMA time constants must be positive");
        }
    }

    public BookSettings withDepthLevels(int n) {
        return new BookSettings(n, maxAgeNanos, volatilityTauNanos, intensityTauNanos, netOwnOrders);
    }

    public BookSettings withMaxAgeNanos(long nanos) {
        return new BookSettings(depthLevels, nanos, volatilityTauNanos, intensityTauNanos, netOwnOrders);
    }

    public BookSettings withVolatilityTauNanos(long nanos) {
        return new BookSettings(depthLevels, maxAgeNanos, nanos, intensityTauNanos, netOwnOrders);
    }

    public BookSettings withIntensityTauNanos(long nanos) {
        return new BookSettings(depthLevels, maxAgeNanos, volatilityTauNanos, nanos, netOwnOrders);
    }

    public BookSettings withNetOwnOrders(boolean on) {
        return new BookSettings(depthLevels, maxAgeNanos, volatilityTauNanos, intensityTauNanos, on);
    }
}

package io.kengine.gateway.rest;

/**
 * Kalshi's 2026 usage tiers (kalshi-api.md §7): Write bucket tokens per second and capacity. A create,
 * amend or decrease costs {@link #COST_ORDER} tokens, a cancel {@link #COST_CANCEL}; a batch the sum
 * of its items.
 */
public enum RateTier {
    BASIC(100, 1),
    ADVANCED(300, 2),
    EXPERT(600, 2),
    PREMIER(1_000, 2),
    PARAGON(2_000, 2),
    PRIME(4_000, 2),
    PRESTIGE(8_000, 2);

    public static final long COST_ORDER = 10;
    public static final long COST_CANCEL = 2;

    private final long writePerSecond;
    private final long writeCapacity;

    RateTier(long writePerSecond, int seconds) {
        this.writePerSecond = writePerSecond;
        this.writeCapacity = writePerSecond * seconds;
    }

    public long writePerSecond() {
        return writePerSecond;
    }

    public long writeCapacity() {
        return writeCapacity;
    }
}

package io.kengine.sim.server;

/**
 * Kalshi's 2026 usage tiers and their token-bucket budgets (reference §7): tokens per second
 * for the Read and the Write bucket, and each bucket's capacity. Write buckets above Basic and
 * the Basic/Advanced Read buckets hold two seconds of budget; the others hold one.
 */
public enum RateTier {
    BASIC(200, 100, 2, 1),
    ADVANCED(300, 300, 2, 2),
    EXPERT(600, 600, 1, 2),
    PREMIER(1_000, 1_000, 1, 2),
    PARAGON(2_000, 2_000, 1, 2),
    PRIME(4_000, 4_000, 1, 2),
    PRESTIGE(10_000, 8_000, 1, 2);

    private final long readPerSecond;
    private final long writePerSecond;
    private final long readCapacity;
    private final long writeCapacity;

    RateTier(long readPerSecond, long writePerSecond, int readSeconds, int writeSeconds) {
        this.readPerSecond = readPerSecond;
        this.writePerSecond = writePerSecond;
        this.readCapacity = readPerSecond * readSeconds;
        this.writeCapacity = writePerSecond * writeSeconds;
    }

    public long readPerSecond() {
        return readPerSecond;
    }

    public long writePerSecond() {
        return writePerSecond;
    }

    public long readCapacity() {
        return readCapacity;
    }

    public long writeCapacity() {
        return writeCapacity;
    }
}

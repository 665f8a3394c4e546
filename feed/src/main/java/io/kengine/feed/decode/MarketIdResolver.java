package io.kengine.feed.decode;

/**
 * Kalshi market ticker bytes → the engine's int market id, so no String is built per frame.
 * Implementations must not allocate on lookup.
 */
@FunctionalInterface
public interface MarketIdResolver {
    int UNKNOWN = -1;

    /** The id of the ticker at {@code bytes[offset, offset + length)}, or {@link #UNKNOWN}. */
    int marketId(byte[] bytes, int offset, int length);
}

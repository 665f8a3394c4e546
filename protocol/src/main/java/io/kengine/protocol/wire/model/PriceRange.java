package io.kengine.protocol.wire.model;

/** One band of a market's price grid ({@code price_ranges}), all in $0.0001. */
public record PriceRange(long start, long end, long step) {
}

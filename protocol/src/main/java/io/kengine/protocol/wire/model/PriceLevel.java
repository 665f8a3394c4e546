package io.kengine.protocol.wire.model;

/** One book level: a bid price in $0.0001 and the resting count in 0.01 contracts. */
public record PriceLevel(long price, long count) {
}

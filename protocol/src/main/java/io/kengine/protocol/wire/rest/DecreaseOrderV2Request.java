package io.kengine.protocol.wire.rest;

/**
 * Body of {@code POST /portfolio/events/orders/{order_id}/decrease}: exactly one of {@code reduceBy}
 * / {@code reduceTo} (counts) must be present; the reader does not enforce it, a server answers 400.
 */
public record DecreaseOrderV2Request(long reduceBy, long reduceTo, Integer exchangeIndex, String marketTicker) {
}

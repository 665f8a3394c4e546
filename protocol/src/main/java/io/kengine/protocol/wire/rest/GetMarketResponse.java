package io.kengine.protocol.wire.rest;

/** {@code GET /markets/{ticker}}: {@code {"market": Market}}. */
public record GetMarketResponse(Market market) {
}

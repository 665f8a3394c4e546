package io.kengine.protocol.wire.rest;

/**
 * Reply to {@code DELETE /portfolio/events/orders/{order_id}} (the request has no body; its options
 * {@code subaccount}, {@code exchange_index}, {@code market_ticker} are query parameters).
 * {@code reducedBy} 0 means the order had already filled.
 */
public record CancelOrderV2Response(String orderId, String clientOrderId, long reducedBy, long tsMs) {
}

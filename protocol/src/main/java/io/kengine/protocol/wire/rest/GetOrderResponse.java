package io.kengine.protocol.wire.rest;

/** {@code GET /portfolio/orders/{order_id}}: {@code {"order": Order}}. */
public record GetOrderResponse(Order order) {
}

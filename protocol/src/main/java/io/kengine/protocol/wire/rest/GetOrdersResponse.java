package io.kengine.protocol.wire.rest;

import java.util.List;

/** {@code GET /portfolio/orders}: a page of orders and the cursor of the next page (null/empty = last). */
public record GetOrdersResponse(List<Order> orders, String cursor) {
}

package io.kengine.protocol.wire.rest;

import java.util.List;

/** Body of {@code POST /portfolio/events/orders/batched}: {@code {"orders":[CreateOrderV2Request...]}}. */
public record BatchCreateOrdersV2Request(List<CreateOrderV2Request> orders) {
}

package io.kengine.protocol.wire.rest;

import java.util.List;

/** Body of {@code DELETE /portfolio/events/orders/batched}: {@code {"orders":[{order_id,...}]}}. */
public record BatchCancelOrdersV2Request(List<BatchCancelOrder> orders) {
}

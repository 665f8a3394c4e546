package io.kengine.protocol.wire.rest;

/** Reply to a decrease. */
public record DecreaseOrderV2Response(String orderId, String clientOrderId, long remainingCount, long tsMs) {
}

package io.kengine.protocol.wire.rest;

/** One entry of a batch cancel reply; {@code error} set when that cancel failed. */
public record BatchCancelOrderResult(String orderId, String clientOrderId, long reducedBy, long tsMs, ApiError error) {
}

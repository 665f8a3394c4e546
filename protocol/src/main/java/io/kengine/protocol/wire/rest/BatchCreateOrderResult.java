package io.kengine.protocol.wire.rest;

import java.math.BigDecimal;

/** One entry of a batch create reply, in input order; {@code error} is set when that order failed. */
public record BatchCreateOrderResult(String orderId, String clientOrderId, long fillCount, long remainingCount,
                                     BigDecimal averageFillPrice, BigDecimal averageFeePaid, long tsMs,
                                     ApiError error) {
}

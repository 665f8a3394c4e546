package io.kengine.protocol.wire.rest;

import java.math.BigDecimal;

/** Reply to an amend; fill fields only when the amended order crossed. */
public record AmendOrderV2Response(String orderId, String clientOrderId, long remainingCount, long fillCount,
                                   BigDecimal averageFillPrice, BigDecimal averageFeePaid, long tsMs) {
}

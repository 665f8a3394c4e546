package io.kengine.protocol.wire.rest;

import java.math.BigDecimal;

/**
 * 201 reply to a V2 create. {@code remainingCount} is what rests (for IoC, what is left after the
 * cancel). The averages are per contract and present only when {@code fillCount > 0}; they are kept
 * as exact decimals because an average of fills need not sit on the $0.0001 grid.
 */
public record CreateOrderV2Response(String orderId, String clientOrderId, long fillCount, long remainingCount,
                                    BigDecimal averageFillPrice, BigDecimal averageFeePaid, long tsMs) {
}

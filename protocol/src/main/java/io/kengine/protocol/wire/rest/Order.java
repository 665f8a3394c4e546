package io.kengine.protocol.wire.rest;

import io.kengine.protocol.wire.model.OrderStatus;
import io.kengine.protocol.wire.model.OutcomeSide;
import io.kengine.protocol.wire.model.SelfTradePrevention;

/**
 * Kalshi's Order object (kalshi-api.md §3.2, current schema), as returned by {@code GET /portfolio/orders}.
 * {@code yesPrice} in $0.0001 ({@code no_price_dollars} is derived as $1 − yes); counts in 0.01;
 * costs and fees money; times epoch ms (RFC 3339 on the wire). Direction is {@code outcomeSide};
 * the deprecated {@code side}/{@code action} are written as "buy {@code outcomeSide}" and
 * {@code type} as {@code "limit"} (the only type left).
 */
public record Order(String orderId, String userId, String clientOrderId, String ticker, OutcomeSide outcomeSide,
                    OrderStatus status, long yesPrice, long fillCount, long remainingCount, long initialCount,
                    long takerFillCost, long makerFillCost, long takerFees, long makerFees, long expirationTimeMs,
                    long createdTimeMs, long lastUpdateTimeMs, SelfTradePrevention selfTradePrevention,
                    String orderGroupId, Boolean cancelOrderOnPause, Integer subaccountNumber, Integer exchangeIndex) {
}

package io.kengine.protocol.wire.ws;

import io.kengine.protocol.wire.model.OrderStatus;
import io.kengine.protocol.wire.model.OutcomeSide;
import io.kengine.protocol.wire.model.SelfTradePrevention;

/**
 * {@code user_order} (channel {@code user_orders}): an order of the receiver was created or changed.
 * Costs and fees are money. Times are epoch ms, written both as {@code *_ts_ms} and as the
 * deprecated RFC 3339 {@code *_time}.
 */
public record UserOrder(long sid, String orderId, String userId, String ticker, OrderStatus status,
                        OutcomeSide outcomeSide, long yesPrice, long fillCount, long remainingCount,
                        long initialCount, long takerFillCost, long makerFillCost, long takerFees, long makerFees,
                        String clientOrderId, String orderGroupId, SelfTradePrevention selfTradePrevention,
                        long createdTsMs, long lastUpdatedTsMs, long expirationTsMs, Integer subaccountNumber)
        implements WsMessage {
    public static final String TYPE = "user_order";

    @Override
    public String type() {
        return TYPE;
    }
}

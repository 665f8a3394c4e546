package io.kengine.protocol.wire.rest;

import io.kengine.protocol.wire.model.BookSide;

/**
 * Body of {@code POST /portfolio/events/orders/{order_id}/amend}. {@code count} is the new total
 * max-fillable (already filled + desired remaining), not the remainder.
 */
public record AmendOrderV2Request(String ticker, BookSide side, long price, long count, String clientOrderId,
                                  String updatedClientOrderId, Integer exchangeIndex) {
}

package io.kengine.protocol.wire.rest;

import io.kengine.protocol.wire.model.OutcomeSide;

/**
 * One fill of {@code GET /portfolio/fills}. Written with the legacy twins Kalshi still sends
 * ({@code trade_id} = {@code fill_id}, {@code market_ticker} = {@code ticker}, {@code ts} = created
 * time in Unix seconds (unit UNCONFIRMED), deprecated {@code side}/{@code action} as "buy outcome").
 */
public record PortfolioFill(String fillId, String orderId, String ticker, Integer exchangeIndex,
                            OutcomeSide outcomeSide, long yesPrice, long count, boolean isTaker, long createdTimeMs,
                            long feeCost, Integer subaccountNumber) {
}

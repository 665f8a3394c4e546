package io.kengine.protocol.wire.rest;

import java.util.List;

/**
 * {@code GET /portfolio/balance}. {@code balance} and {@code portfolioValue} are money ($0.0001);
 * on the wire {@code balance} is integer cents (truncated) plus the exact {@code balance_dollars},
 * and {@code portfolio_value} integer cents. {@code updatedTs} is passed through as sent (its unit is
 * not documented).
 */
public record GetBalanceResponse(long balance, long portfolioValue, long updatedTs, List<Breakdown> balanceBreakdown) {
    /** Per-shard balance; {@code balance} money, integer cents on the wire (UNCONFIRMED). */
    public record Breakdown(Integer exchangeIndex, long balance) {
    }
}

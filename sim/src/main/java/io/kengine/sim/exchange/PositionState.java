package io.kengine.sim.exchange;

/**
 * One account's position in one market (Kalshi's {@code market_position} / MarketPosition). {@code position}
 * is signed in 0.01 contracts (+ YES, − NO). Money in micro-dollars: {@code costMicros} what the open position
 * cost in its own leg ({@code position_cost}), {@code realizedPnlMicros} realized P&amp;L before fees,
 * {@code feesPaidMicros} net trade fees plus settlement fees, {@code tradedMicros} the own-leg value of all
 * fills ({@code total_traded}). {@code volume} is contracts traded. The exact Kalshi definitions of these
 * aggregates are UNCONFIRMED.
 */
public record PositionState(String accountId, String ticker, long position, long costMicros, long realizedPnlMicros,
                            long feesPaidMicros, long volume, long tradedMicros, long lastUpdatedMs) {
}

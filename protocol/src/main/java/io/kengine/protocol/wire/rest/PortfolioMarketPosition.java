package io.kengine.protocol.wire.rest;

/**
 * One {@code market_positions} entry of {@code GET /portfolio/positions}: signed {@code position}
 * (+ YES, − NO) in 0.01 contracts; the rest money; {@code lastUpdatedMs} epoch ms.
 */
public record PortfolioMarketPosition(String ticker, Integer exchangeIndex, long totalTraded, long position,
                                      long marketExposure, long realizedPnl, long feesPaid, long lastUpdatedMs) {
}

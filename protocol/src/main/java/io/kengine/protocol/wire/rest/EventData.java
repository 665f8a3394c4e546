package io.kengine.protocol.wire.rest;

import java.math.BigDecimal;
import java.util.List;

/**
 * Kalshi's event ({@code EventData}, kalshi-api.md §3.12). {@code markets} is present only with
 * {@code with_nested_markets}. Fee overrides (null = the series' fee applies) are exact decimals.
 * {@code strikeDateMs} is epoch ms (RFC 3339 on the wire; UNCONFIRMED format).
 */
public record EventData(String eventTicker, String seriesTicker, String title, String subTitle,
                        String collateralReturnType, Boolean mutuallyExclusive, long strikeDateMs,
                        String strikePeriod, List<Market> markets, String feeTypeOverride,
                        BigDecimal feeMultiplierOverride, Integer exchangeIndex) {
}

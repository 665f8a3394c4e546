package io.kengine.protocol.wire.rest;

import io.kengine.protocol.wire.model.PriceRange;
import java.math.BigDecimal;
import java.util.List;

/**
 * Kalshi's Market object (kalshi-api.md §3.12). Prices in $0.0001, counts in 0.01 contracts,
 * {@code notionalValue} money, times epoch ms (RFC 3339 on the wire). {@code priceRanges} is the
 * market's tick grid and the source of truth for valid prices. {@code status}, {@code marketType},
 * {@code result} and {@code priceLevelStructure} stay strings: Kalshi has added values before.
 */
public record Market(String ticker, String eventTicker, String marketType, String yesSubTitle, String noSubTitle,
                     String status, long openTimeMs, long closeTimeMs, long expectedExpirationTimeMs,
                     long latestExpirationTimeMs, Integer settlementTimerSeconds, long yesBid, long yesBidSize,
                     long yesAsk, long yesAskSize, long noBid, long noAsk, long lastPrice, long previousYesBid,
                     long previousYesAsk, long previousPrice, long volume, long volume24h, long openInterest,
                     long notionalValue, String result, Boolean canCloseEarly, long settlementValue,
                     long settlementTimeMs, String expirationValue, String strikeType, BigDecimal floorStrike,
                     BigDecimal capStrike, String rulesPrimary, String rulesSecondary, String priceLevelStructure,
                     List<PriceRange> priceRanges, long feeWaiverExpirationTimeMs, Boolean isProvisional,
                     Integer exchangeIndex) {
    public static final String STATUS_INITIALIZED = "initialized";
    public static final String STATUS_ACTIVE = "active";
    public static final String STATUS_INACTIVE = "inactive";
    public static final String STATUS_CLOSED = "closed";
    public static final String STATUS_DETERMINED = "determined";
    public static final String STATUS_DISPUTED = "disputed";
    public static final String STATUS_AMENDED = "amended";
    public static final String STATUS_FINALIZED = "finalized";
}

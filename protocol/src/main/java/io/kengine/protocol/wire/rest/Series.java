package io.kengine.protocol.wire.rest;

import java.math.BigDecimal;
import java.util.List;

/**
 * Kalshi's series (kalshi-api.md §3.12, §6). {@code feeType} is one of the {@code FEE_*} constants;
 * {@code feeMultiplier} is Kalshi's float, kept exact. {@code volume} in 0.01 contracts.
 */
public record Series(String ticker, String frequency, String title, String category, List<String> tags,
                     List<SettlementSource> settlementSources, String contractUrl, String contractTermsUrl,
                     String feeType, BigDecimal feeMultiplier, List<String> additionalProhibitions, long volume,
                     Integer exchangeIndex) {
    public static final String FEE_QUADRATIC = "quadratic";
    public static final String FEE_QUADRATIC_WITH_MAKER_FEES = "quadratic_with_maker_fees";
    public static final String FEE_QUADRATIC_WITH_COMBO_MAKER_FEES = "quadratic_with_combo_maker_fees";
    public static final String FEE_FLAT = "flat";

    /** {@code {"name":..., "url":...}}. */
    public record SettlementSource(String name, String url) {
    }
}

package io.kengine.protocol.wire.ws;

import java.math.BigDecimal;

/** {@code additional_metadata} of a {@code created} lifecycle event. Strikes are plain numbers, kept exact. */
public record MarketMetadata(String name, String title, String yesSubTitle, String noSubTitle, String rulesPrimary,
                             String rulesSecondary, Boolean canCloseEarly, String eventTicker,
                             long expectedExpirationTsSec, String strikeType, BigDecimal floorStrike,
                             BigDecimal capStrike) {
}

package io.kengine.protocol.wire.ws;

import io.kengine.protocol.wire.model.PriceRange;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code market_lifecycle_v2}: which fields are present depends on {@code eventType} (see the
 * constants). Times are Unix seconds as Kalshi sends them; {@code settlementValue} is a price.
 * {@code eventType} stays a string so a new kind of event does not break the reader.
 */
public record MarketLifecycleV2(long sid, String marketTicker, String eventType, Integer exchangeIndex,
                                long openTsSec, long closeTsSec, String result, long determinationTsSec,
                                long settlementValue, long settledTsSec, Boolean isDeactivated,
                                String priceLevelStructure, List<PriceRange> priceRanges, String strikeType,
                                BigDecimal floorStrike, BigDecimal capStrike, String yesSubTitle,
                                MarketMetadata additionalMetadata) implements WsMessage {
    public static final String TYPE = "market_lifecycle_v2";

    public static final String CREATED = "created";
    public static final String ACTIVATED = "activated";
    public static final String DEACTIVATED = "deactivated";
    public static final String CLOSE_DATE_UPDATED = "close_date_updated";
    public static final String DETERMINED = "determined";
    public static final String SETTLED = "settled";
    public static final String PRICE_LEVEL_STRUCTURE_UPDATED = "price_level_structure_updated";
    public static final String METADATA_UPDATED = "metadata_updated";

    @Override
    public String type() {
        return TYPE;
    }
}

package io.kengine.protocol.wire.ws;

import java.math.BigDecimal;

/**
 * {@code event_fee_update} (on {@code market_lifecycle_v2}): an event-level fee override was set,
 * or cleared (both null, written as JSON null).
 */
public record EventFeeUpdate(long sid, String eventTicker, String feeTypeOverride, BigDecimal feeMultiplierOverride)
        implements WsMessage {
    public static final String TYPE = "event_fee_update";

    @Override
    public String type() {
        return TYPE;
    }
}

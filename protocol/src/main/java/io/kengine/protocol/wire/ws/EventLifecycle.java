package io.kengine.protocol.wire.ws;

/** {@code event_lifecycle} (on {@code market_lifecycle_v2}): an event was created. */
public record EventLifecycle(long sid, String eventTicker, Integer exchangeIndex, String title, String subtitle,
                             String collateralReturnType, String seriesTicker, long strikeDateSec,
                             String strikePeriod) implements WsMessage {
    public static final String TYPE = "event_lifecycle";

    @Override
    public String type() {
        return TYPE;
    }
}

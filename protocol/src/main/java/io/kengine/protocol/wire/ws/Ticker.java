package io.kengine.protocol.wire.ws;

/**
 * {@code ticker} (no {@code seq}): last trade price, top of book with sizes, volume, open interest.
 * {@code dollarVolume} / {@code dollarOpenInterest} are whole dollars as Kalshi sends them.
 * {@code tsMs} is written as {@code ts_ms}, the deprecated {@code ts} (seconds) and {@code time} (RFC 3339).
 */
public record Ticker(long sid, String marketTicker, String marketId, long price, long yesBid, long yesAsk,
                     long yesBidSize, long yesAskSize, long lastTradeSize, long volume, long openInterest,
                     long dollarVolume, long dollarOpenInterest, long tsMs) implements WsMessage {
    public static final String TYPE = "ticker";

    @Override
    public String type() {
        return TYPE;
    }
}

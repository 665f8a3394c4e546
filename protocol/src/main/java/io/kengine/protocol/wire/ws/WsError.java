package io.kengine.protocol.wire.ws;

/**
 * {@code {"id":123,"type":"error","msg":{"code":6,"msg":"Already subscribed"}}}, optionally naming the
 * market. {@link WsErrorCode} lists the codes.
 */
public record WsError(long id, int code, String msg, String marketTicker, String marketId) implements WsMessage {
    public static final String TYPE = "error";

    /** The error for {@code code} with Kalshi's standard text. */
    public static WsError of(long id, WsErrorCode code) {
        return new WsError(id, code.code(), code.message(), null, null);
    }

    @Override
    public String type() {
        return TYPE;
    }
}

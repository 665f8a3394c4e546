package io.kengine.protocol.wire.ws;

import java.util.List;

/**
 * {@code ok} for {@code update_subscription}: {@code msg} carries the full market list after the
 * update (omitted when both lists are null, e.g. with {@code skip_ticker_ack}).
 */
public record UpdateOk(long id, long sid, long seq, List<String> marketTickers, List<String> marketIds)
        implements WsMessage {
    public static final String TYPE = "ok";

    @Override
    public String type() {
        return TYPE;
    }
}

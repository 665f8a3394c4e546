package io.kengine.protocol.wire.ws;

/** {@code {"id":1,"type":"subscribed","msg":{"channel":"orderbook_delta","sid":1}}}: one per channel. */
public record Subscribed(long id, String channel, long sid) implements WsMessage {
    public static final String TYPE = "subscribed";

    @Override
    public String type() {
        return TYPE;
    }
}

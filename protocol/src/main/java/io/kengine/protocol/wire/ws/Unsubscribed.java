package io.kengine.protocol.wire.ws;

/** {@code {"id":102,"sid":2,"seq":7,"type":"unsubscribed"}}. */
public record Unsubscribed(long id, long sid, long seq) implements WsMessage {
    public static final String TYPE = "unsubscribed";

    @Override
    public String type() {
        return TYPE;
    }
}

package io.kengine.protocol.wire.ws;

import java.util.List;

/** The {@code list_subscriptions} reply: {@code type "ok"} with {@code msg} an array of {channel, sid}. */
public record SubscriptionList(long id, List<Entry> subscriptions) implements WsMessage {
    public static final String TYPE = "ok";

    public record Entry(String channel, long sid) {
    }

    @Override
    public String type() {
        return TYPE;
    }
}

package io.kengine.protocol.wire.ws;

/** {@code list_subscriptions}: no params. */
public record ListSubscriptions(long id) implements WsCommand {
    public static final String CMD = "list_subscriptions";

    @Override
    public String cmd() {
        return CMD;
    }
}

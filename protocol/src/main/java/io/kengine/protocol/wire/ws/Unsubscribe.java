package io.kengine.protocol.wire.ws;

import java.util.List;

/** {@code unsubscribe}: {@code params.sids}. */
public record Unsubscribe(long id, List<Long> sids) implements WsCommand {
    public static final String CMD = "unsubscribe";

    @Override
    public String cmd() {
        return CMD;
    }
}

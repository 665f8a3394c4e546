package io.kengine.protocol.wire.ws;

/** {@code order_group_updates} (has {@code seq}): created, triggered, reset, deleted, limit_updated. */
public record OrderGroupUpdate(long sid, long seq, String eventType, String orderGroupId, long contractsLimit,
                               long tsMs) implements WsMessage {
    public static final String TYPE = "order_group_updates";

    @Override
    public String type() {
        return TYPE;
    }
}

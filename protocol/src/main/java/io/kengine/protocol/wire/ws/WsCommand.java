package io.kengine.protocol.wire.ws;

/**
 * A client → server WebSocket command: {@code {"id":..., "cmd":..., "params":{...}}} (kalshi-api.md §4.2).
 * {@link #id()} is the client's command id, {@link io.kengine.protocol.wire.Wire#ABSENT} when
 * absent (the server treats 0 the same as no id).
 */
public sealed interface WsCommand permits Subscribe, Unsubscribe, UpdateSubscription, ListSubscriptions, UnknownCommand {
    long id();

    /** The {@code cmd} value. */
    String cmd();
}

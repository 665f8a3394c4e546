package io.kengine.protocol.wire.ws;

/** A well-formed command whose {@code cmd} is not one of Kalshi's: the server answers error 5. */
public record UnknownCommand(long id, String cmd) implements WsCommand {
}

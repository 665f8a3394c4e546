package io.kengine.protocol.wire.ws;

/**
 * A well-formed message of a type this reader does not model (RFQ/communications, multivariate
 * lifecycle, index feeds, or something new): a client counts and skips it.
 */
public record UnknownMessage(String type, long sid, long seq) implements WsMessage {
}

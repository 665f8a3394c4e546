package io.kengine.feed.connection;

import io.kengine.protocol.wire.auth.AuthHeaders;

/** Opens the feed's WebSocket connections to one URL; one instance per {@link KalshiFeed}. */
interface WsTransport {
    /**
     * Starts connecting in the background and returns at once: the outcome reaches {@code listener}
     * ({@link WsListener#onOpen} or {@link WsListener#onFailure}), never this thread.
     *
     * @param auth the signed KALSHI-ACCESS-* headers of the upgrade request
     */
    WsSocket connect(AuthHeaders auth, WsListener listener);
}

package io.kengine.feed.connection;

/**
 * One WebSocket connection as {@link KalshiFeed} drives it, whichever client carries it ({@link FeedTransport}).
 * Callable from any thread; every method is safe on a socket that is already gone.
 */
interface WsSocket {
    /** Queues or writes one text frame (commands: rare); false when the socket is closing or gone. */
    boolean send(String text);

    /** Starts the closing handshake with {@code code} (the server's answer ends the socket). */
    void close(int code, String reason);

    /** Drops the connection at once, without a closing handshake; later callbacks may still arrive. */
    void cancel();

    /** Pings and pongs received so far: activity for the dead-connection check, though not frames. */
    long receivedPingsPongs();

    /** Sends a Ping, for {@code clientPingInterval}; a client that pings on its own timer ignores it. */
    void ping();
}

package io.kengine.feed.connection;

import org.agrona.DirectBuffer;

/**
 * What a {@link WsSocket} reports, on its client's reader thread. After {@link #onServerClose},
 * {@link #onFailure} or {@link #onProtocolError} the socket is finished; a listener must still expect
 * more than one of them (e.g. a failure after a close), and ignore the ones it no longer cares about.
 */
interface WsListener {
    /** The upgrade succeeded; frames may follow at once. */
    void onOpen(WsSocket socket);

    /**
     * One whole text message, valid only during the call (the client reuses the bytes afterwards).
     *
     * @param receivedNanos {@code System.nanoTime()} when the read that completed the message returned
     */
    void onMessage(DirectBuffer buffer, int offset, int length, long receivedNanos);

    /** The server sent a Close frame; the client has answered it. */
    void onServerClose(int code, String reason);

    /** Connect, upgrade or read failed, or the connection ended without a Close frame. */
    void onFailure(String reason);

    /** The server broke RFC 6455; the client has closed with {@code closeCode} (1002, 1003, 1009). */
    void onProtocolError(int closeCode, String reason);
}

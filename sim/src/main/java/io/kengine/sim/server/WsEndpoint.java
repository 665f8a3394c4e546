package io.kengine.sim.server;

import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.api.WebSocketPingPongListener;

import java.nio.ByteBuffer;

/**
 * Jetty's per-connection listener: hands text frames to the hub on the exchange thread, answers
 * client Pings, records Pongs for the liveness check.
 */
final class WsEndpoint implements WebSocketListener, WebSocketPingPongListener {
    private final SimServer server;
    private final ApiKey key;
    private WsConnection connection;

    WsEndpoint(SimServer server, ApiKey key) {
        this.server = server;
        this.key = key;
    }

    @Override
    public void onWebSocketConnect(Session session) {
        connection = server.wsOpened(key, session);
    }

    @Override
    public void onWebSocketText(String message) {
        WsConnection c = connection;
        if (c != null) {
            server.wsText(c, message);
        }
    }

    @Override
    public void onWebSocketBinary(byte[] payload, int offset, int len) {
        WsConnection c = connection;
        if (c != null) {
            server.wsText(c, new String(payload, offset, len, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        WsConnection c = connection;
        if (c != null) {
            ByteBuffer copy = ByteBuffer.allocate(payload.remaining());
            copy.put(payload.duplicate()).flip();
            c.pong(copy);
        }
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        WsConnection c = connection;
        if (c != null) {
            c.onPong();
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        WsConnection c = connection;
        if (c != null) {
            server.wsClosed(c);
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        WsConnection c = connection;
        if (c != null) {
            server.wsClosed(c);
        }
    }
}

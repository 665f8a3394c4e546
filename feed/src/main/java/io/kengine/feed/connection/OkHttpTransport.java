package io.kengine.feed.connection;

import io.kengine.protocol.wire.auth.AuthHeaders;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.internal.ws.RealWebSocket;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * {@link FeedTransport#OKHTTP}: OkHttp's WebSocket (its reader and writer threads, its own pings every
 * {@code clientPingInterval}). OkHttp hands each text frame over as a {@code String}, which is encoded
 * back to UTF-8 into the socket's reused buffer: one String per frame is the cost of this transport.
 */
final class OkHttpTransport implements WsTransport {
    private final OkHttpClient http;
    private final String url;

    OkHttpTransport(OkHttpClient http, String url) {
        this.http = http;
        this.url = url;
        new Request.Builder().url(url); // a malformed URL fails here, not in an endless reconnect loop
    }

    @Override
    public WsSocket connect(AuthHeaders auth, WsListener listener) {
        Request.Builder b = new Request.Builder().url(url);
        auth.forEach(b::header);
        OkHttpSocket s = new OkHttpSocket(listener);
        WebSocket ws = http.newWebSocket(b.build(), s);
        s.attach(ws);
        return s;
    }

    /** One OkHttp socket and the listener it reports to. */
    private static final class OkHttpSocket extends WebSocketListener implements WsSocket {
        private final WsListener listener;
        private volatile WebSocket ws;
        private UnsafeBuffer frame = new UnsafeBuffer(new byte[8192]); // OkHttp's reader thread only

        OkHttpSocket(WsListener listener) {
            this.listener = listener;
        }

        void attach(WebSocket socket) {
            ws = socket;
        }

        @Override
        public boolean send(String text) {
            WebSocket w = ws;
            return w != null && w.send(text);
        }

        @Override
        public void close(int code, String reason) {
            WebSocket w = ws;
            if (w != null) {
                w.close(code, reason);
            }
        }

        @Override
        public void cancel() {
            WebSocket w = ws;
            if (w != null) {
                w.cancel();
            }
        }

        /** OkHttp does not surface pings to listeners: its internal counts (they take the socket's monitor). */
        @Override
        public long receivedPingsPongs() {
            WebSocket w = ws;
            return w instanceof RealWebSocket
                    ? ((RealWebSocket) w).receivedPingCount() + (long) ((RealWebSocket) w).receivedPongCount() : 0;
        }

        /** OkHttp pings on its own timer ({@code OkHttpClient.pingInterval}) and fails the socket on a missing pong. */
        @Override
        public void ping() {
        }

        @Override
        public void onOpen(WebSocket webSocket, Response response) {
            ws = webSocket;
            listener.onOpen(this);
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            long received = System.nanoTime(); // the receive stamp includes the String → bytes copy
            int len = encode(text);
            listener.onMessage(frame, 0, len, received);
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            listener.onServerClose(code, reason);
        }

        @Override
        public void onClosed(WebSocket webSocket, int code, String reason) {
            listener.onFailure("closed " + code);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            listener.onFailure(response != null ? "HTTP " + response.code() : String.valueOf(t));
        }

        /** The text frame as UTF-8 bytes in the reused buffer. */
        private int encode(String text) {
            int n = text.length();
            if (frame.capacity() < n * 3) {
                frame = new UnsafeBuffer(new byte[Math.max(n * 3, frame.capacity() * 2)]);
            }
            UnsafeBuffer b = frame;
            int at = 0;
            for (int i = 0; i < n; i++) {
                char ch = text.charAt(i);
                if (ch < 0x80) {
                    b.putByte(at++, (byte) ch);
                } else if (ch < 0x800) {
                    b.putByte(at++, (byte) (0xC0 | (ch >> 6)));
                    b.putByte(at++, (byte) (0x80 | (ch & 0x3F)));
                } else if (Character.isHighSurrogate(ch) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint(ch, text.charAt(++i));
                    b.putByte(at++, (byte) (0xF0 | (cp >> 18)));
                    b.putByte(at++, (byte) (0x80 | ((cp >> 12) & 0x3F)));
                    b.putByte(at++, (byte) (0x80 | ((cp >> 6) & 0x3F)));
                    b.putByte(at++, (byte) (0x80 | (cp & 0x3F)));
                } else {
                    b.putByte(at++, (byte) (0xE0 | (ch >> 12)));
                    b.putByte(at++, (byte) (0x80 | ((ch >> 6) & 0x3F)));
                    b.putByte(at++, (byte) (0x80 | (ch & 0x3F)));
                }
            }
            return at;
        }
    }
}

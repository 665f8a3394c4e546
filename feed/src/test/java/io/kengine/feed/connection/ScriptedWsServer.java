package io.kengine.feed.connection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A WebSocket "server" on 127.0.0.1 that a test scripts byte by byte: it accepts, reads the upgrade request,
 * answers whatever the test says (a proper 101, a bad one, a 401 …), writes hand-built frames in any
 * chunking and reads the client's frames back, unmasking them. Every read has a deadline, so a test that
 * waits for something that never comes fails instead of hanging. {@link #ScriptedWsServer(SSLContext)} serves
 * the same over TLS.
 */
final class ScriptedWsServer implements AutoCloseable {
    static final int READ_TIMEOUT_MS = 5_000;

    private final ServerSocket server;
    private final String scheme;

    ScriptedWsServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setSoTimeout(READ_TIMEOUT_MS);
        scheme = "ws";
    }

    /** Over TLS: an SSLServerSocket on 127.0.0.1 presenting {@code tls}'s key; {@link #url} is {@code wss:}. */
    ScriptedWsServer(SSLContext tls) throws IOException {
        server = tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        server.setSoTimeout(READ_TIMEOUT_MS);
        scheme = "wss";
    }

    String url(String pathAndQuery) {
        return scheme + "://127.0.0.1:" + server.getLocalPort() + pathAndQuery;
    }

    int port() {
        return server.getLocalPort();
    }

    /** The next connection as it is, nothing read (e.g. to see a TLS ClientHello; over TLS, before the handshake). */
    Socket acceptRaw() throws IOException {
        Socket s = server.accept();
        s.setSoTimeout(READ_TIMEOUT_MS);
        return s;
    }

    /**
     * The next connection, with its upgrade request read; over TLS, after a completed handshake (ALPN: whatever
     * the client offered is written down in {@link Peer#offeredAlpn}, {@code http/1.1} chosen if offered).
     */
    Peer accept() throws IOException {
        Socket s = server.accept();
        s.setSoTimeout(READ_TIMEOUT_MS);
        s.setTcpNoDelay(true);
        List<String> offered = new CopyOnWriteArrayList<>();
        if (s instanceof SSLSocket ssl) {
            ssl.setHandshakeApplicationProtocolSelector((sock, protocols) -> {
                offered.addAll(protocols);
                return protocols.contains("http/1.1") ? "http/1.1" : "";
            });
            ssl.startHandshake();
        }
        Peer p = new Peer(s, offered);
        p.readRequest();
        return p;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** One accepted connection. */
    static final class Peer implements AutoCloseable {
        final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        String requestLine;
        /** Request headers, names lower-cased. */
        final Map<String, String> headers = new LinkedHashMap<>();
        /** Over TLS: the application protocols the client's ClientHello offered (ALPN), in its order. */
        final List<String> offeredAlpn;

        Peer(Socket socket, List<String> offeredAlpn) throws IOException {
            this.socket = socket;
            this.offeredAlpn = offeredAlpn;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        /** Over TLS: the negotiated session (protocol, requested server names …); null on plain TCP. */
        SSLSession tlsSession() {
            return socket instanceof SSLSocket ssl ? ssl.getSession() : null;
        }

        private void readRequest() throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    throw new EOFException("request head cut short");
                }
                head.write(b);
                matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            requestLine = lines[0];
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** A correct 101 for this request's key. */
        String switching(String... extraHeaders) {
            StringBuilder sb = new StringBuilder("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n")
                    .append("Sec-WebSocket-Accept: ").append(WsHandshake.acceptFor(header("Sec-WebSocket-Key"))).append("\r\n");
            for (String h : extraHeaders) {
                sb.append(h).append("\r\n");
            }
            return sb.append("\r\n").toString();
        }

        /** Answers 101 and writes {@code firstFrames} in the same write. */
        void accept101(byte[]... firstFrames) throws IOException {
            write(concat(switching().getBytes(StandardCharsets.US_ASCII), concat(firstFrames)));
        }

        void write(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        void write(String ascii) throws IOException {
            write(ascii.getBytes(StandardCharsets.ISO_8859_1));
        }

        /** One write (and flush) per {@code chunk} bytes: the client sees frames cut at every boundary. */
        void writeInChunks(byte[] bytes, int chunk) throws IOException {
            for (int i = 0; i < bytes.length; i += chunk) {
                out.write(bytes, i, Math.min(chunk, bytes.length - i));
                out.flush();
            }
        }

        /** The client's next frame, unmasked; {@link ClientFrame#masked} tells whether it was masked. */
        ClientFrame readFrame() throws IOException {
            int b0 = readByte();
            int b1 = readByte();
            long len = b1 & 0x7F;
            if (len == 126) {
                len = (readByte() << 8) | readByte();
            } else if (len == 127) {
                len = 0;
                for (int i = 0; i < 8; i++) {
                    len = (len << 8) | readByte();
                }
            }
            boolean masked = (b1 & 0x80) != 0;
            byte[] key = new byte[4];
            if (masked) {
                for (int i = 0; i < 4; i++) {
                    key[i] = (byte) readByte();
                }
            }
            byte[] payload = new byte[(int) len];
            for (int i = 0; i < payload.length; i++) {
                payload[i] = (byte) (readByte() ^ (masked ? key[i & 3] : 0));
            }
            return new ClientFrame((b0 & 0x80) != 0, b0 & 0x0F, masked, payload);
        }

        private int readByte() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("client closed the connection");
            }
            return b;
        }

        /** True when the client closes the TCP connection (no more bytes) before the read deadline. */
        boolean readsEndOfStream() throws IOException {
            try {
                return in.read() < 0;
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException reset) {
                return true; // a reset is a close too
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    record ClientFrame(boolean fin, int opcode, boolean masked, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length < 2 ? -1 : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        }
    }

    // ---------------------------------------------------------------- server frames

    static byte[] text(String s) {
        return frame(true, WsFrameReader.TEXT, s.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] frame(boolean fin, int opcode, byte[] payload) {
        return frame((fin ? 0x80 : 0) | opcode, payload, false);
    }

    /** {@code b0} as given (FIN, RSV, opcode); the shortest length encoding; optionally masked (servers must not). */
    static byte[] frame(int b0, byte[] payload, boolean mask) {
        int len = payload.length;
        ByteArrayOutputStream f = new ByteArrayOutputStream(len + 14);
        f.write(b0);
        int maskBit = mask ? 0x80 : 0;
        if (len < 126) {
            f.write(maskBit | len);
        } else if (len <= 0xFFFF) {
            f.write(maskBit | 126);
            f.write(len >>> 8);
            f.write(len);
        } else {
            f.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                f.write((int) ((long) len >>> shift));
            }
        }
        byte[] key = {0x11, 0x22, 0x33, 0x44};
        if (mask) {
            f.write(key, 0, 4);
        }
        for (int i = 0; i < len; i++) {
            f.write(mask ? payload[i] ^ key[i & 3] : payload[i]);
        }
        return f.toByteArray();
    }

    static byte[] close(int code, String reason) {
        byte[] r = reason.getBytes(StandardCharsets.UTF_8);
        byte[] p = new byte[2 + r.length];
        p[0] = (byte) (code >> 8);
        p[1] = (byte) code;
        System.arraycopy(r, 0, p, 2, r.length);
        return frame(true, WsFrameReader.CLOSE, p);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.write(p, 0, p.length);
        }
        return all.toByteArray();
    }
}

package io.kengine.sim.server;

import io.kengine.protocol.wire.auth.KalshiSigner;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A bare-socket WebSocket client that does only what it is told: it never answers a Ping on its
 * own, so the server's liveness check can be watched. Server frames are unmasked; frames we send
 * are masked (zero mask, which is legal).
 */
final class RawWs implements AutoCloseable {
    record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    final int status;

    RawWs(int port, KalshiSigner signer, long timestampMs) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        StringBuilder req = new StringBuilder()
                .append("GET ").append(SimServer.WS_PATH).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1:").append(port).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(Base64.getEncoder().encodeToString(new byte[16])).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        signer.headers(timestampMs, "GET", SimServer.WS_PATH).forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
        req.append("\r\n");
        out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String statusLine = readLine(in);
        status = Integer.parseInt(statusLine.split(" ")[1]);
        while (!readLine(in).isEmpty()) {
            // skip headers
        }
    }

    /** The next frame; null at end of stream. */
    Frame read() throws IOException {
        int b0 = in.read();
        if (b0 < 0) {
            return null;
        }
        int b1 = in.readUnsignedByte();
        long len = b1 & 0x7f;
        if (len == 126) {
            len = in.readUnsignedShort();
        } else if (len == 127) {
            len = in.readLong();
        }
        byte[] payload = new byte[(int) len];
        in.readFully(payload);
        return new Frame(b0 & 0x0f, payload);
    }

    void pong(byte[] payload) throws IOException {
        send(0xA, payload);
    }

    void text(String s) throws IOException {
        send(0x1, s.getBytes(StandardCharsets.UTF_8));
    }

    private void send(int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x80 | opcode);
        if (payload.length < 126) {
            f.write(0x80 | payload.length);
        } else {
            f.write(0x80 | 126);
            f.write(payload.length >> 8);
            f.write(payload.length);
        }
        f.write(new byte[4]); // zero mask
        f.write(payload);
        out.write(f.toByteArray());
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

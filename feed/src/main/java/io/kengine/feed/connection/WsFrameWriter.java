package io.kengine.feed.connection;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Writes client frames (RFC 6455 §5.2–5.3): unfragmented, masked with a fresh random key each (a client
 * must mask, so that its bytes cannot be chosen by a script to confuse proxies). One lock serializes the
 * writers — the reader thread (pongs, the Close answer) and the feed's threads (commands, pings, our Close) —
 * so frames never interleave. After our Close nothing more is sent. Sends are rare; text frames allocate.
 */
final class WsFrameWriter {
    private static final byte[] EMPTY = new byte[0];

    private final OutputStream out;
    private final SecureRandom random;
    private final byte[] mask = new byte[4];
    private byte[] frame = new byte[256];
    private boolean closeSent;

    WsFrameWriter(OutputStream out, SecureRandom random) {
        this.out = out;
        this.random = random;
    }

    /** False when our Close frame has already gone out. */
    synchronized boolean text(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        return !closeSent && write(WsFrameReader.TEXT, payload, 0, payload.length);
    }

    synchronized void ping(byte[] payload, int offset, int length) throws IOException {
        if (!closeSent) {
            write(WsFrameReader.PING, payload, offset, length);
        }
    }

    /** The answer to a Ping: the same payload (§5.5.3). */
    synchronized void pong(byte[] payload, int offset, int length) throws IOException {
        if (!closeSent) {
            write(WsFrameReader.PONG, payload, offset, length);
        }
    }

    /**
     * Our Close frame, once: {@code code} then the reason (UTF-8, cut to fit 125 bytes); {@link
     * WsFrameReader#NO_STATUS} sends an empty body. Returns false if a Close was already sent.
     */
    synchronized boolean close(int code, String reason) throws IOException {
        if (closeSent) {
            return false;
        }
        closeSent = true;
        if (code == WsFrameReader.NO_STATUS) {
            return write(WsFrameReader.CLOSE, EMPTY, 0, 0);
        }
        byte[] text = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(text.length, 123);
        while (n > 0 && n < text.length && (text[n] & 0xC0) == 0x80) {
            n--; // do not cut a UTF-8 sequence in half
        }
        byte[] body = new byte[2 + n];
        body[0] = (byte) (code >> 8);
        body[1] = (byte) code;
        System.arraycopy(text, 0, body, 2, n);
        return write(WsFrameReader.CLOSE, body, 0, body.length);
    }

    synchronized boolean closeSent() {
        return closeSent;
    }

    private boolean write(int opcode, byte[] payload, int offset, int length) throws IOException {
        int header = 2 + (length < 126 ? 0 : length <= 0xFFFF ? 2 : 8) + 4;
        if (frame.length < header + length) {
            frame = new byte[Math.max(header + length, frame.length * 2)];
        }
        byte[] f = frame;
        int at = 0;
        f[at++] = (byte) (0x80 | opcode); // FIN: we never fragment
        if (length < 126) {
            f[at++] = (byte) (0x80 | length);
        } else if (length <= 0xFFFF) {
            f[at++] = (byte) (0x80 | 126);
            f[at++] = (byte) (length >>> 8);
            f[at++] = (byte) length;
        } else {
            f[at++] = (byte) (0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                f[at++] = (byte) ((long) length >>> shift);
            }
        }
        random.nextBytes(mask);
        System.arraycopy(mask, 0, f, at, 4);
        at += 4;
        for (int i = 0; i < length; i++) {
            f[at + i] = (byte) (payload[offset + i] ^ mask[i & 3]);
        }
        out.write(f, 0, at + length);
        out.flush();
        return true;
    }
}

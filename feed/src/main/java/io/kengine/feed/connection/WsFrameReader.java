package io.kengine.feed.connection;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads server frames (RFC 6455 §5) from one socket into one reused buffer and parses them in place.
 * An unfragmented text frame that lies whole in the buffer is handed over where it lies, without a copy;
 * a frame cut by the end of the buffer is completed by moving the unread bytes to the front (or, for a
 * frame longer than the buffer, growing it up to the message cap) and reading more; fragmented messages
 * are assembled in a second reused buffer. In steady state nothing is allocated. Protocol errors are
 * thrown as {@link WsProtocolException} with the close code; the caller closes. One thread only.
 */
final class WsFrameReader {
    /** Called per frame, on the reading thread. */
    interface Handler {
        /** A whole text message, valid only during the call. */
        void onText(DirectBuffer buffer, int offset, int length, long receivedNanos);

        void onPing(byte[] payload, int offset, int length) throws IOException;

        void onPong();

        /** {@code code} 1005 when the frame carried none (§7.1.5). Reading stops after it. */
        void onClose(int code, String reason) throws IOException;
    }

    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;
    static final int NO_STATUS = 1005;

    /** Server frames are unmasked: 2 bytes + at most 8 of extended length. */
    static final int MAX_HEADER = 10;
    private static final int INITIAL_BUFFER = 64 * 1024;
    /** Move unread bytes to the front before a read that would have less room than this. */
    private static final int MIN_READ_ROOM = 4 * 1024;
    private static final int MORE = 0;
    private static final int CLOSED = 1;

    private final InputStream in;
    private final int maxMessage;
    private final int maxBuffer;
    private byte[] buf;
    private final UnsafeBuffer view;
    private int start;
    private int end;
    private int need;
    private int frameStart;
    private long lastReadNanos;

    private byte[] assembly = new byte[0];
    private final UnsafeBuffer assemblyView = new UnsafeBuffer(assembly);
    private int assembled;
    private boolean fragmented;

    /** @param maxMessage longest text message accepted (payload bytes); a longer one is closed with 1009 */
    WsFrameReader(InputStream in, int maxMessage) {
        if (maxMessage < 126) {
            throw new IllegalArgumentException("maxMessage must be at least 126, got " + maxMessage);
        }
        this.in = in;
        this.maxMessage = maxMessage;
        int initial = Math.max(WsHandshake.MAX_HEAD, Math.min(INITIAL_BUFFER, maxMessage + MAX_HEADER));
        this.maxBuffer = Math.max(initial, maxMessage + MAX_HEADER);
        this.buf = new byte[initial];
        this.view = new UnsafeBuffer(buf);
    }

    // ---------------------------------------------------------------- for the handshake

    byte[] buffer() {
        return buf;
    }

    /** End of the bytes read so far (the handshake reads from offset 0). */
    int end() {
        return end;
    }

    /** One read into the free end of the buffer; returns its count, -1 at the end of the stream. */
    int fill() throws IOException {
        int n = in.read(buf, end, buf.length - end);
        if (n > 0) {
            lastReadNanos = System.nanoTime();
            end += n;
        }
        return n;
    }

    /** The first {@code n} unread bytes are not frames (the upgrade answer's head). */
    void consume(int n) {
        start += n;
    }

    // ---------------------------------------------------------------- frames

    /** Reads and handles frames until a Close frame was handled; throws on a protocol error or I/O failure. */
    void readUntilClosed(Handler handler) throws IOException {
        while (parse(handler) == MORE) {
            makeRoom();
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                throw new EOFException("connection closed without a Close frame");
            }
            lastReadNanos = System.nanoTime(); // the receive stamp of every frame this read completes
            end += n;
        }
    }

    /** Handles every whole frame in {@code [start, end)}; sets {@link #need} to the bytes the next one needs. */
    private int parse(Handler h) throws IOException {
        while (true) {
            int avail = end - start;
            if (avail < 2) {
                need = 2;
                return MORE;
            }
            byte[] b = buf;
            int p = start;
            frameStart = p;
            int b0 = b[p] & 0xFF;
            int b1 = b[p + 1] & 0xFF;
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0F;
            int len7 = b1 & 0x7F;
            if ((b0 & 0x70) != 0) {
                throw error(WsProtocolException.PROTOCOL_ERROR, "RSV bits set, no extension was negotiated");
            }
            if ((b1 & 0x80) != 0) {
                throw error(WsProtocolException.PROTOCOL_ERROR, "masked frame from the server");
            }
            checkOpcode(opcode, fin, len7);
            int header = len7 == 126 ? 4 : len7 == 127 ? 10 : 2;
            if (avail < header) {
                need = header;
                return MORE;
            }
            long len = len7 == 126 ? ((b[p + 2] & 0xFF) << 8) | (b[p + 3] & 0xFF) : len7 == 127 ? long64(b, p + 2) : len7;
            if (len < 0) {
                throw error(WsProtocolException.PROTOCOL_ERROR, "64-bit payload length with the most significant bit set");
            }
            long message = opcode == CONTINUATION ? assembled + len : len;
            if (message > maxMessage) {
                throw error(WsProtocolException.MESSAGE_TOO_BIG, "message of " + (opcode == CONTINUATION ? "at least " : "")
                        + message + " bytes, over the " + maxMessage + "-byte limit");
            }
            int total = header + (int) len;
            if (avail < total) {
                need = total;
                return MORE;
            }
            int payload = p + header;
            start = p + total;
            if (dispatch(h, opcode, fin, payload, (int) len) == CLOSED) {
                return CLOSED;
            }
        }
    }

    private void checkOpcode(int opcode, boolean fin, int len7) throws WsProtocolException {
        switch (opcode) {
            case CONTINUATION:
                if (!fragmented) {
                    throw error(WsProtocolException.PROTOCOL_ERROR, "continuation frame without a message to continue");
                }
                return;
            case TEXT:
                if (fragmented) {
                    throw error(WsProtocolException.PROTOCOL_ERROR, "text frame inside a fragmented message");
                }
                return;
            case BINARY:
                if (fragmented) {
                    throw error(WsProtocolException.PROTOCOL_ERROR, "binary frame inside a fragmented message");
                }
                throw error(WsProtocolException.UNSUPPORTED_DATA, "binary message (Kalshi sends text only)");
            case CLOSE:
            case PING:
            case PONG:
                if (!fin) {
                    throw error(WsProtocolException.PROTOCOL_ERROR, "fragmented control frame");
                }
                if (len7 > 125) {
                    throw error(WsProtocolException.PROTOCOL_ERROR, "control frame payload over 125 bytes");
                }
                return;
            default:
                throw error(WsProtocolException.PROTOCOL_ERROR, "unknown opcode 0x" + Integer.toHexString(opcode));
        }
    }

    private int dispatch(Handler h, int opcode, boolean fin, int payload, int len) throws IOException {
        switch (opcode) {
            case TEXT:
                if (fin) {
                    h.onText(view, payload, len, lastReadNanos); // in place: no copy
                } else {
                    fragmented = true;
                    assembled = 0;
                    append(payload, len);
                }
                return MORE;
            case CONTINUATION:
                append(payload, len);
                if (fin) {
                    fragmented = false;
                    h.onText(assemblyView, 0, assembled, lastReadNanos);
                }
                return MORE;
            case PING:
                h.onPing(buf, payload, len);
                return MORE;
            case PONG:
                h.onPong();
                return MORE;
            default: // CLOSE: checkOpcode let nothing else through
                onClose(h, payload, len);
                return CLOSED;
        }
    }

    private void onClose(Handler h, int payload, int len) throws IOException {
        if (len == 0) {
            h.onClose(NO_STATUS, "");
            return;
        }
        if (len == 1) {
            throw error(WsProtocolException.PROTOCOL_ERROR, "Close frame with a 1-byte payload");
        }
        int code = ((buf[payload] & 0xFF) << 8) | (buf[payload + 1] & 0xFF);
        if (!sendableCloseCode(code)) {
            throw error(WsProtocolException.PROTOCOL_ERROR, "Close frame with code " + code + ", which may not be sent");
        }
        h.onClose(code, new String(buf, payload + 2, len - 2, StandardCharsets.UTF_8));
    }

    /** §7.4: codes an endpoint may put in a Close frame (1012–1014 registered with IANA since). */
    static boolean sendableCloseCode(int code) {
        return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
    }

    private void append(int payload, int len) {
        if (assembled + len > assembly.length) {
            byte[] bigger = new byte[(int) Math.min(maxMessage, Math.max(assembled + len,
                    Math.max(INITIAL_BUFFER, 2L * assembly.length)))];
            System.arraycopy(assembly, 0, bigger, 0, assembled);
            assembly = bigger;
            assemblyView.wrap(bigger);
        }
        System.arraycopy(buf, payload, assembly, assembled, len);
        assembled += len;
    }

    /** Room for at least {@link #need} bytes from {@code start}, and a read that is not tiny. */
    private void makeRoom() {
        if (start == end) {
            start = 0;
            end = 0;
        }
        if (need > buf.length) {
            byte[] bigger = new byte[(int) Math.min(maxBuffer, Math.max(need, 2L * buf.length))];
            System.arraycopy(buf, start, bigger, 0, end - start);
            end -= start;
            start = 0;
            buf = bigger;
            view.wrap(bigger);
        } else if (start > 0 && (buf.length - start < need || buf.length - end < MIN_READ_ROOM)) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
    }

    private static long long64(byte[] b, int p) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[p + i] & 0xFF);
        }
        return v;
    }

    /** With a hex sample of the offending frame's first bytes, for the log line. */
    private WsProtocolException error(int code, String what) {
        StringBuilder sb = new StringBuilder(what).append(" (frame starts");
        for (int i = frameStart; i < Math.min(end, frameStart + 12); i++) {
            sb.append(' ').append(Character.forDigit((buf[i] >> 4) & 0xF, 16)).append(Character.forDigit(buf[i] & 0xF, 16));
        }
        return new WsProtocolException(code, sb.append(')').toString());
    }
}

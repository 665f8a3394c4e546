package io.kengine.feed.connection;

import io.kengine.protocol.wire.auth.AuthHeaders;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The client's opening handshake (RFC 6455 §4.1): the HTTP/1.1 upgrade request with a fresh key and the
 * Kalshi auth headers, then the server's answer read and checked. No extension (permessage-deflate) and no
 * subprotocol is offered, so an answer that selects one is refused. Runs once per connection, on its reader
 * thread: it may allocate.
 */
final class WsHandshake {
    static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    /** A longer response head is not an upgrade answer we can use. */
    static final int MAX_HEAD = 16 * 1024;
    private static final int BODY_SAMPLE = 200;

    private final String key;
    private int status;
    private final Map<String, String> headers = new HashMap<>();

    WsHandshake(SecureRandom random) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        key = Base64.getEncoder().encodeToString(nonce);
    }

    /**
     * Writes the request and reads the answer through {@code reader}'s buffer, each read bounded by what is
     * left until {@code deadlineNanos}. On success the bytes after the head stay in the reader: they are the
     * first frames. A refusal is a {@link WsHandshakeException} naming the status and the start of the body.
     */
    void upgrade(Socket socket, OutputStream out, WsFrameReader reader, WsAddress address, AuthHeaders auth,
                 long deadlineNanos) throws IOException {
        out.write(request(address, auth));
        out.flush();
        int head;
        while ((head = parseHead(reader.buffer(), reader.end())) < 0) {
            if (reader.end() >= MAX_HEAD) {
                throw new WsHandshakeException("upgrade answer head longer than " + MAX_HEAD + " bytes");
            }
            readBefore(socket, reader, deadlineNanos);
        }
        if (status != 101) {
            throw new WsHandshakeException("HTTP " + status + " " + bodySample(socket, reader, head, deadlineNanos));
        }
        checkUpgrade();
        reader.consume(head);
    }

    private static void readBefore(Socket socket, WsFrameReader reader, long deadlineNanos) throws IOException {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("no complete upgrade answer within the HTTP timeout");
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000)));
        if (reader.fill() < 0) {
            throw new WsHandshakeException("connection closed during the upgrade");
        }
    }

    /** Up to 200 bytes of a refusal's body: what arrived with the head, plus what the length says will follow. */
    private String bodySample(Socket socket, WsFrameReader reader, int head, long deadlineNanos) {
        String cl = headers.get("content-length");
        int want = BODY_SAMPLE;
        boolean more = !"chunked".equalsIgnoreCase(header("transfer-encoding")); // chunked: take what is here
        if (cl != null) {
            try {
                want = (int) Math.min(BODY_SAMPLE, Long.parseLong(cl.trim()));
            } catch (NumberFormatException e) {
                more = false;
            }
        }
        try {
            while (more && reader.end() - head < want && reader.end() < reader.buffer().length) {
                readBefore(socket, reader, deadlineNanos);
            }
        } catch (IOException e) {
            // the status is the news; the body is a courtesy
        }
        int n = Math.min(want, reader.end() - head);
        return new String(reader.buffer(), head, Math.max(0, n), StandardCharsets.UTF_8).replace('\r', ' ').replace('\n', ' ');
    }

    byte[] request(WsAddress address, AuthHeaders auth) {
        StringBuilder sb = new StringBuilder(512)
                .append("GET ").append(printable(address.target)).append(" HTTP/1.1\r\n")
                .append("Host: ").append(printable(address.hostHeader)).append("\r\n")
                .append("Upgrade: websocket\r\n")
                .append("Connection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(key).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        auth.forEach((name, value) -> sb.append(name).append(": ").append(printable(value)).append("\r\n"));
        return sb.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** No CR/LF or other control bytes may reach the request: a header value could otherwise end the head. */
    private static String printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                throw new IllegalArgumentException("not printable ASCII at index " + i + " of a request line or header");
            }
        }
        return s;
    }

    /** Parses the response head in {@code b[0, len)}; returns its length (blank line included), -1 if incomplete. */
    int parseHead(byte[] b, int len) throws WsHandshakeException {
        int end = -1;
        for (int i = 3; i < len; i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                end = i + 1;
                break;
            }
        }
        if (end < 0) {
            return -1;
        }
        String[] lines = new String(b, 0, end - 4, StandardCharsets.ISO_8859_1).split("\r\n", -1);
        String statusLine = lines[0];
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' '
                || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
            throw new WsHandshakeException("not an HTTP/1.x status line: " + sample(statusLine));
        }
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new WsHandshakeException("not an HTTP/1.x status line: " + sample(statusLine));
        }
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(':');
            if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t' || line.charAt(colon - 1) == ' ') {
                throw new WsHandshakeException("malformed header line: " + sample(line));
            }
            String name = line.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            headers.merge(name, value, (a, v) -> a + ", " + v); // repeated fields are one comma-separated list
        }
        return end;
    }

    int status() {
        return status;
    }

    /** A response header (name case-insensitive), null when absent. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** RFC 6455 §4.1: what the client must check in a 101 before the connection is established. */
    void checkUpgrade() throws WsHandshakeException {
        String upgrade = header("Upgrade");
        if (upgrade == null || !upgrade.trim().equalsIgnoreCase("websocket")) {
            throw new WsHandshakeException("101 without Upgrade: websocket (got " + upgrade + ")");
        }
        if (!hasToken(header("Connection"), "upgrade")) {
            throw new WsHandshakeException("101 without Connection: upgrade (got " + header("Connection") + ")");
        }
        String accept = header("Sec-WebSocket-Accept");
        String expected = acceptFor(key);
        if (accept == null || !accept.equals(expected)) {
            throw new WsHandshakeException("Sec-WebSocket-Accept " + accept + " does not answer our key (expected " + expected + ")");
        }
        String ext = header("Sec-WebSocket-Extensions");
        if (ext != null && !ext.isBlank()) {
            throw new WsHandshakeException("server selected extensions we did not offer: " + sample(ext));
        }
        String protocol = header("Sec-WebSocket-Protocol");
        if (protocol != null && !protocol.isBlank()) {
            throw new WsHandshakeException("server selected a subprotocol we did not ask for: " + sample(protocol));
        }
    }

    private static boolean hasToken(String list, String token) {
        if (list == null) {
            return false;
        }
        for (String t : list.split(",")) {
            if (t.trim().equalsIgnoreCase(token)) {
                return true;
            }
        }
        return false;
    }

    /** base64(SHA-1(key + GUID)): what the server must answer to our key. */
    static String acceptFor(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JRE", e);
        }
    }

    private static String sample(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "…";
    }
}

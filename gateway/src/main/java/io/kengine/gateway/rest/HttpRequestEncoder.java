package io.kengine.gateway.rest;

import io.kengine.protocol.wire.auth.AuthHeaders;

import java.nio.charset.StandardCharsets;

/**
 * Serializes one order call as HTTP/1.1 bytes — request line, Host, the three {@code KALSHI-ACCESS-*}
 * headers, Content-Type (with a body), Content-Length, body — into a caller-owned buffer, without
 * allocating (the direct connection's reused buffer). Refuses what is not printable ASCII rather than
 * write a header an attacker-controlled id could split.
 */
final class HttpRequestEncoder {
    private static final byte[] HTTP11 = bytes(" HTTP/1.1\r\nHost: ");
    private static final byte[] KEY = bytes("\r\n" + AuthHeaders.KEY + ": ");
    private static final byte[] TIMESTAMP = bytes("\r\n" + AuthHeaders.TIMESTAMP + ": ");
    private static final byte[] SIGNATURE = bytes("\r\n" + AuthHeaders.SIGNATURE + ": ");
    private static final byte[] CONTENT_TYPE = bytes("\r\nContent-Type: application/json");
    private static final byte[] CONTENT_LENGTH = bytes("\r\nContent-Length: ");
    private static final byte[] END_OF_HEAD = bytes("\r\n\r\n");

    private final byte[] hostHeader;

    /** @param host the Host header's value ({@code host} or {@code host:port}) */
    HttpRequestEncoder(String host) {
        this.hostHeader = bytes(host);
    }

    /** An upper bound of {@link #encode}'s length (the timestamp and Content-Length at their widest). */
    int maxLength(String method, String path, byte[] body, AuthHeaders auth) {
        return method.length() + 1 + path.length() + HTTP11.length + hostHeader.length + KEY.length
            + auth.keyId().length() + TIMESTAMP.length + 20 + SIGNATURE.length + auth.signature().length()
            + CONTENT_TYPE.length + CONTENT_LENGTH.length + 11 + END_OF_HEAD.length + (body == null ? 0 : body.length);
    }

    /**
     * Writes the request at the start of {@code b} (at least {@link #maxLength} long) and returns its length.
     *
     * @param body null for none ({@code Content-Length: 0}, no Content-Type)
     * @throws IllegalArgumentException a method, path or header value that is not printable ASCII
     */
    int encode(byte[] b, String method, String path, byte[] body, AuthHeaders auth) {
        int bodyLength = body == null ? 0 : body.length;
        int p = ascii(b, 0, method);
        b[p++] = ' ';
        p = ascii(b, p, path);
        p = put(b, p, HTTP11);
        p = put(b, p, hostHeader);
        p = put(b, p, KEY);
        p = ascii(b, p, auth.keyId());
        p = put(b, p, TIMESTAMP);
        p = decimal(b, p, auth.timestampMs());
        p = put(b, p, SIGNATURE);
        p = ascii(b, p, auth.signature());
        if (body != null) {
            p = put(b, p, CONTENT_TYPE);
        }
        p = put(b, p, CONTENT_LENGTH);
        p = decimal(b, p, bodyLength);
        p = put(b, p, END_OF_HEAD);
        if (bodyLength > 0) {
            System.arraycopy(body, 0, b, p, bodyLength);
            p += bodyLength;
        }
        return p;
    }

    private static int ascii(byte[] b, int p, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c <= ' ' && c != ' ' || c >= 0x7F) {
                throw new IllegalArgumentException("not printable ASCII at index " + i);
            }
            b[p++] = (byte) c;
        }
        return p;
    }

    private static int put(byte[] b, int p, byte[] s) {
        System.arraycopy(s, 0, b, p, s.length);
        return p + s.length;
    }

    private static int decimal(byte[] b, int p, long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative");
        }
        int digits = 1;
        for (long x = v; x >= 10; x /= 10) {
            digits++;
        }
        for (int i = p + digits - 1; i >= p; i--) {
            b[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return p + digits;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

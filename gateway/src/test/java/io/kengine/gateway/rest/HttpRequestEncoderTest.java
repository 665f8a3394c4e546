package io.kengine.gateway.rest;

import io.kengine.protocol.wire.auth.AuthHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpRequestEncoderTest {
    private static final AuthHeaders AUTH = new AuthHeaders("key-1", 1_700_000_000_123L, "c2ln+/=");
    private final HttpRequestEncoder encoder = new HttpRequestEncoder("api.example:8443");

    private String encode(String method, String path, byte[] body, AuthHeaders auth) {
        byte[] b = new byte[encoder.maxLength(method, path, body, auth)];
        int n = encoder.encode(b, method, path, body, auth);
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    @Test
    void aRequestWithABodyHasContentTypeAndLength() {
        byte[] body = "{\"a\":1}".getBytes(StandardCharsets.US_ASCII);
        assertEquals("POST /p HTTP/1.1\r\nHost: api.example:8443\r\nKALSHI-ACCESS-KEY: key-1\r\n"
            + "KALSHI-ACCESS-TIMESTAMP: 1700000000123\r\nKALSHI-ACCESS-SIGNATURE: c2ln+/=\r\n"
            + "Content-Type: application/json\r\nContent-Length: 7\r\n\r\n{\"a\":1}", encode("POST", "/p", body, AUTH));
    }

    @Test
    void noBodyMeansContentLengthZeroAndNoContentType() {
        assertEquals("DELETE /p/X HTTP/1.1\r\nHost: api.example:8443\r\nKALSHI-ACCESS-KEY: key-1\r\n"
            + "KALSHI-ACCESS-TIMESTAMP: 1700000000123\r\nKALSHI-ACCESS-SIGNATURE: c2ln+/=\r\n"
            + "Content-Length: 0\r\n\r\n", encode("DELETE", "/p/X", null, AUTH));
    }

    @Test
    void theLengthBoundHoldsAtTheWidestTimestamp() {
        AuthHeaders widest = new AuthHeaders("k", Long.MAX_VALUE, "s");
        byte[] body = new byte[3];
        int bound = encoder.maxLength("POST", "/p", body, widest);
        assertTrue(encoder.encode(new byte[bound], "POST", "/p", body, widest) <= bound);
    }

    @Test
    void controlCharactersAndNonAsciiAreRefused() {
        byte[] b = new byte[4096];
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(b, "POST", "/p\r\nX: y", null, AUTH));
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(b, "POST", "/p",
            null, new AuthHeaders("key\n", 1L, "s")));
        assertThrows(IllegalArgumentException.class, () -> encoder.encode(b, "POST", "/é", null, AUTH));
    }
}

package io.kengine.gateway.rest;

import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpResponseParserTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Feeds the whole response in one piece; returns the bytes consumed. */
    private static int feedAll(HttpResponseParser p, byte[] b) throws IOException {
        return p.feed(b, 0, b.length);
    }

    @Test
    void contentLength() throws IOException {
        HttpResponseParser p = new HttpResponseParser();
        byte[] r = ascii("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\ncontent-length: 11\r\n\r\n{\"ok\":true}");
        assertEquals(r.length, feedAll(p, r));
        assertTrue(p.isComplete());
        assertEquals(201, p.status());
        assertEquals("{\"ok\":true}", new String(p.body(), StandardCharsets.US_ASCII));
        assertFalse(p.connectionClose());
    }

    @Test
    void chunkedWithExtensionsAndTrailers() throws IOException {
        HttpResponseParser p = new HttpResponseParser();
        byte[] r = ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n"
            + "1b ; x=\"y\"\r\n, chunked world with a size\r\n"
            + "0;last\r\nX-Trailer: 1\r\nOther: two\r\n\r\n");
        assertEquals(r.length, feedAll(p, r));
        assertTrue(p.isComplete());
        assertEquals("hello, chunked world with a size", new String(p.body(), StandardCharsets.US_ASCII));
    }

    @Test
    void everySplitPointGivesTheSameAnswer() throws IOException {
        String[] responses = {
            "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
            "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3;e=1\r\nabc\r\n2\r\nde\r\n0\r\nT: v\r\n\r\n",
            "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok",
        };
        String[] bodies = {"hello", "abcde", "ok"};
        int[] statuses = {200, 404, 201};
        HttpResponseParser p = new HttpResponseParser();
        for (int k = 0; k < responses.length; k++) {
            byte[] r = ascii(responses[k]);
            for (int split = 0; split <= r.length; split++) {
                p.reset();
                int used = p.feed(r, 0, split);
                assertEquals(split, used);
                assertEquals(split == r.length, p.isComplete(), "split " + split);
                used += p.feed(r, split, r.length - split);
                assertEquals(r.length, used);
                assertTrue(p.isComplete(), responses[k] + " split at " + split);
                assertEquals(statuses[k], p.status());
                assertEquals(bodies[k], new String(p.body(), StandardCharsets.US_ASCII));
            }
            p.reset(); // and one byte at a time
            for (int i = 0; i < r.length; i++) {
                assertFalse(p.isComplete());
                assertEquals(1, p.feed(r, i, 1));
            }
            assertTrue(p.isComplete());
            assertEquals(bodies[k], new String(p.body(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void stopsAtTheEndOfTheResponse() throws IOException {
        HttpResponseParser p = new HttpResponseParser();
        byte[] first = ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        byte[] both = ascii("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 204 No Content\r\n\r\n");
        assertEquals(first.length, feedAll(p, both));
        assertTrue(p.isComplete());
        p.reset();
        assertEquals(both.length - first.length, p.feed(both, first.length, both.length - first.length));
        assertTrue(p.isComplete());
        assertEquals(204, p.status());
        assertEquals(0, p.body().length);
    }

    @Test
    void connectionClose() throws IOException {
        HttpResponseParser p = new HttpResponseParser();
        feedAll(p, ascii("HTTP/1.1 503 Service Unavailable\r\nConnection: keep-alive, Close\r\nContent-Length: 0\r\n\r\n"));
        assertTrue(p.isComplete());
        assertTrue(p.connectionClose());
        assertEquals(503, p.status());

        p.reset(); // no length, not chunked: the body runs to the end of the stream
        byte[] r = ascii("HTTP/1.1 200 OK\r\n\r\nuntil close");
        feedAll(p, r);
        assertFalse(p.isComplete());
        p.endOfStream();
        assertTrue(p.isComplete());
        assertTrue(p.connectionClose());
        assertEquals("until close", new String(p.body(), StandardCharsets.US_ASCII));

        p.reset(); // HTTP/1.0 closes
        feedAll(p, ascii("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"));
        assertTrue(p.connectionClose());
    }

    @Test
    void endOfStreamMidResponseIsAnError() throws IOException {
        HttpResponseParser p = new HttpResponseParser();
        assertTrue(p.isAtStart());
        assertThrows(EOFException.class, p::endOfStream);
        feedAll(p, ascii("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"));
        assertFalse(p.isAtStart());
        assertThrows(EOFException.class, p::endOfStream);
        p.reset();
        feedAll(p, ascii("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab"));
        assertThrows(EOFException.class, p::endOfStream);
    }

    @Test
    void malformedResponsesAreErrorsNotCrashes() {
        String[] bad = {
            "HTTP/2 200 OK\r\n\r\n",
            "HTTP/1.1 20 OK\r\n\r\n",
            "HTTP/1.1 2x0 OK\r\n\r\n",
            "ICY 200 OK\r\n\r\n",
            "HTTP/1.1 200OK\r\n\r\n",
            "\r\n",
            "garbage\r\n",
            "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 12a\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 99999999999\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabX\r\n",
            "HTTP/1.1 200 OK\r\nBare: cr\rx\r\n\r\n",
        };
        for (String r : bad) {
            HttpResponseParser p = new HttpResponseParser();
            assertThrows(HttpResponseParser.ProtocolException.class, () -> feedAll(p, ascii(r)), r);
        }
        HttpResponseParser p = new HttpResponseParser();
        byte[] longLine = new byte[HttpResponseParser.MAX_LINE + 10];
        java.util.Arrays.fill(longLine, (byte) 'a');
        assertThrows(HttpResponseParser.ProtocolException.class, () -> feedAll(p, longLine));
    }

    @Test
    void bodyLargerThanTheInitialBufferGrows() throws IOException {
        byte[] body = new byte[100_000];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) ('a' + i % 26);
        }
        byte[] head = ascii("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n");
        HttpResponseParser p = new HttpResponseParser();
        p.feed(head, 0, head.length);
        for (int i = 0; i < body.length; i += 7_000) {
            p.feed(body, i, Math.min(7_000, body.length - i));
        }
        assertTrue(p.isComplete());
        assertArrayEquals(body, p.body());
    }
}

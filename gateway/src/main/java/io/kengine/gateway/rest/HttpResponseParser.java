package io.kengine.gateway.rest;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;

/**
 * An incremental HTTP/1.1 response parser for {@link DirectConnection}: bytes are pushed in as they
 * arrive ({@link #feed}), in pieces of any size. It reads the status line, the headers (only
 * {@code Content-Length}, {@code Transfer-Encoding} and {@code Connection} matter), then the body by
 * {@code Content-Length}, by {@code Transfer-Encoding: chunked} (extensions ignored, trailers skipped)
 * or, with neither, until the connection closes ({@link #endOfStream}). Interim 1xx responses are skipped;
 * 204 and 304 have no body. Anything malformed is a {@link ProtocolException} (an {@link IOException}: the
 * caller's "no reply" path), never a crash. One instance is reused for every response of a connection
 * ({@link #reset}); its buffers grow but are kept.
 */
final class HttpResponseParser {
    static final int MAX_LINE = 8 * 1024;
    static final int MAX_HEADER_BYTES = 64 * 1024;
    static final int MAX_BODY = 16 * 1024 * 1024;
    private static final byte[] NO_BODY = new byte[0];

    /** A response the parser refuses. */
    static final class ProtocolException extends IOException {
        ProtocolException(String message) {
            super(message);
        }
    }

    private enum State { STATUS, HEADERS, BODY, BODY_TO_CLOSE, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, DONE }

    private State state = State.STATUS;
    private final byte[] line = new byte[MAX_LINE];
    private int lineLength;
    private boolean sawCr;
    private int headerBytes;

    private int status;
    private long contentLength;
    private boolean chunked;
    private boolean close;
    private long remaining;

    private byte[] body = new byte[4096];
    private int bodyLength;

    /** Ready for the next response (keeps the buffers). */
    void reset() {
        state = State.STATUS;
        lineLength = 0;
        sawCr = false;
        headerBytes = 0;
        status = 0;
        contentLength = -1;
        chunked = false;
        close = false;
        remaining = 0;
        bodyLength = 0;
    }

    HttpResponseParser() {
        reset();
    }

    boolean isComplete() {
        return state == State.DONE;
    }

    /** Nothing of a response has arrived yet. */
    boolean isAtStart() {
        return state == State.STATUS && lineLength == 0 && !sawCr && headerBytes == 0;
    }

    int status() {
        return status;
    }

    /** The server said {@code Connection: close}, or the body ran to the end of the stream. */
    boolean connectionClose() {
        return close;
    }

    /** The complete body, copied out (the caller keeps it; the parser's buffer is reused). */
    byte[] body() {
        return bodyLength == 0 ? NO_BODY : Arrays.copyOf(body, bodyLength);
    }

    /**
     * Consumes bytes of the response until it is complete.
     *
     * @return how many of the {@code length} bytes belong to this response (fewer only when it completed)
     */
    int feed(byte[] b, int offset, int length) throws ProtocolException {
        int i = offset;
        int end = offset + length;
        while (i < end && state != State.DONE) {
            switch (state) {
                case BODY:
                case CHUNK_DATA: {
                    int n = (int) Math.min(remaining, end - i);
                    appendBody(b, i, n);
                    i += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = state == State.BODY ? State.DONE : State.CHUNK_END;
                    }
                    break;
                }
                case BODY_TO_CLOSE: {
                    appendBody(b, i, end - i);
                    i = end;
                    break;
                }
                default: { // the line-oriented states
                    byte c = b[i++];
                    if (++headerBytes > MAX_HEADER_BYTES && (state == State.STATUS || state == State.HEADERS
                        || state == State.TRAILERS)) {
                        throw new ProtocolException("response head too large");
                    }
                    if (c == '\n') {
                        onLine();
                        lineLength = 0;
                        sawCr = false;
                    } else if (sawCr) {
                        throw new ProtocolException("bare CR in response head");
                    } else if (c == '\r') {
                        sawCr = true;
                    } else {
                        if (lineLength == MAX_LINE) {
                            throw new ProtocolException("response line too long");
                        }
                        line[lineLength++] = c;
                    }
                    break;
                }
            }
        }
        return i - offset;
    }

    /** The stream ended: completes a read-to-close body, otherwise the response was cut short. */
    void endOfStream() throws IOException {
        if (state == State.BODY_TO_CLOSE) {
            state = State.DONE;
            return;
        }
        if (state != State.DONE) {
            throw new EOFException(isAtStart() ? "connection closed before a response" : "connection closed mid-response");
        }
    }

    private void onLine() throws ProtocolException {
        switch (state) {
            case STATUS:
                parseStatus();
                state = State.HEADERS;
                break;
            case HEADERS:
                if (lineLength == 0) {
                    endOfHead();
                } else {
                    parseHeader();
                }
                break;
            case CHUNK_SIZE:
                parseChunkSize();
                break;
            case CHUNK_END:
                if (lineLength != 0) {
                    throw new ProtocolException("chunk not followed by CRLF");
                }
                state = State.CHUNK_SIZE;
                break;
            case TRAILERS:
                if (lineLength == 0) {
                    state = State.DONE;
                }
                break;
            default:
                throw new ProtocolException("unexpected state " + state);
        }
    }

    /** {@code HTTP/1.x SP 3DIGIT [SP reason]} */
    private void parseStatus() throws ProtocolException {
        if (lineLength < 12 || !startsWith("HTTP/1.") || (line[7] != '0' && line[7] != '1') || line[8] != ' '
            || (lineLength > 12 && line[12] != ' ')) {
            throw new ProtocolException("malformed status line");
        }
        int s = 0;
        for (int i = 9; i < 12; i++) {
            byte d = line[i];
            if (d < '0' || d > '9') {
                throw new ProtocolException("malformed status code");
            }
            s = s * 10 + (d - '0');
        }
        if (s < 100) {
            throw new ProtocolException("malformed status code");
        }
        status = s;
        if (line[7] == '0') {
            close = true; // HTTP/1.0: no keep-alive unless asked, and we never ask
        }
    }

    private void parseHeader() throws ProtocolException {
        int colon = -1;
        for (int i = 0; i < lineLength; i++) {
            if (line[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon <= 0) {
            throw new ProtocolException("malformed header line");
        }
        int vs = colon + 1;
        int ve = lineLength;
        while (vs < ve && (line[vs] == ' ' || line[vs] == '\t')) {
            vs++;
        }
        while (ve > vs && (line[ve - 1] == ' ' || line[ve - 1] == '\t')) {
            ve--;
        }
        if (nameIs(colon, "content-length")) {
            long v = 0;
            if (vs == ve) {
                throw new ProtocolException("empty Content-Length");
            }
            for (int i = vs; i < ve; i++) {
                byte d = line[i];
                if (d < '0' || d > '9' || v > MAX_BODY) {
                    throw new ProtocolException("bad Content-Length");
                }
                v = v * 10 + (d - '0');
            }
            if (contentLength >= 0 && contentLength != v) {
                throw new ProtocolException("conflicting Content-Length");
            }
            if (v > MAX_BODY) {
                throw new ProtocolException("body too large");
            }
            contentLength = v;
        } else if (nameIs(colon, "transfer-encoding")) {
            if (valueContains(vs, ve, "chunked")) {
                chunked = true;
            }
        } else if (nameIs(colon, "connection")) {
            if (valueContains(vs, ve, "close")) {
                close = true;
            }
        }
    }

    private void endOfHead() {
        if (status >= 100 && status < 200) { // interim (100 Continue, 103 Early Hints): the real one follows
            int keepClose = close ? 1 : 0;
            reset();
            close = keepClose == 1;
            return;
        }
        if (status == 204 || status == 304) {
            state = State.DONE;
        } else if (chunked) { // wins over Content-Length (RFC 9112 §6.3)
            state = State.CHUNK_SIZE;
        } else if (contentLength >= 0) {
            remaining = contentLength;
            state = remaining == 0 ? State.DONE : State.BODY;
        } else {
            close = true;
            state = State.BODY_TO_CLOSE;
        }
    }

    /** {@code 1*HEXDIG [; ext...]}; zero starts the trailers. */
    private void parseChunkSize() throws ProtocolException {
        long size = 0;
        int i = 0;
        for (; i < lineLength; i++) {
            int d = hex(line[i]);
            if (d < 0) {
                break;
            }
            size = size * 16 + d;
            if (size > MAX_BODY) {
                throw new ProtocolException("chunk too large");
            }
        }
        if (i == 0 || (i < lineLength && line[i] != ';' && line[i] != ' ' && line[i] != '\t')) {
            throw new ProtocolException("malformed chunk size");
        }
        if (size == 0) {
            state = State.TRAILERS;
            headerBytes = 0;
            return;
        }
        if (bodyLength + size > MAX_BODY) {
            throw new ProtocolException("body too large");
        }
        remaining = size;
        state = State.CHUNK_DATA;
    }

    private void appendBody(byte[] b, int offset, int n) throws ProtocolException {
        if (n == 0) {
            return;
        }
        if (bodyLength + n > MAX_BODY) {
            throw new ProtocolException("body too large");
        }
        if (bodyLength + n > body.length) {
            body = Arrays.copyOf(body, Math.max(bodyLength + n, Math.min(MAX_BODY, body.length * 2)));
        }
        System.arraycopy(b, offset, body, bodyLength, n);
        bodyLength += n;
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private boolean startsWith(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (line[i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Case-insensitive: the header name (line[0, length)) equals the lower-case {@code name}. */
    private boolean nameIs(int length, String name) {
        if (length != name.length()) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (lower(line[i]) != name.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Case-insensitive token search in a comma-separated value. */
    private boolean valueContains(int from, int to, String token) {
        int n = token.length();
        for (int i = from; i + n <= to; i++) {
            boolean match = true;
            for (int j = 0; j < n; j++) {
                if (lower(line[i + j]) != token.charAt(j)) {
                    match = false;
                    break;
                }
            }
            if (match && (i == from || line[i - 1] == ',' || line[i - 1] == ' ')
                && (i + n == to || line[i + n] == ',' || line[i + n] == ' ' || line[i + n] == ';')) {
                return true;
            }
        }
        return false;
    }

    private static int lower(byte c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}

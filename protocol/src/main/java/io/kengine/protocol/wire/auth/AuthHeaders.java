package io.kengine.protocol.wire.auth;

import java.util.function.BiConsumer;

/**
 * The three Kalshi auth header values of one request (kalshi-api.md §1.1). Headers signed for a
 * fixed method and path can be reused while {@link #timestampMs()} is fresh enough (DESIGN: pre-sign
 * off the business thread). {@link #toString()} redacts the signature.
 */
public record AuthHeaders(String keyId, long timestampMs, String signature) {
    public static final String KEY = "KALSHI-ACCESS-KEY";
    public static final String TIMESTAMP = "KALSHI-ACCESS-TIMESTAMP";
    public static final String SIGNATURE = "KALSHI-ACCESS-SIGNATURE";

    /** The timestamp header value: decimal milliseconds. */
    public String timestamp() {
        return Long.toString(timestampMs);
    }

    /** Hands each (name, value) pair to {@code sink}, e.g. {@code headers.forEach(builder::header)}. */
    public void forEach(BiConsumer<String, String> sink) {
        sink.accept(KEY, keyId);
        sink.accept(TIMESTAMP, timestamp());
        sink.accept(SIGNATURE, signature);
    }

    @Override
    public String toString() {
        return "AuthHeaders[" + KEY + "=" + keyId + ", " + TIMESTAMP + "=" + timestampMs + ", " + SIGNATURE + "=<redacted>]";
    }
}

package io.kengine.sim.server;

import io.kengine.protocol.wire.auth.AuthHeaders;
import io.kengine.protocol.wire.auth.KalshiVerifier;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Checks Kalshi's three auth headers (reference §1): the key must be registered, the timestamp
 * (Unix ms) within ±window of the server clock, and the signature an RSA-PSS SHA-256 (salt 32)
 * signature of {@code timestamp + METHOD + path}, path without the query string. The body is
 * never signed, so a signature over anything else fails. Thread-safe.
 */
public final class Authenticator {
    public static final String HEADER_KEY = AuthHeaders.KEY;
    public static final String HEADER_TIMESTAMP = AuthHeaders.TIMESTAMP;
    public static final String HEADER_SIGNATURE = AuthHeaders.SIGNATURE;

    /** Either the key that signed, or the error to answer with. */
    public record Result(ApiKey key, RestError error) {
        public boolean ok() {
            return key != null;
        }
    }

    private record Entry(ApiKey key, KalshiVerifier verifier) {
    }

    private final ConcurrentHashMap<String, Entry> keys = new ConcurrentHashMap<>();
    private final LongSupplier clockMillis;
    private final long windowMillis;

    public Authenticator(LongSupplier clockMillis, long windowMillis) {
        this.clockMillis = clockMillis;
        this.windowMillis = windowMillis;
    }

    public void register(ApiKey key) {
        keys.put(key.keyId(), new Entry(key, key.verifier()));
    }

    public ApiKey key(String keyId) {
        Entry e = keys.get(keyId);
        return e == null ? null : e.key();
    }

    /**
     * @param method upper-case HTTP method
     * @param path   the request path from the host root, without the query string
     */
    public Result authenticate(String method, String path, String keyId, String timestamp, String signature) {
        if (keyId == null || keyId.isEmpty()) {
            return new Result(null, RestError.missingHeader(HEADER_KEY));
        }
        if (timestamp == null || timestamp.isEmpty()) {
            return new Result(null, RestError.missingHeader(HEADER_TIMESTAMP));
        }
        if (signature == null || signature.isEmpty()) {
            return new Result(null, RestError.missingHeader(HEADER_SIGNATURE));
        }
        Entry entry = keys.get(keyId);
        if (entry == null) {
            return new Result(null, RestError.unknownKey());
        }
        long ts = KalshiVerifier.parseTimestamp(timestamp);
        if (ts < 0 || Math.abs(clockMillis.getAsLong() - ts) > windowMillis) {
            return new Result(null, RestError.timestampExpired());
        }
        if (!entry.verifier().verify(ts, method, path, signature)) {
            return new Result(null, RestError.badSignature());
        }
        return new Result(entry.key(), null);
    }
}

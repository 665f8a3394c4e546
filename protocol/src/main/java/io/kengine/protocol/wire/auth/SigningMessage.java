package io.kengine.protocol.wire.auth;

import io.kengine.protocol.wire.KalshiPaths;
import java.nio.charset.StandardCharsets;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Locale;

/**
 * What Kalshi signs (kalshi-api.md §1.2–1.3): {@code timestampMs + METHOD + path}, UTF-8, no
 * separators, with the query string stripped and the body never included; RSA-PSS with SHA-256,
 * MGF1-SHA-256 and a 32-byte salt (the digest length, as every official example uses).
 */
public final class SigningMessage {
    /** JDK algorithm name; the parameters come from {@link #PSS}. */
    public static final String ALGORITHM = "RSASSA-PSS";
    /** SHA-256, MGF1(SHA-256), salt 32, trailer field 1. */
    public static final PSSParameterSpec PSS =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, PSSParameterSpec.TRAILER_FIELD_BC);

    private SigningMessage() {
    }

    /**
     * The signed text, e.g. {@code 1703123456789GET/trade-api/v2/portfolio/balance}. The method is
     * upper-cased; {@code path} must start with '/' and may carry a query, which is dropped.
     */
    public static String text(long timestampMs, String method, String path) {
        if (method == null || method.isEmpty()) {
            throw new IllegalArgumentException("method is empty");
        }
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', got " + (path == null ? "null" : "\"" + path + "\""));
        }
        if (timestampMs < 0) {
            throw new IllegalArgumentException("negative timestamp " + timestampMs);
        }
        return timestampMs + method.toUpperCase(Locale.ROOT) + KalshiPaths.stripQuery(path);
    }

    static byte[] bytes(long timestampMs, String method, String path) {
        return text(timestampMs, method, path).getBytes(StandardCharsets.UTF_8);
    }
}

package io.kengine.protocol.wire.auth;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Verifies Kalshi request signatures (the simulator's side of {@link KalshiSigner}): RSA-PSS,
 * SHA-256, MGF1-SHA-256, salt exactly 32. Whether real Kalshi also accepts other salt lengths is
 * UNCONFIRMED (kalshi-api.md §1.3); this verifier does not.
 *
 * <p>Thread-safe: each call uses its own {@link Signature}. Never throws on bad input: a null,
 * malformed or forged value is simply {@code false}.
 */
public final class KalshiVerifier {
    private final PublicKey key;

    public KalshiVerifier(PublicKey key) {
        if (key == null) {
            throw new IllegalArgumentException("public key is null");
        }
        this.key = key;
    }

    public boolean verify(long timestampMs, String method, String path, String signatureBase64) {
        if (signatureBase64 == null || method == null || path == null || timestampMs < 0
                || method.isEmpty() || !path.startsWith("/")) {
            return false;
        }
        byte[] sig;
        try {
            sig = Base64.getDecoder().decode(signatureBase64);
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Signature s = Signature.getInstance(SigningMessage.ALGORITHM);
            s.setParameter(SigningMessage.PSS);
            s.initVerify(key);
            s.update(SigningMessage.bytes(timestampMs, method, path));
            return s.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // wrong length, not a PSS encoding, key mismatch: all the same answer
        }
    }

    /**
     * Verifies header values as received: the timestamp header is decimal text. False when it is
     * not a plain non-negative decimal number.
     */
    public boolean verify(String timestampHeader, String method, String path, String signatureBase64) {
        long ts = parseTimestamp(timestampHeader);
        return ts >= 0 && verify(ts, method, path, signatureBase64);
    }

    /** Parses a timestamp header: digits only, at most 18 of them; -1 when it is anything else. */
    public static long parseTimestamp(String header) {
        if (header == null || header.isEmpty() || header.length() > 18) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}

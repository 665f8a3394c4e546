package io.kengine.protocol.wire.auth;

/**
 * A key file or PEM text that {@link KalshiKeys} cannot use. The message says what was found and
 * what was expected; it never contains key material.
 */
public final class KalshiKeyException extends IllegalArgumentException {
    KalshiKeyException(String message) {
        super(message);
    }

    KalshiKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.kengine.protocol.wire.rest;

/**
 * Kalshi's {@code ErrorResponse}: {@code {code, message, details}} (+ {@code service}, deprecated
 * and removed Aug 2026). {@link ApiErrorCodes} lists the code strings the reference names.
 */
public record ApiError(String code, String message, String details, String service) {
    public static ApiError of(String code, String message) {
        return new ApiError(code, message, null, null);
    }
}

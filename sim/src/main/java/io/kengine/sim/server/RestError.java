package io.kengine.sim.server;

import io.kengine.protocol.wire.rest.ApiError;
import io.kengine.protocol.wire.rest.ErrorBody;
import io.kengine.protocol.wire.rest.ErrorCodecs;
import io.kengine.sim.exchange.ExchangeError;

/**
 * A REST error answer: HTTP status plus Kalshi's error envelope
 * {@code {"error":{"code":…,"message":…,"details":…}}} (reference §3.13), or the bare-string 429
 * body {@code {"error":"too many requests"}} (§7). Bodies are written by the wire module.
 */
public record RestError(int status, String code, String message, String details) {
    /** The documented 429 body, byte for byte. */
    public static final String TOO_MANY_REQUESTS_BODY = ErrorCodecs.ERROR_BODY.toJson(ErrorBody.TOO_MANY_REQUESTS);

    public static RestError of(int status, String code, String message) {
        return new RestError(status, code, message, null);
    }

    /** An exchange refusal as Kalshi answers it. */
    public static RestError of(ExchangeError e) {
        return new RestError(e.httpStatus(), e.code(), e.message(), e.details().isEmpty() ? null : e.details());
    }

    // Auth bodies as third parties recorded them from Kalshi: a bad signature and an unknown key are
    // authentication_error with INCORRECT_API_KEY_SIGNATURE / NOT_FOUND in details; a stale timestamp is
    // header_timestamp_expired without details.

    public static RestError badSignature() {
        return new RestError(401, "authentication_error", "authentication error", "INCORRECT_API_KEY_SIGNATURE");
    }

    public static RestError unknownKey() {
        return new RestError(401, "authentication_error", "authentication error", "NOT_FOUND");
    }

    public static RestError missingHeader(String header) {
        return new RestError(401, "authentication_error", "authentication error", "missing header " + header);
    }

    public static RestError timestampExpired() {
        return new RestError(401, "header_timestamp_expired", "header timestamp expired", null);
    }

    public static RestError notFound(String details) {
        return new RestError(404, "not_found", "not found", details);
    }

    public static RestError invalidParameters(String details) {
        return new RestError(400, "invalid_parameters", "invalid parameters", details);
    }

    public static RestError internal() {
        return new RestError(500, "internal_server_error", "internal server error", null);
    }

    public static RestError serviceUnavailable() {
        return new RestError(503, "service_unavailable", "service_unavailable", null);
    }

    /** 429 with the bare-string body. */
    public static RestError tooManyRequests() {
        return new RestError(429, null, "too many requests", null);
    }

    /** The wire error object (for batch items). */
    public ApiError apiError() {
        return new ApiError(code, message, details, null);
    }

    /** The JSON body of this error. */
    public String body() {
        if (code == null) {
            return TOO_MANY_REQUESTS_BODY;
        }
        return ErrorCodecs.ERROR_BODY.toJson(ErrorBody.of(apiError()));
    }
}

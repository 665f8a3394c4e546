package io.kengine.protocol.wire.rest;

/**
 * An error reply body; exactly one component is set (kalshi-api.md §3.13):
 * <ul>
 *   <li>{@code error} → {@code {"error":{"code":...,"message":...,"details":...}}}, the envelope
 *       observed on the wire (official confirmation UNCONFIRMED; the reader also takes the bare
 *       documented {@code {code, message, details}});</li>
 *   <li>{@code text} → {@code {"error":"too many requests"}}, the documented 429 body.</li>
 * </ul>
 */
public record ErrorBody(ApiError error, String text) {
    /** The 429 body. */
    public static final ErrorBody TOO_MANY_REQUESTS = new ErrorBody(null, "too many requests");

    public ErrorBody {
        if ((error == null) == (text == null)) {
            throw new IllegalArgumentException("exactly one of error and text must be set");
        }
    }

    public static ErrorBody of(ApiError error) {
        return new ErrorBody(error, null);
    }

    public static ErrorBody of(String code, String message) {
        return new ErrorBody(ApiError.of(code, message), null);
    }
}

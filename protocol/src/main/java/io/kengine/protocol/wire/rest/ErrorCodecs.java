package io.kengine.protocol.wire.rest;

import io.kengine.protocol.wire.json.JsonCodec;
import io.kengine.protocol.wire.json.JsonObject;
import io.kengine.protocol.wire.json.JsonOut;
import io.kengine.protocol.wire.json.JsonValue;

/** REST error bodies (kalshi-api.md §3.13). */
public final class ErrorCodecs {
    private ErrorCodecs() {
    }

    /**
     * Writes {@code {"error":{...}}} or {@code {"error":"text"}}. Reads both, and also the bare
     * documented {@code {"code":...,"message":...}} without the envelope.
     */
    public static final JsonCodec<ErrorBody> ERROR_BODY = JsonCodec.of("ErrorBody",
            (b, o) -> {
                if (b.error() != null) {
                    o.object("error", b.error(), ErrorCodecs::writeApiError);
                } else {
                    o.str("error", b.text());
                }
            },
            ErrorCodecs::readBody);

    static void writeApiError(ApiError e, JsonOut o) {
        o.str("code", e.code()).str("message", e.message()).str("details", e.details()).str("service", e.service());
    }

    static ApiError readApiError(JsonObject in) {
        return new ApiError(in.optStr("code"), in.optStr("message"), in.optStr("details"), in.optStr("service"));
    }

    private static ErrorBody readBody(JsonObject in) {
        JsonValue e = in.get("error");
        if (e == null) {
            if (in.has("code") || in.has("message")) {
                return ErrorBody.of(readApiError(in));
            }
            throw in.missing("error");
        }
        if (e.isString()) {
            return new ErrorBody(null, e.asString());
        }
        if (e.isObject()) {
            return ErrorBody.of(readApiError(e.asObject()));
        }
        throw e.wrongType("an object or a string");
    }
}

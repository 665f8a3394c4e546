package io.kengine.gateway.rest;

import io.kengine.protocol.wire.KalshiPaths;
import io.kengine.protocol.wire.auth.AuthHeaders;
import io.kengine.protocol.wire.rest.GetOrdersResponse;
import io.kengine.protocol.wire.rest.PortfolioCodecs;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;

/**
 * Signed, synchronous GETs over OkHttp, for the threads that may block (the reconciler, the 409 lookups);
 * never the sender thread.
 */
final class SignedGets {
    private final String origin;
    private final OkHttpClient http;
    private final RequestSigner signer;

    SignedGets(String origin, OkHttpClient http, RequestSigner signer) {
        this.origin = origin;
        this.http = http;
        this.signer = signer;
    }

    /** The body of a 2xx answer; throws on any other status. */
    byte[] get(String pathAndQuery) throws IOException {
        AuthHeaders auth = signer.forGet(pathAndQuery);
        Request request = new Request.Builder().url(origin + pathAndQuery).get()
            .header(AuthHeaders.KEY, auth.keyId()).header(AuthHeaders.TIMESTAMP, auth.timestamp())
            .header(AuthHeaders.SIGNATURE, auth.signature()).build();
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            byte[] bytes = body == null ? new byte[0] : body.bytes();
            if (response.code() / 100 != 2) {
                throw new IOException("GET " + KalshiPaths.stripQuery(pathAndQuery) + " answered " + response.code());
            }
            return bytes;
        }
    }

    /** One page of {@code GET /portfolio/orders} (null ticker / status = all). */
    GetOrdersResponse getOrders(String ticker, String status, String cursor) throws IOException {
        String path = KalshiPaths.withQuery(KalshiPaths.ORDERS, "ticker", ticker, "status", status, "limit", "1000",
            "cursor", cursor == null || cursor.isEmpty() ? null : cursor);
        return PortfolioCodecs.GET_ORDERS_RESPONSE.fromJson(get(path));
    }
}

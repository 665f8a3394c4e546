package io.kengine.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.kengine.protocol.wire.auth.KalshiSigner;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Real RSA-PSS signatures over loopback: what is accepted, what gets 401 and with which body. */
class AuthTest {
    private static final String STATUS = "/trade-api/v2/exchange/status";
    private static Harness h;

    @BeforeAll
    static void start() {
        h = new Harness();
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    @Test
    void correctSignatureIsAccepted() throws Exception {
        Harness.Reply r = h.get(STATUS);
        assertEquals(200, r.code(), r.body());
        assertEquals(true, r.json().get("exchange_active").asBoolean());
    }

    @Test
    void queryStringIsNotSigned() throws Exception {
        assertEquals(200, h.get(STATUS + "?limit=5&cursor=abc").code());
    }

    @Test
    void signatureFromAnotherKeyIsRefused() throws Exception {
        KalshiSigner wrongKey = TestKeys.signer("key-alice", TestKeys.MALLORY); // alice's id, mallory's key
        Harness.Reply r = h.call(wrongKey, "GET", STATUS, null);
        assertAuthError(r, "authentication_error", "INCORRECT_API_KEY_SIGNATURE");
    }

    @Test
    void unknownKeyIsRefused() throws Exception {
        Harness.Reply r = h.call(TestKeys.signer("key-nobody", TestKeys.MALLORY), "GET", STATUS, null);
        assertAuthError(r, "authentication_error", "NOT_FOUND");
    }

    @Test
    void tamperedPathIsRefused() throws Exception {
        // signed for /portfolio/balance, sent to /exchange/status
        Request.Builder b = new Request.Builder().url(h.url(STATUS));
        h.alice.headers(h.clock.get(), "GET", "/trade-api/v2/portfolio/balance").forEach(b::header);
        assertAuthError(h.call(b.build()), "authentication_error", "INCORRECT_API_KEY_SIGNATURE");
    }

    @Test
    void tamperedMethodIsRefused() throws Exception {
        Request.Builder b = new Request.Builder().url(h.url(STATUS));
        h.alice.headers(h.clock.get(), "POST", STATUS).forEach(b::header);
        assertAuthError(h.call(b.build()), "authentication_error", "INCORRECT_API_KEY_SIGNATURE");
    }

    @Test
    void oldTimestampIsRefused() throws Exception {
        long old = h.clock.get() - 30_001;
        Request.Builder b = new Request.Builder().url(h.url(STATUS));
        h.alice.headers(old, "GET", STATUS).forEach(b::header);
        assertAuthError(h.call(b.build()), "header_timestamp_expired", null);
    }

    @Test
    void timestampAtTheEdgeOfTheWindowIsAccepted() throws Exception {
        for (long skew : new long[] {-30_000, 30_000}) {
            Request.Builder b = new Request.Builder().url(h.url(STATUS));
            h.alice.headers(h.clock.get() + skew, "GET", STATUS).forEach(b::header);
            assertEquals(200, h.call(b.build()).code(), "skew " + skew);
        }
    }

    @Test
    void futureTimestampOutsideTheWindowIsRefused() throws Exception {
        Request.Builder b = new Request.Builder().url(h.url(STATUS));
        h.alice.headers(h.clock.get() + 60_000, "GET", STATUS).forEach(b::header);
        assertAuthError(h.call(b.build()), "header_timestamp_expired", null);
    }

    @Test
    void signatureOverTheBodyIsRefused() throws Exception {
        String path = "/trade-api/v2/portfolio/events/orders";
        String body = "{\"ticker\":\"X\"}";
        long ts = h.clock.get();
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
        s.initSign(TestKeys.ALICE.getPrivate());
        s.update((ts + "POST" + path + body).getBytes(StandardCharsets.UTF_8));
        Request request = new Request.Builder().url(h.url(path))
                .header("KALSHI-ACCESS-KEY", "key-alice")
                .header("KALSHI-ACCESS-TIMESTAMP", Long.toString(ts))
                .header("KALSHI-ACCESS-SIGNATURE", Base64.getEncoder().encodeToString(s.sign()))
                .post(RequestBody.create(body, Harness.JSON_TYPE))
                .build();
        assertAuthError(h.call(request), "authentication_error", "INCORRECT_API_KEY_SIGNATURE");
    }

    @Test
    void missingHeadersAreRefused() throws Exception {
        Harness.Reply r = h.call(new Request.Builder().url(h.url(STATUS)).build());
        assertEquals(401, r.code());
        assertEquals("authentication_error", r.json().path("error").path("code").asText());
    }

    @Test
    void garbageSignatureIsRefused() throws Exception {
        Request request = new Request.Builder().url(h.url(STATUS))
                .header("KALSHI-ACCESS-KEY", "key-alice")
                .header("KALSHI-ACCESS-TIMESTAMP", Long.toString(h.clock.get()))
                .header("KALSHI-ACCESS-SIGNATURE", "not base64 !!")
                .build();
        assertAuthError(h.call(request), "authentication_error", "INCORRECT_API_KEY_SIGNATURE");
    }

    @Test
    void webSocketUpgradeIsAuthenticated() throws Exception {
        WsProbe ok = h.openWs(h.alice);
        ok.socket.close(1000, null);

        // signed for the REST prefix instead of the WebSocket path
        WsProbe refused = new WsProbe();
        Request.Builder b = new Request.Builder().url("ws://127.0.0.1:" + h.server.port() + SimServer.WS_PATH);
        h.alice.headers(h.clock.get(), "GET", "/trade-api/v2").forEach(b::header);
        h.http.newWebSocket(b.build(), refused);
        refused.awaitEnd(WsProbe.WAIT);
        assertNotNull(refused.failureResponse, "upgrade must be refused with an HTTP answer");
        assertEquals(401, refused.failureResponse.code());
        JsonNode body = Harness.json(refused.failureBody);
        assertEquals("INCORRECT_API_KEY_SIGNATURE", body.path("error").path("details").asText());
    }

    @Test
    void webSocketUpgradeWithStaleTimestampIsRefused() throws Exception {
        WsProbe refused = new WsProbe();
        Request.Builder b = new Request.Builder().url("ws://127.0.0.1:" + h.server.port() + SimServer.WS_PATH);
        h.alice.headers(h.clock.get() - 120_000, "GET", SimServer.WS_PATH).forEach(b::header);
        h.http.newWebSocket(b.build(), refused);
        refused.awaitEnd(WsProbe.WAIT);
        assertNotNull(refused.failureResponse);
        assertEquals(401, refused.failureResponse.code());
        assertEquals("header_timestamp_expired",
                Harness.json(refused.failureBody).path("error").path("code").asText());
    }

    private static void assertAuthError(Harness.Reply r, String code, String details) {
        assertEquals(401, r.code(), r.body());
        JsonNode error = r.json().get("error");
        assertNotNull(error, r.body());
        assertEquals(code, error.path("code").asText(), r.body());
        assertNotNull(error.get("message"));
        if (details == null) {
            assertNull(error.get("details"), r.body());
        } else {
            assertEquals(details, error.path("details").asText(), r.body());
        }
    }
}

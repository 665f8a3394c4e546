package io.kengine.sim.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kengine.protocol.wire.auth.KalshiSigner;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.WebSocket;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A started server on a random loopback port, a manual clock shared by server and signers, the
 * key "key-alice" (account alice) and "key-bob" (account bob), and a real OkHttp client.
 */
class Harness implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final MediaType JSON_TYPE = MediaType.get("application/json");

    final AtomicLong clock = new AtomicLong(System.currentTimeMillis());
    final SimServer server;
    final OkHttpClient http = new OkHttpClient.Builder()
            .connectTimeout(Duration.ofSeconds(5))
            .readTimeout(Duration.ofSeconds(5))
            .retryOnConnectionFailure(false)
            .build();
    final KalshiSigner alice = TestKeys.signer("key-alice", TestKeys.ALICE);
    final KalshiSigner bob = TestKeys.signer("key-bob", TestKeys.BOB);

    record Reply(int code, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    Harness(SimServerConfig.Builder config) {
        server = new SimServer(config.clockMillis(clock::get).build());
        server.registerKey("key-alice", "alice", TestKeys.publicPem(TestKeys.ALICE));
        server.registerKey("key-bob", "bob", TestKeys.publicPem(TestKeys.BOB));
        server.start();
    }

    Harness() {
        this(SimServerConfig.builder());
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    /** A request signed by {@code signer} for {@code method path} (query stripped), body attached. */
    Request signed(KalshiSigner signer, String method, String path, String body) {
        String pathOnly = URI.create(path).getRawPath();
        Request.Builder b = new Request.Builder().url(url(path));
        signer.headers(clock.get(), method, pathOnly).forEach(b::header);
        RequestBody rb = body == null ? null : RequestBody.create(body, JSON_TYPE);
        return b.method(method, rb).build();
    }

    Reply call(Request request) throws IOException {
        try (Response r = http.newCall(request).execute()) {
            return new Reply(r.code(), r.body().string());
        }
    }

    Reply call(KalshiSigner signer, String method, String path, String body) throws IOException {
        return call(signed(signer, method, path, body));
    }

    Reply get(String path) throws IOException {
        return call(alice, "GET", path, null);
    }

    /** Opens an authenticated WebSocket for {@code signer}; waits until it is open. */
    WsProbe openWs(KalshiSigner signer) throws InterruptedException {
        WsProbe probe = new WsProbe();
        Request.Builder b = new Request.Builder().url("ws://127.0.0.1:" + server.port() + SimServer.WS_PATH);
        signer.headers(clock.get(), "GET", SimServer.WS_PATH).forEach(b::header);
        WebSocket ws = http.newWebSocket(b.build(), probe);
        probe.awaitOpen();
        assert ws == probe.socket;
        return probe;
    }

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(5);
        }
    }

    @Override
    public void close() {
        server.close();
        http.dispatcher().executorService().shutdownNow();
        http.connectionPool().evictAll();
    }
}

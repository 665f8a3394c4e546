package io.kengine.sim.server;

import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** permessage-deflate is negotiated only when the config allows it (it caps the simulator's frame rate). */
class WsCompressionTest {

    @Test
    void compressionIsOffByDefaultAndOnWhenConfigured() throws Exception {
        try (Harness h = new Harness()) {
            assertEquals("", extensions(h));
        }
        try (Harness h = new Harness(SimServerConfig.builder().webSocketCompression(true))) {
            assertTrue(extensions(h).contains("permessage-deflate"), extensions(h));
        }
    }

    /** The Sec-WebSocket-Extensions the server answered an OkHttp client (which always offers deflate). */
    private static String extensions(Harness h) throws Exception {
        String path = SimServer.WS_PATH;
        Request.Builder b = new Request.Builder().url("ws://127.0.0.1:" + h.server.port() + path);
        h.alice.headers(h.clock.get(), "GET", path).forEach(b::header);
        CompletableFuture<String> answer = new CompletableFuture<>();
        WebSocket ws = h.http.newWebSocket(b.build(), new WebSocketListener() {
            @Override
            public void onOpen(WebSocket webSocket, Response response) {
                String ext = response.header("Sec-WebSocket-Extensions");
                answer.complete(ext == null ? "" : ext);
            }

            @Override
            public void onFailure(WebSocket webSocket, Throwable t, Response response) {
                answer.completeExceptionally(t);
            }
        });
        try {
            return answer.get(5, TimeUnit.SECONDS);
        } finally {
            ws.close(1000, "done");
        }
    }
}
